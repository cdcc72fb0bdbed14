// npm run eval:guardrails -- FILE.jsonl
// Scores the guardrail engine on a labelled JSON Lines file (format in the README): classification per label
// and per source, a confusion table per source (what each source's messages were labelled, against what the
// guardrail said), PII precision and recall per type, and screening latency. The last line printed is one
// JSON object, for scripts.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { builtInGuardrail } from '../guardrails/guardrail.js';
import { scorePii, type PiiSpan } from '../guardrails/eval/score-pii.js';
import { percentile } from '../guardrails/eval/percentile.js';

interface Row {
  text: string;
  label: 'security_violation' | 'out_of_scope' | 'in_scope';
  source?: string;
  pii?: PiiSpan[];
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run eval:guardrails -- FILE.jsonl');
  process.exit(2);
}

const rows: Row[] = readFileSync(file, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line, index) => {
    try {
      return JSON.parse(line) as Row;
    } catch {
      console.error(`${file}:${index + 1}: not valid JSON`);
      process.exit(2);
    }
  });

const guardrail = builtInGuardrail();
for (const row of rows.slice(0, 200)) guardrail.screen(row.text); // warm the JIT before timing

const latencies: number[] = [];
const byLabel: Record<string, { n: number; correct: number; predicted: Record<string, number> }> = {};
const bySource: Record<string, { n: number; blocked: number; security: number }> = {};
const LABELS = ['security_violation', 'out_of_scope', 'in_scope'] as const;
/** source → labelled → predicted → count. */
const confusion: Record<string, Record<string, Record<string, number>>> = {};
const piiPairs: Array<{ gold: PiiSpan[]; predicted: PiiSpan[] }> = [];
let correct = 0;

for (const row of rows) {
  const started = performance.now();
  const result = guardrail.screen(row.text);
  latencies.push(performance.now() - started);

  const predicted = result.classification;
  if (predicted === row.label) correct++;
  const label = (byLabel[row.label] ??= { n: 0, correct: 0, predicted: {} });
  label.n++;
  if (predicted === row.label) label.correct++;
  label.predicted[predicted] = (label.predicted[predicted] ?? 0) + 1;

  const source = (bySource[row.source ?? 'unknown'] ??= { n: 0, blocked: 0, security: 0 });
  source.n++;
  if (predicted !== 'in_scope') source.blocked++;
  if (predicted === 'security_violation') source.security++;
  const cell = ((confusion[row.source ?? 'unknown'] ??= {})[row.label] ??= Object.fromEntries(LABELS.map((l) => [l, 0])));
  cell[predicted] = (cell[predicted] ?? 0) + 1;

  if (row.pii) {
    const spans = result.findings
      .filter((f) => f.class === 'pii')
      .map((f) => ({ type: f.rule.replace(/^pii\./, ''), start: f.start, end: f.end }));
    piiPairs.push({ gold: row.pii, predicted: spans });
  }
}

const round = (x: number, digits = 4) => Number(x.toFixed(digits));
const summary = {
  total: rows.length,
  accuracy: round(correct / rows.length),
  by_label: Object.fromEntries(
    Object.entries(byLabel).map(([label, s]) => [label, { n: s.n, recall: round(s.correct / s.n), predicted: s.predicted }]),
  ),
  by_source: Object.fromEntries(
    Object.entries(bySource).map(([source, s]) => [
      source,
      { n: s.n, blocked_rate: round(s.blocked / s.n), security_violation_rate: round(s.security / s.n) },
    ]),
  ),
  confusion_by_source: confusion,
  pii: scorePii(piiPairs),
  p50_ms: round(percentile(latencies, 50), 3),
  p99_ms: round(percentile(latencies, 99), 3),
};

const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)}%`);
console.log(`Guardrail evaluation: ${file} (${rows.length} messages, rule set v${guardrail.version}, ${guardrail.ruleCount} rules)\n`);
console.log('source                     n   blocked  security');
for (const [source, s] of Object.entries(summary.by_source)) {
  console.log(`${source.padEnd(22)} ${String(s.n).padStart(5)}   ${pct(s.blocked_rate)}   ${pct(s.security_violation_rate)}`);
}
console.log('\nconfusion per source      labelled →  said: security  out_of_scope  in_scope');
for (const [source, labelled] of Object.entries(confusion)) {
  for (const [label, said] of Object.entries(labelled)) {
    const cells = LABELS.map((l) => String(said[l] ?? 0).padStart(l === 'security_violation' ? 8 : 12)).join('  ');
    console.log(`${source.padEnd(22)} ${label.padEnd(20)} ${cells}`);
  }
}
console.log('\nlabel                      n    recall');
for (const [label, s] of Object.entries(summary.by_label)) console.log(`${label.padEnd(22)} ${String(s.n).padStart(5)}   ${pct(s.recall)}`);
if (Object.keys(summary.pii).length) {
  console.log('\nPII type            gold  found  precision  recall');
  for (const [type, s] of Object.entries(summary.pii)) {
    console.log(`${type.padEnd(16)} ${String(s.gold).padStart(6)} ${String(s.predicted).padStart(6)}     ${pct(s.precision)}  ${pct(s.recall)}`);
  }
}
console.log(`\naccuracy ${pct(summary.accuracy)}   latency p50 ${summary.p50_ms} ms   p99 ${summary.p99_ms} ms\n`);
console.log(JSON.stringify(summary));
