// How drafts fare with reviewers, per intent: the admin's view of calibration, edits and shadow mode.
import { BUCKETS, calibrate } from '../../../llm/calibration.js';
import { calibrations } from '../../../llm/draft-context.js';
import { ADMINS, requireUser } from '../context.js';
import { codedError } from '../errors.js';
import type { Resolvers } from '../generated/resolvers-types.js';

const MAX_DAYS = 365;

// One row per intent and raw-confidence bucket, over the window; the shadow columns join the case row.
const QUALITY_SQL = `
  select o.intent, least(floor(o.raw_confidence * ${BUCKETS})::int, ${BUCKETS - 1}) as bucket,
    count(*)::int as decided,
    count(*) filter (where o.outcome = 'approve')::int as approved,
    count(*) filter (where o.outcome = 'edit')::int as edited,
    count(*) filter (where o.outcome = 'reject')::int as rejected,
    coalesce(sum(o.edit_distance) filter (where o.outcome = 'edit'), 0)::int as edit_distance,
    sum(o.raw_confidence)::float as raw_sum,
    count(*) filter (where c.would_auto_send)::int as shadow_would_send,
    count(*) filter (where c.would_auto_send and o.outcome = 'approve')::int as shadow_approved
  from draft_outcomes o left join cases c on c.id = o.case_id
  where o.decided_at >= now() - make_interval(days => ?)
  group by 1, 2`;

interface Row {
  intent: string; bucket: number; decided: number; approved: number; edited: number; rejected: number;
  edit_distance: number; raw_sum: number; shadow_would_send: number; shadow_approved: number;
}

export const intentQualityResolvers: Resolvers = {
  Query: {
    async draftingQuality(_, { sinceDays }, ctx) {
      requireUser(ctx, ADMINS);
      const days = sinceDays ?? 30;
      if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw codedError('BAD_INPUT', `sinceDays must be between 1 and ${MAX_DAYS}`);
      // Calibration learns from every outcome, not only the window's: the same counts the drafter uses.
      const [rows, calibration] = await Promise.all([ctx.em.execute<Row[]>(QUALITY_SQL, [days]), calibrations(ctx.em)]);
      const byIntent = new Map<string, Row[]>();
      for (const row of rows) byIntent.set(row.intent, [...(byIntent.get(row.intent) ?? []), row]);

      return [...byIntent].map(([intent, buckets]) => {
        const sum = (key: keyof Row) => buckets.reduce((total, row) => total + Number(row[key]), 0);
        const decided = sum('decided');
        const edited = sum('edited');
        const calibratedSum = buckets.reduce((total, row) => total + row.decided * calibrate(row.raw_sum / row.decided, calibration.get(intent)), 0);
        return {
          intent,
          decided,
          approvedAsIs: sum('approved'),
          edited,
          rejected: sum('rejected'),
          acceptanceRate: sum('approved') / decided,
          editRate: edited / decided,
          meanEditDistance: edited ? sum('edit_distance') / edited : null,
          meanRawConfidence: sum('raw_sum') / decided,
          meanCalibratedConfidence: calibratedSum / decided,
          buckets: buckets.sort((a, b) => a.bucket - b.bucket).map((row) => ({
            from: row.bucket / BUCKETS,
            to: (row.bucket + 1) / BUCKETS,
            decided: row.decided,
            approvedAsIs: row.approved,
            calibrated: calibrate(row.raw_sum / row.decided, calibration.get(intent)),
          })),
          shadowWouldSend: sum('shadow_would_send'),
          shadowApprovedAsIs: sum('shadow_approved'),
        };
      }).sort((a, b) => b.editRate - a.editRate || b.decided - a.decided || a.intent.localeCompare(b.intent));
    },
  },
};
