// The case's read-model row and the workflow state it mirrors, mapped once. The workflow owns the columns
// listed in FROM_STATE: recordTransition (activities/record-transition.activity.ts) writes them at every
// transition, and the GraphQL case view (api/graphql/resolvers/case-view.ts) reads them from the row, or
// from the live state an Update answered with. A case field the workflow owns is added here and in the
// entity (db/entities/case.entity.ts): the write follows, and the view reads it with one line.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseState } from '../domain/case.js';
import { CASE_EVENTS_CHANNEL, type CaseEvent } from './case-events.js';
import type { Case } from './entities/index.js';

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);

/** Each column the workflow owns, as the entity names it, and its value in a case's state. */
const FROM_STATE = {
  stage: (state) => state.stage,
  intent: (state) => state.intent,
  confidence: (state) => state.confidence,
  escalationLevel: (state) => state.escalationLevel,
  deadline: (state) => date(state.deadline),
  draft: (state) => state.draft,
  reply: (state) => state.reply,
  classification: (state) => state.guardrail.classification,
  findings: (state) => state.guardrail.findings,
  decision: (state) => state.decision?.decision ?? null,
  decidedBy: (state) => state.decision?.reviewer ?? null,
  policyVersion: (state) => state.policyVersion,
  claimedBy: (state) => state.claim?.reviewer ?? null,
  claimedUntil: (state) => date(state.claim?.until),
  wouldAutoSend: (state) => state.wouldAutoSend,
  supersededBy: (state) => state.supersededBy,
  draftError: (state) => state.draftError,
  blockedReason: (state) => state.blockedReason ?? null,
  deliveryStatus: (state) => state.delivery?.status ?? null,
  deliveryError: (state) => state.deliveryError ?? null,
} satisfies { [K in keyof Case]?: (state: CaseState) => Case[K] };

type StateColumn = keyof typeof FROM_STATE;
export type CaseStateColumns = Pick<Case, StateColumn>;

const STATE_COLUMNS = Object.keys(FROM_STATE) as StateColumn[];
/** Columns PostgreSQL stores as jsonb: bound as JSON text and cast. */
const JSON_COLUMNS: ReadonlySet<StateColumn> = new Set(['findings']);
const columnName = (property: string) => property.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * The state-owned columns of a case as it is now: the live state when the caller has it (an Update's answer),
 * else the row itself. Not copied: the queue views fifty rows a page, and a copy built key by key costs
 * several times the view itself (measured: ~40 µs against ~6 µs per case).
 */
export function caseStateColumns(row: Case, live?: CaseState): CaseStateColumns {
  return live ? columnsOfState(live) : row;
}

function columnsOfState(state: CaseState): CaseStateColumns {
  return Object.fromEntries(STATE_COLUMNS.map((column) => [column, FROM_STATE[column](state)])) as CaseStateColumns;
}

// One statement, so one round trip and one implicit transaction: the read-model row, the audit event and
// the NOTIFY commit together or not at all. It runs several times per case on the worker's hot path, where
// round trips to PostgreSQL are most of the cost.
const RECORD_TRANSITION_SQL = `
  with updated as (
    update cases set
      ${STATE_COLUMNS.map((column) => `${columnName(column)} = ?${JSON_COLUMNS.has(column) ? '::jsonb' : ''}`).join(', ')},
      updated_at = now()
    where id = ?
    returning id, conversation_id, created_at
  ), audited as (
    insert into audit_events (case_id, actor, type, detail, created_at)
    select id, ?, ?, ?::jsonb, now() from updated
    returning case_id
  )
  select count(*)::int as recorded, (select created_at from updated) as created_at,
    pg_notify('${CASE_EVENTS_CHANNEL}', (?::jsonb || jsonb_build_object('conversationId', (select conversation_id from updated)))::text)
  from audited`;

export interface TransitionAudit {
  actor: string;
  type: string;
  detail: Record<string, unknown>;
}

/**
 * Writes the case's state to its row, appends the audit event and notifies listeners of `event` (its
 * conversation added from the row), in one transaction. Answers whether the row existed, and when the case
 * was created.
 */
export async function recordCaseTransition(
  em: EntityManager, caseId: string, state: CaseState, audit: TransitionAudit, event: Omit<CaseEvent, 'conversationId'>,
): Promise<{ recorded: boolean; createdAt: Date | null }> {
  const values = STATE_COLUMNS.map((column) => {
    const value = FROM_STATE[column](state);
    return JSON_COLUMNS.has(column) ? JSON.stringify(value) : value;
  });
  const [row] = await em.execute<{ recorded: number; created_at: Date | null }[]>(RECORD_TRANSITION_SQL, [
    ...values, caseId, audit.actor, audit.type, JSON.stringify(audit.detail), JSON.stringify(event),
  ]);
  return { recorded: row?.recorded === 1, createdAt: row?.created_at ?? null };
}

// Replies reviewers approved (as is or edited) and that went out, for messages sharing words with this one;
// the same 'simple' text-search index the queue's search uses. The query is computed first and passed as a
// constant, so PostgreSQL can use that index instead of scanning every case.
const WORDS_QUERY_SQL = `select replace(plainto_tsquery('simple', ?)::text, ' & ', ' | ') as query`;
const SENT_REPLIES_LIKE_SQL = `
  select c.inbound_text, c.reply from cases c
  where to_tsvector('simple', c.inbound_text) @@ ?::tsquery and c.id <> ? and c.decision in ('approve', 'edit')
    and c.reply is not null and c.stage in ('sent', 'sending')
  order by ts_rank(to_tsvector('simple', c.inbound_text), ?::tsquery) desc, c.created_at desc limit ?`;

/** Approved replies of other cases whose message shares words with `text`, best match first (the drafter's examples). */
export async function sentRepliesLike(em: EntityManager, caseId: string, text: string, limit: number): Promise<{ inbound_text: string; reply: string }[]> {
  const [{ query } = { query: '' }] = await em.execute<{ query: string }[]>(WORDS_QUERY_SQL, [text.slice(0, 2_000)]);
  if (!query) return [];
  return em.execute<{ inbound_text: string; reply: string }[]>(SENT_REPLIES_LIKE_SQL, [query, caseId, query, limit]);
}
