// Confidence that means something: the drafter's self-rating, calibrated per intent against what reviewers
// did with earlier drafts. Pure maths, no I/O.
//
// A draft "succeeds" when a reviewer approved it as written. For an intent, drafts are grouped by their raw
// confidence into ten buckets. The calibrated confidence is the bucket's success rate, shrunk towards the
// raw confidence when the bucket has few drafts: with no history, calibration changes nothing, and a bucket
// with no drafts yet leaves its confidences as they are, whatever other buckets of the intent taught.

export const BUCKETS = 10;
/** Pseudo-counts of the shrinkage: how many decided drafts weigh as much as the prior. */
export const PRIOR_WEIGHT = 5;

export interface OutcomeCounts {
  decided: number;
  /** Approved as written. */
  accepted: number;
}

export interface IntentCalibration {
  overall: OutcomeCounts;
  /** Index = bucket of raw confidence (0: [0, 0.1), …, 9: [0.9, 1]). */
  buckets: OutcomeCounts[];
}

export const bucketOf = (confidence: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor(confidence * BUCKETS)));

export function emptyCalibration(): IntentCalibration {
  return { overall: { decided: 0, accepted: 0 }, buckets: Array.from({ length: BUCKETS }, () => ({ decided: 0, accepted: 0 })) };
}

const shrink = (counts: OutcomeCounts, prior: number) => (counts.accepted + PRIOR_WEIGHT * prior) / (counts.decided + PRIOR_WEIGHT);

export function calibrate(raw: number, calibration: IntentCalibration | undefined): number {
  const clamped = Math.min(1, Math.max(0, raw));
  if (!calibration) return clamped;
  return shrink(calibration.buckets[bucketOf(clamped)]!, clamped);
}

/** Counts per intent from rows of (intent, bucket, decided, accepted). */
export function calibrationFrom(rows: { intent: string; bucket: number; decided: number; accepted: number }[]): Map<string, IntentCalibration> {
  const byIntent = new Map<string, IntentCalibration>();
  for (const row of rows) {
    const entry = byIntent.get(row.intent) ?? emptyCalibration();
    const bucket = entry.buckets[Math.min(BUCKETS - 1, Math.max(0, row.bucket))]!;
    bucket.decided += row.decided;
    bucket.accepted += row.accepted;
    entry.overall.decided += row.decided;
    entry.overall.accepted += row.accepted;
    byIntent.set(row.intent, entry);
  }
  return byIntent;
}
