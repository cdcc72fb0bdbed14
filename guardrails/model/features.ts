// What the learned layer sees of a message: hashed word unigrams, word bigrams and character 4-grams of the
// normalised words (look-alikes, accents and leetspeak already undone by normalise/tokenise). The training
// script (scripts/train-guardrails.ts) and screening share this file, so a feature means the same in both.
import type { Token } from '../text/tokenise.js';

export const HASH_BITS = 18;
const MASK = (1 << HASH_BITS) - 1;
/** Long prompts: the model reads their opening and their end, where instructions and requests sit. */
export const HEAD_TOKENS = 600;
export const TAIL_TOKENS = 200;
const MAX_WORD = 24;

export interface Features {
  /** Hashed feature index per occurrence. */
  index: Int32Array;
  /** Token (position in `tokens` given) each occurrence belongs to, for explanations. */
  token: Int32Array;
  length: number;
}

function hashWord(word: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

const mix = (a: number, b: number) => Math.imul(a ^ (b >>> 15) ^ Math.imul(b, 0x85ebca6b), 0xc2b2ae35) >>> 0;

/** The tokens the model reads: all of a short message, the head and tail of a long one. */
export function modelTokens(tokens: Token[]): Token[] {
  if (tokens.length <= HEAD_TOKENS + TAIL_TOKENS) return tokens;
  return [...tokens.slice(0, HEAD_TOKENS), ...tokens.slice(tokens.length - TAIL_TOKENS)];
}

export function extractFeatures(tokens: Token[]): Features {
  let capacity = 8;
  for (const t of tokens) capacity += 2 + Math.max(0, Math.min(t.word.length, MAX_WORD) - 1);
  const index = new Int32Array(capacity);
  const token = new Int32Array(capacity);
  let n = 0;
  let previous = 0x9e3779b9;
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i]!.alt ?? tokens[i]!.word;
    const word = raw.length > MAX_WORD ? raw.slice(0, MAX_WORD) : raw;
    const h = hashWord(word, 2166136261);
    index[n] = h & MASK;
    token[n++] = i;
    index[n] = mix(previous, h) & MASK;
    token[n++] = i;
    previous = h;
    // Character 4-grams of "<word>": shared stems ("hack", "hacking", "hacker") and misspellings.
    const padded = word.length;
    for (let start = -1; start + 4 <= padded + 1; start++) {
      let g = 0x811c9dc5 ^ 0x4e67;
      for (let k = start; k < start + 4; k++) g = Math.imul(g ^ (k < 0 || k >= padded ? 32 : word.charCodeAt(k)), 16777619);
      index[n] = (g >>> 0) & MASK;
      token[n++] = i;
    }
  }
  return { index, token, length: n };
}
