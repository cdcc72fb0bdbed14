import { computed, ref } from 'vue';
import {
  SUPERVISOR_BOARD_QUERY, type SupervisedCase, type TeamMemberLoad, type TeamUser,
} from '../pages/supervisor.graphql';
import { errorMessage, request } from './useGraphQL';

/** The supervisor page's read model: refreshed whole on load and after any case event. */
export function useSupervisorBoard() {
  const cases = ref<SupervisedCase[]>([]);
  const teamLoad = ref<TeamMemberLoad[]>([]);
  const users = ref<TeamUser[]>([]);
  const loaded = ref(false);
  const error = ref<string | null>(null);
  // A slow answer must not overwrite a newer one that arrived first.
  let latest = 0;

  async function refresh(): Promise<void> {
    const ticket = ++latest;
    try {
      const data = await request(SUPERVISOR_BOARD_QUERY);
      if (ticket !== latest) return;
      cases.value = data.cases.edges.map((edge) => edge.node);
      teamLoad.value = data.teamLoad;
      users.value = data.users;
      error.value = null;
      loaded.value = true;
    } catch (caught) {
      if (ticket === latest) error.value = errorMessage(caught);
    }
  }

  return {
    refresh,
    loaded,
    error,
    teamLoad,
    escalated: computed(() => cases.value.filter((c) => c.stage === 'ESCALATED')),
    waiting: computed(() => cases.value.filter((c) => c.stage === 'AWAITING_REVIEW')),
    reviewers: computed(() => users.value.filter((u) => !u.disabled).map((u) => u.email).sort()),
  };
}
