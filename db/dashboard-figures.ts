// The dashboard's figures as PostgreSQL counts them, from the read model (`cases`) and the append-only audit
// log (`audit_events`) the workflow writes at every transition (db/case-records.ts). One statement per figure
// group, run side by side: a dashboard costs four round trips however long the period. Shaped for GraphQL
// by api/dashboard/dashboard-queries.ts.
//
// Every dashboard figure is about the cases created in [from, to), whenever their later events happened.
// Counts are of cases, not of events: a retried activity may append an audit event twice
// (record-transition.activity.ts), and a case reviewed again after a failed delivery has a second `decided`.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Channel } from '../domain/case.js';

type ChannelName = Uppercase<Channel>;

// One row per case in range with what its audit events say about it:
// - auto_sent: an `auto_approved` event (policy sent the draft without a human);
// - escalated: an `escalated` event, by the review timer or by a supervisor;
// - breached: the review deadline passed without a decision: a timer `escalated` (a supervisor's carries
//   `by` in its detail, the timer's does not) or an `expired` event;
// - first_decided_at: the first `decided` event, when the human decision reached the workflow.
// `decision` is the human decision in force (approve, edit, reject); auto-sent cases have none.
// Grouping by the primary key lets the case's other columns through.
const CASE_FACTS = `
  facts as (
    select c.id, c.intent, c.stage, c.decision, c.created_at,
      bool_or(e.type = 'auto_approved') as auto_sent,
      bool_or(e.type = 'escalated') as escalated,
      bool_or((e.type = 'escalated' and (e.detail->>'by') is null) or e.type = 'expired') as breached,
      min(e.created_at) filter (where e.type = 'decided') as first_decided_at
    from cases c
    left join audit_events e on e.case_id = c.id and e.type in ('auto_approved', 'escalated', 'expired', 'decided')
    where c.created_at >= ? and c.created_at < ?
    group by c.id
  )`;

// Cases opened per UTC day and channel; channels upper-case, as the GraphQL Channel enum names them.
const VOLUME_SQL = `
  select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') as day, upper(channel) as channel, count(*)::int as count
  from cases where created_at >= ? and created_at < ?
  group by 1, 2 order by 1, 2`;

// blocked: cases that ended at screening (a guardrail or a carrier keyword). timeToDecision: seconds from
// the case opening to its first `decided` event, over the cases that have one; percentile_cont
// interpolates between neighbours and ignores cases without a decision (null).
const OUTCOMES_SQL = `
  with ${CASE_FACTS}
  select
    (count(*) filter (where auto_sent))::int as "autoSent",
    (count(*) filter (where decision is not null))::int as "humanDecided",
    (count(*) filter (where stage = 'blocked'))::int as blocked,
    (count(*) filter (where escalated))::int as escalations,
    (count(*) filter (where breached))::int as "slaBreaches",
    count(first_decided_at)::int as "decidedCount",
    percentile_cont(0.5) within group (order by extract(epoch from first_decided_at - created_at)) as "p50Seconds",
    percentile_cont(0.9) within group (order by extract(epoch from first_decided_at - created_at)) as "p90Seconds"
  from facts`;

// Per drafted intent (cases never drafted have none): reviewed counts cases with a human decision.
const INTENTS_SQL = `
  with ${CASE_FACTS}
  select intent,
    (count(*) filter (where decision is not null))::int as reviewed,
    (count(*) filter (where decision = 'approve'))::int as approved,
    (count(*) filter (where decision = 'edit'))::int as edited,
    (count(*) filter (where decision = 'reject'))::int as rejected,
    (count(*) filter (where auto_sent))::int as "autoSent"
  from facts where intent is not null
  group by intent order by count(*) desc, intent`;

// Every finding of the inbound screening counts, several per case when a rule matched several times.
// Class and rule as the findings store them (security_violation, pii, …), like Case.findings.
const GUARDRAIL_HITS_SQL = `
  select f->>'class' as class, f->>'rule' as rule, count(*)::int as count
  from cases c cross join lateral jsonb_array_elements(c.findings) f
  where c.created_at >= ? and c.created_at < ?
  group by 1, 2 order by count desc, class, rule`;

// claimed: claims held now on cases still waiting for a decision; claimed_by stays on the row after a
// claim lapses (nothing is written when a TTL runs out), hence the claimed_until test.
// decidedToday: cases whose `decided` event names the user as its actor, since midnight UTC.
const TEAM_LOAD_SQL = `
  select email, sum(claimed)::int as claimed, sum(decided_today)::int as "decidedToday" from (
    select claimed_by as email, count(*) as claimed, 0 as decided_today
    from cases
    where stage in ('awaiting_review', 'escalated') and claimed_until > now() and claimed_by is not null
    group by claimed_by
    union all
    select actor, 0, count(distinct case_id)
    from audit_events
    where type = 'decided' and created_at >= date_trunc('day', now() at time zone 'UTC') at time zone 'UTC'
    group by actor
  ) load group by email`;

export interface DayVolumeRow {
  day: string;
  channel: ChannelName;
  count: number;
}

export interface OutcomesRow {
  autoSent: number;
  humanDecided: number;
  blocked: number;
  escalations: number;
  slaBreaches: number;
  decidedCount: number;
  p50Seconds: number | null;
  p90Seconds: number | null;
}

export interface IntentRow {
  intent: string;
  reviewed: number;
  approved: number;
  edited: number;
  rejected: number;
  autoSent: number;
}

export interface GuardrailHitRow {
  class: string;
  rule: string;
  count: number;
}

/** The case figures of [from, to), each group in one statement, the four side by side. */
export async function dashboardRows(em: EntityManager, from: Date, to: Date) {
  const range = [from, to];
  const [days, [outcomes], intents, guardrailHits] = await Promise.all([
    em.execute<DayVolumeRow[]>(VOLUME_SQL, range),
    em.execute<OutcomesRow[]>(OUTCOMES_SQL, range),
    em.execute<IntentRow[]>(INTENTS_SQL, range),
    em.execute<GuardrailHitRow[]>(GUARDRAIL_HITS_SQL, range),
  ]);
  return { days, outcomes: outcomes!, intents, guardrailHits };
}

/** Claims held now and cases decided today, per user email. */
export function teamLoadRows(em: EntityManager): Promise<{ email: string; claimed: number; decidedToday: number }[]> {
  return em.execute(TEAM_LOAD_SQL);
}
