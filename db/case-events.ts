// Case events travel through PostgreSQL NOTIFY so that every API instance, whichever worker wrote the
// change, streams them to its subscribers. activities/record-transition.activity.ts sends them in the same
// statement that writes the change: no event for a rolled-back change, none lost for a committed one
// while listeners are connected.
export const CASE_EVENTS_CHANNEL = 'case_events';

export interface CaseEvent {
  caseId: string;
  type: string;
  stage: string;
  at: string;
  /** The case's conversation, so listeners such as the web chat can pick their own events without a query. */
  conversationId?: string | null;
}
