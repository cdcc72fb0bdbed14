import { ref, type Ref } from 'vue';
import { DECIDE_CASE_MUTATION, type DecisionInput } from '../pages/case.graphql';
import type { CaseDetail } from '../pages/case.graphql';
import type { Decision } from '../types';
import { errorCode, errorMessage, request, type ErrorCode } from './useGraphQL';

interface Attempt {
  key: string;
  decisionId: string;
}

function newDecisionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a LAN address over plain http is not one.
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Sends reviewer decisions. Each attempt gets one decisionId, reused if the same decision is re-sent
 * before the server answered (double click, retry after a network drop) so the API counts it once.
 */
export function useDecision(caseId: Ref<string>, onDecided: (updated: CaseDetail) => void) {
  const busy = ref(false);
  const error = ref<string | null>(null);
  const errorKind = ref<ErrorCode | null>(null);
  const decided = ref<Decision | null>(null);
  let attempt: Attempt | null = null;

  async function decide(decision: Decision, extra: { text?: string; reason?: string } = {}): Promise<boolean> {
    if (busy.value) return false;
    const key = JSON.stringify([caseId.value, decision, extra.text ?? null, extra.reason ?? null]);
    if (attempt?.key !== key) attempt = { key, decisionId: newDecisionId() };
    const input: DecisionInput = { decision, decisionId: attempt.decisionId };
    if (extra.text !== undefined) input.text = extra.text;
    if (extra.reason) input.reason = extra.reason;

    busy.value = true;
    error.value = null;
    errorKind.value = null;
    try {
      const data = await request(DECIDE_CASE_MUTATION, { id: caseId.value, input });
      attempt = null;
      decided.value = decision;
      onDecided(data.decideCase);
      return true;
    } catch (caught) {
      // Keep the attempt (and its decisionId) only when we never heard back: the server may have acted.
      if (errorCode(caught) !== 'NETWORK') attempt = null;
      error.value = errorMessage(caught);
      errorKind.value = errorCode(caught);
      return false;
    } finally {
      busy.value = false;
    }
  }

  function reset(): void {
    attempt = null;
    error.value = null;
    errorKind.value = null;
    decided.value = null;
  }

  return { busy, error, errorKind, decided, decide, reset };
}
