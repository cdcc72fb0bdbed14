// A sustained run: auto-send cases at a steady rate the machine keeps up with, for minutes, sampling the
// worker's resident memory. It shows whether memory stays flat and whether latency drifts over time.
import { percentile, round } from './stats.js';
import { now, sendAtRate, type BenchStack, type Webhook } from './stack.js';

const SAMPLE_EVERY_MS = 15_000;
const MINUTE_MS = 60_000;

export async function runSustained(stack: BenchStack, durationMs: number, ratePerSecond: number) {
  const t0 = now();
  const rss: { atSeconds: number; rssMb: number }[] = [];
  const sample = () => rss.push({ atSeconds: round((now() - t0) / 1000, 0), rssMb: round(stack.workerRssMb()) });
  sample();
  const sampler = setInterval(sample, SAMPLE_EVERY_MS);

  // Minute by minute, so latency can be read per minute; each minute's answers are awaited before the next.
  const sent: Webhook[] = [];
  while (now() - t0 < durationMs) {
    const seconds = Math.min(MINUTE_MS, durationMs - (now() - t0)) / 1000;
    sent.push(...await sendAtRate(stack, Math.max(1, Math.round(seconds * ratePerSecond)), ratePerSecond, 'Where is my order?'));
  }
  // The emulator's records carry when each reply reached the provider, so one look at the end suffices.
  const replied = new Map<string, number>();
  for (let i = 0; i < sent.length; i += 1000) {
    for (const [to, at] of await stack.providerCalledAt(sent.slice(i, i + 1000).map((w) => w.to), 120_000)) replied.set(to, at);
  }
  clearInterval(sampler);
  sample();

  const minutes = Array.from({ length: Math.ceil(durationMs / MINUTE_MS) }, (_, minute) => {
    const inMinute = sent.filter((w) => Math.floor((w.sentAt - t0) / MINUTE_MS) === minute);
    const overhead = inMinute.flatMap((w) => (replied.has(w.to) ? [replied.get(w.to)! - w.sentAt] : []));
    const acks = inMinute.map((w) => w.ackMs);
    return {
      minute: minute + 1, cases: inMinute.length, replied: overhead.length,
      ack_p99_ms: round(percentile(acks, 99)), overhead_p50_ms: round(percentile(overhead, 50)), overhead_p95_ms: round(percentile(overhead, 95)),
      rss_mb_at_end: rss.filter((s) => s.atSeconds <= (minute + 1) * 60).at(-1)?.rssMb ?? null,
    };
  });
  const half = rss.filter((s) => s.atSeconds >= durationMs / 2000);
  const slope = half.length > 1 ? (half.at(-1)!.rssMb - half[0]!.rssMb) / ((half.at(-1)!.atSeconds - half[0]!.atSeconds) / 60) : NaN;
  const overhead = sent.flatMap((w) => (replied.has(w.to) ? [replied.get(w.to)! - w.sentAt] : []));
  const acks = sent.map((w) => w.ackMs);
  const summary = {
    ratePerSecond, durationSeconds: round(durationMs / 1000, 0), cases: sent.length, replied: replied.size,
    webhookAck: { p50_ms: round(percentile(acks, 50)), p99_ms: round(percentile(acks, 99)) },
    pipelineOverhead: { p50_ms: round(percentile(overhead, 50)), p95_ms: round(percentile(overhead, 95)), p99_ms: round(percentile(overhead, 99)) },
    workerRssMb: {
      start: rss[0]!.rssMb, end: rss.at(-1)!.rssMb, min: Math.min(...rss.map((s) => s.rssMb)), max: Math.max(...rss.map((s) => s.rssMb)),
      secondHalfSlopeMbPerMinute: round(slope, 2),
    },
  };
  console.log(`\nSustained ${summary.durationSeconds} s at ${ratePerSecond}/s: ${summary.replied}/${summary.cases} replied`);
  console.table(minutes);
  return { sustained: summary, minutes, rssSamples: rss };
}
