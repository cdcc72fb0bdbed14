// The learned layer: a logistic regression over hashed n-grams (features.ts), trained by
// `npm run train:guardrails` on ../shared/data/guardrails/train/ only, with its threshold chosen on the
// development set. Weights are int8 with one scale, committed as weights.json and read once per process.
import { readFileSync } from 'node:fs';
import type { Token } from '../text/tokenise.js';
import { extractFeatures, HASH_BITS, modelTokens } from './features.js';

export interface ModelFile {
  hashBits: number;
  /** Weight = int8 × scale. */
  scale: number;
  bias: number;
  /** Probability from which the model alone calls a message a security violation. */
  threshold: number;
  /** base64 of 2^hashBits int8 weights. */
  weights: string;
  trainedOn: string;
}

export interface ModelVerdict {
  probability: number;
  flagged: boolean;
  /** Tokens that weighed most towards the verdict, strongest first: the "triggered keywords". */
  keywords: Token[];
}

const MAX_KEYWORDS = 3;

export class SecurityModel {
  readonly threshold: number;
  private readonly weights: Float32Array;
  private readonly bias: number;

  constructor(file: ModelFile) {
    if (file.hashBits !== HASH_BITS) throw new Error(`model weights use ${file.hashBits} hash bits, features ${HASH_BITS}`);
    const bytes = Buffer.from(file.weights, 'base64');
    this.weights = new Float32Array(bytes.length);
    for (let i = 0; i < bytes.length; i++) this.weights[i] = ((bytes[i]! << 24) >> 24) * file.scale;
    this.bias = file.bias;
    this.threshold = file.threshold;
  }

  score(tokens: Token[]): ModelVerdict {
    const read = modelTokens(tokens);
    const features = extractFeatures(read);
    if (features.length === 0) return { probability: sigmoid(this.bias), flagged: false, keywords: [] };
    const norm = 1 / Math.sqrt(features.length);
    let sum = 0;
    for (let i = 0; i < features.length; i++) sum += this.weights[features.index[i]!]!;
    const probability = sigmoid(sum * norm + this.bias);
    const flagged = probability >= this.threshold;
    return { probability, flagged, keywords: flagged ? this.explain(read, features) : [] };
  }

  private explain(tokens: Token[], features: ReturnType<typeof extractFeatures>): Token[] {
    const weight = new Float32Array(tokens.length);
    for (let i = 0; i < features.length; i++) weight[features.token[i]!]! += this.weights[features.index[i]!]!;
    return [...weight.keys()]
      .filter((i) => weight[i]! > 0)
      .sort((a, b) => weight[b]! - weight[a]! || a - b)
      .slice(0, MAX_KEYWORDS)
      .map((i) => tokens[i]!);
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

let loaded: SecurityModel | null | undefined;

/** The committed model, read on first use; null when no weights have been trained yet. */
export function securityModel(): SecurityModel | null {
  if (loaded !== undefined) return loaded;
  try {
    loaded = new SecurityModel(JSON.parse(readFileSync(new URL('./weights.json', import.meta.url), 'utf8')) as ModelFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    loaded = null;
  }
  return loaded;
}
