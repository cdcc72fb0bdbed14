// npm run train:guardrails — trains the guardrail's learned layer and writes guardrails/model/weights.json.
// Fits only on ../shared/data/guardrails/train/ (provenance and licences in its README); reports 5-fold
// cross-validated figures there; then reads ../shared/data/guardrails/dev.jsonl for one thing only, the
// probability threshold, chosen as the lowest that keeps benign traffic and look-dangerous safe prompts
// within their false-alarm budgets once combined with the rules. Fixed seed: the same data gives the same bytes.
import { readFileSync, writeFileSync } from 'node:fs';
import { Guardrail, DEFAULT_RULE_SET } from '../guardrails/guardrail.js';
import { extractFeatures, HASH_BITS, modelTokens } from '../guardrails/model/features.js';
import { SecurityModel, type ModelFile } from '../guardrails/model/classifier.js';
import { normalise } from '../guardrails/text/normalise.js';
import { tokenise } from '../guardrails/text/tokenise.js';
import { seededRandom } from '../runtime/seeded-random.js';

const DATA = new URL('../../shared/data/guardrails/', import.meta.url);
const SEED = 19;
const EPOCHS = 6;
const L2 = 1e-4;
const FOLDS = 5;
/** Budgets the threshold must keep on the development set (issue 19's targets, with a margin). */
const BENIGN_FLAG_BUDGET = 0.003;
const SAFE_BLOCK_BUDGET = 0.04;
const BENIGN_SOURCES = new Set(['banking77', 'clinc150', 'clinc150-oos', 'bipia-email', 'presidio-synth']);

interface Row {
  text: string;
  label: string;
  source: string;
}
interface Example {
  features: Int32Array;
  y: number;
  source: string;
}

function read(file: URL): Row[] {
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

function featurise(text: string): Int32Array {
  const f = extractFeatures(modelTokens(tokenise(normalise(text))));
  return f.index.slice(0, f.length);
}


/** Logistic regression by AdaGrad, classes weighted to balance (label noise: mild L2, few epochs). */
function train(examples: Example[], seed: number): { weights: Float32Array; bias: number } {
  const size = 1 << HASH_BITS;
  const weights = new Float32Array(size);
  const squared = new Float32Array(size).fill(1e-2);
  let bias = 0;
  let biasSquared = 1e-2;
  const positives = examples.filter((e) => e.y === 1).length;
  const positiveWeight = (examples.length - positives) / Math.max(1, positives);
  const classWeight = (y: number) => (y === 1 ? Math.sqrt(positiveWeight) : 1 / Math.sqrt(positiveWeight));
  const order = examples.map((_, i) => i);
  const random = seededRandom(seed);
  const rate = 0.5;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { features, y } = examples[k]!;
      if (features.length === 0) continue;
      const norm = 1 / Math.sqrt(features.length);
      let sum = bias;
      for (const f of features) sum += weights[f]! * norm;
      const p = 1 / (1 + Math.exp(-sum));
      const g = (p - y) * classWeight(y);
      for (const f of features) {
        const grad = g * norm + L2 * weights[f]!;
        squared[f]! += grad * grad;
        weights[f]! -= (rate * grad) / Math.sqrt(squared[f]!);
      }
      biasSquared += g * g;
      bias -= (rate * g) / Math.sqrt(biasSquared);
    }
  }
  return { weights, bias };
}

function quantise({ weights, bias }: { weights: Float32Array; bias: number }, threshold: number): ModelFile {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const bytes = Buffer.alloc(weights.length);
  for (let i = 0; i < weights.length; i++) bytes[i] = Math.round(weights[i]! / scale) & 0xff;
  return {
    hashBits: HASH_BITS,
    scale: Number(scale.toPrecision(8)),
    bias: Number(bias.toPrecision(8)),
    threshold,
    weights: bytes.toString('base64'),
    trainedOn: 'shared/data/guardrails/train/train.jsonl (see its README and SOURCES.md); threshold from dev.jsonl',
  };
}

function probability(model: { weights: Float32Array; bias: number }, features: Int32Array): number {
  if (features.length === 0) return 1 / (1 + Math.exp(-model.bias));
  let sum = 0;
  for (const f of features) sum += model.weights[f]!;
  return 1 / (1 + Math.exp(-(sum / Math.sqrt(features.length) + model.bias)));
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

// 1. Training corpus, cross-validated.
const started = Date.now();
const corpus: Example[] = read(new URL('train/train.jsonl', DATA)).map((r) => ({
  features: featurise(r.text),
  y: r.label === 'security_violation' ? 1 : 0,
  source: r.source,
}));
console.log(`train.jsonl: ${corpus.length} messages, ${corpus.filter((e) => e.y).length} security violations (featurised in ${Date.now() - started} ms)`);

const foldOf = (() => {
  const random = seededRandom(SEED + 1);
  return corpus.map(() => Math.floor(random() * FOLDS));
})();
const cv = corpus.map(() => 0);
for (let fold = 0; fold < FOLDS; fold++) {
  const model = train(corpus.filter((_, i) => foldOf[i] !== fold), SEED + fold);
  corpus.forEach((e, i) => {
    if (foldOf[i] === fold) cv[i] = probability(model, e.features);
  });
}
const cvReport = (threshold: number) => {
  let tp = 0, fp = 0, fn = 0;
  const bySource: Record<string, { n: number; flagged: number; y: number }> = {};
  corpus.forEach((e, i) => {
    const flagged = cv[i]! >= threshold;
    if (flagged && e.y) tp++;
    else if (flagged) fp++;
    else if (e.y) fn++;
    const s = (bySource[e.source] ??= { n: 0, flagged: 0, y: e.y });
    s.n++;
    if (flagged) s.flagged++;
  });
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), bySource };
};

// 2. The final model on the whole corpus.
const model = train(corpus, SEED);

// 3. Threshold on the development set, combined with the rules as screening combines them.
// A stand-in model that flags everything shows which messages screening hands to the model at all.
const alwaysFlags = new SecurityModel({ hashBits: HASH_BITS, scale: 1, bias: 20, threshold: 0.5, weights: Buffer.alloc(1 << HASH_BITS).toString('base64'), trainedOn: '' });
const rulesOnly = new Guardrail(DEFAULT_RULE_SET, 0, { model: null });
const consulting = new Guardrail(DEFAULT_RULE_SET, 0, { model: alwaysFlags });
const dev = read(new URL('dev.jsonl', DATA)).map((r) => {
  const rules = rulesOnly.screen(r.text).classification;
  const consulted = rules === 'in_scope' && consulting.screen(r.text).classification !== 'in_scope';
  return { ...r, rules, p: consulted ? probability(model, featurise(r.text)) : 0 };
});
const devReport = (threshold: number) => {
  const bySource: Record<string, { n: number; blocked: number; security: number }> = {};
  for (const r of dev) {
    const verdict = r.rules !== 'in_scope' ? r.rules : r.p >= threshold ? 'security_violation' : 'in_scope';
    const s = (bySource[r.source] ??= { n: 0, blocked: 0, security: 0 });
    s.n++;
    if (verdict !== 'in_scope') s.blocked++;
    if (verdict === 'security_violation') s.security++;
  }
  const benign = Object.entries(bySource).filter(([s]) => BENIGN_SOURCES.has(s));
  const benignRate = benign.reduce((a, [, s]) => a + s.security, 0) / benign.reduce((a, [, s]) => a + s.n, 0);
  const safe = bySource['xstest-safe'];
  return { bySource, benignRate, safeRate: safe ? safe.blocked / safe.n : 0 };
};
// Scores crowd near 0 and 1, so candidates step through log-odds from very sure downwards.
let threshold = 1;
for (let logit = 12; logit >= -2; logit -= 0.25) {
  const t = Number((1 / (1 + Math.exp(-logit))).toPrecision(6));
  const r = devReport(t);
  if (process.env.VERBOSE) console.log(`threshold ${t}: benign ${pct(r.benignRate)}, safe ${pct(r.safeRate)}, harmbench ${pct(r.bySource.harmbench!.security / r.bySource.harmbench!.n)}`);
  if (r.benignRate > BENIGN_FLAG_BUDGET || r.safeRate > SAFE_BLOCK_BUDGET) break;
  threshold = t;
}

const file = quantise(model, threshold);
new SecurityModel(file); // fails here rather than at screening if the file is inconsistent
writeFileSync(new URL('../guardrails/model/weights.json', import.meta.url), JSON.stringify(file) + '\n');

const cvHalf = cvReport(0.5);
console.log(`\n5-fold cross-validation on train.jsonl at probability 0.5: precision ${pct(cvHalf.precision)}, recall ${pct(cvHalf.recall)}`);
const cvAt = cvReport(threshold);
console.log(`\n5-fold cross-validation on train.jsonl at threshold ${threshold}: precision ${pct(cvAt.precision)}, recall ${pct(cvAt.recall)}`);
console.log('source                        n   flagged');
for (const [source, s] of Object.entries(cvAt.bySource).sort()) console.log(`${source.padEnd(26)} ${String(s.n).padStart(6)}   ${pct(s.flagged / s.n).padStart(6)}${s.y ? '  (attacks)' : ''}`);
const chosen = devReport(threshold);
console.log(`\ndev.jsonl with rules + model at threshold ${threshold} (benign flagged ${pct(chosen.benignRate)}, xstest-safe blocked ${pct(chosen.safeRate)})`);
for (const [source, s] of Object.entries(chosen.bySource)) console.log(`${source.padEnd(22)} ${String(s.n).padStart(5)}   blocked ${pct(s.blocked / s.n).padStart(6)}   security ${pct(s.security / s.n).padStart(6)}`);
console.log(`\nwrote guardrails/model/weights.json (${(JSON.stringify(file).length / 1024).toFixed(0)} KiB) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
