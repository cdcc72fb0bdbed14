// The supervisor dashboard as GraphQL shows it: totals per channel, rates per intent, team load by user,
// from the counts db/dashboard-figures.ts reads. Called by the dashboard resolvers.
import type { EntityManager } from '@mikro-orm/postgresql';
import { dashboardRows, teamLoadRows, type DayVolumeRow } from '../../db/dashboard-figures.js';
import type { Channel } from '../../domain/case.js';

export interface DashboardRange {
  from: Date;
  to: Date;
}

type ChannelName = Uppercase<Channel>;

export async function loadDashboard(em: EntityManager, { from, to }: DashboardRange) {
  const { days, outcomes, intents, guardrailHits } = await dashboardRows(em, from, to);
  const { decidedCount, p50Seconds, p90Seconds, ...counts } = outcomes;
  return {
    volume: channelTotals(days),
    volumeByDay: days,
    ...counts,
    timeToDecision: { count: decidedCount, p50Seconds, p90Seconds },
    guardrailHits,
    intents: intents.map((row) => ({
      ...row,
      acceptanceRate: share(row.approved, row.reviewed),
      editRate: share(row.edited, row.reviewed),
    })),
  };
}

export interface MemberLoad {
  claimed: number;
  decidedToday: number;
}

/** Claims held now and cases decided today, by user email; users with neither are absent. */
export async function loadTeamLoad(em: EntityManager): Promise<Map<string, MemberLoad>> {
  const rows = await teamLoadRows(em);
  return new Map(rows.map(({ email, ...load }) => [email, load]));
}

/** The busiest channel first. */
function channelTotals(days: DayVolumeRow[]): { channel: ChannelName; count: number }[] {
  const totals = new Map<ChannelName, number>();
  for (const { channel, count } of days) totals.set(channel, (totals.get(channel) ?? 0) + count);
  return [...totals].map(([channel, count]) => ({ channel, count }))
    .sort((a, b) => b.count - a.count || a.channel.localeCompare(b.channel));
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
