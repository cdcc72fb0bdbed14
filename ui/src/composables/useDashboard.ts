import { computed, ref, watch } from 'vue';
import { DASHBOARD_QUERY, type DashboardData } from '../pages/dashboard.graphql';
import { errorMessage, request } from './useGraphQL';

const DAY_MS = 86_400_000;

/** YYYY-MM-DD of a UTC day: the API counts volumeByDay in UTC days, so the range picks UTC days too. */
export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** Every day from `from` to `to`, both included. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to && days.length < 400; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The dashboard for an inclusive range of days; reloads whenever the range changes. */
export function useDashboard(initialDays = 7) {
  const to = ref(utcDay(new Date()));
  const from = ref(addDays(to.value, 1 - initialDays));
  const data = ref<DashboardData | null>(null);
  const loading = ref(false);
  const error = ref<string | null>(null);
  let inFlight: AbortController | null = null;

  // The API refuses more than 366 days (api/graphql/resolvers/dashboard.resolvers.ts); say so before asking.
  const invalid = computed(() => {
    if (!from.value || !to.value || from.value > to.value) return 'From must be on or before To.';
    return daysBetween(from.value, to.value).length > 366 ? 'Choose at most 366 days.' : null;
  });

  async function load(): Promise<void> {
    inFlight?.abort();
    if (invalid.value) {
      error.value = invalid.value;
      return;
    }
    const controller = (inFlight = new AbortController());
    loading.value = true;
    error.value = null;
    try {
      // `to` is exclusive on the API: the day after the last day shown.
      const answer = await request(DASHBOARD_QUERY, { from: from.value, to: addDays(to.value, 1) }, { signal: controller.signal });
      data.value = answer.dashboard;
    } catch (caught) {
      if ((caught as Error)?.name === 'AbortError') return;
      error.value = errorMessage(caught);
    } finally {
      if (inFlight === controller) loading.value = false;
    }
  }

  function lastDays(days: number): void {
    to.value = utcDay(new Date());
    from.value = addDays(to.value, 1 - days);
  }

  watch([from, to], () => void load());
  return { from, to, data, loading, error, load, lastDays };
}
