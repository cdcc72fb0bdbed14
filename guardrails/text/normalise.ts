// Attackers hide instructions with look-alike letters, accents, invisible characters and full-width forms;
// rules match the normalised text. Every normalised character remembers the index of the input character it
// came from, so findings point at spans of the customer's own text.

import { CONFUSABLE_LETTERS } from './confusables-table.js';

const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/;
const COMBINING_MARK = /\p{M}/u;

// Letters of other scripts that render like Latin ones (Cyrillic о, Armenian օ, Coptic ⲟ, small-capital ᴏ);
// NFKC leaves them alone. Generated from the Unicode confusables data; keys are never ASCII, so ASCII text
// is not altered.
const CONFUSABLES = new Map<string, string>();
for (const [letter, chars] of Object.entries(CONFUSABLE_LETTERS)) for (const char of chars) CONFUSABLES.set(char, letter);

export interface NormalisedText {
  text: string;
  /** `source[i]` is the index in the input of the character that produced normalised character `i`. */
  source: Int32Array;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function normalise(input: string): NormalisedText {
  if (ASCII_ONLY.test(input)) {
    // Most messages: one lower-case character per input character, offsets unchanged.
    const source = new Int32Array(input.length + 1);
    for (let i = 0; i <= input.length; i++) source[i] = i;
    return { text: input.toLowerCase(), source };
  }
  const source = new Int32Array(input.length * 2 + 1);
  let text = '';
  let length = 0;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code < 0x80) {
      // The fast path: plain ASCII only needs lower-casing.
      text += code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : input[i]!;
      source[length++] = i;
      continue;
    }
    const isPair = code >= 0xd800 && code <= 0xdbff && i + 1 < input.length;
    const char = isPair ? input.slice(i, i + 2) : input[i]!;
    for (const piece of expand(char)) {
      // A piece outside the BMP (an emoji) is two UTF-16 units; each must point back at the input.
      if (length + piece.length >= source.length) break;
      text += piece;
      for (let unit = 0; unit < piece.length; unit++) source[length++] = i;
    }
    if (isPair) i++;
  }
  source[length] = input.length;
  return { text, source: source.subarray(0, length + 1) };
}

function expand(char: string): string[] {
  if (INVISIBLE.test(char)) return [];
  const lower = char.toLowerCase();
  const mapped = CONFUSABLES.get(char) ?? CONFUSABLES.get(lower);
  if (mapped) return [mapped];
  // NFKD folds full-width and styled letters (𝐢𝐠𝐧𝐨𝐫𝐞, ｉｇｎｏｒｅ) and separates accents, which are dropped so
  // "instrucción" and "instruccion" read the same.
  const pieces: string[] = [];
  for (const piece of lower.normalize('NFKD').toLowerCase()) {
    if (COMBINING_MARK.test(piece)) continue;
    pieces.push(CONFUSABLES.get(piece) ?? piece);
  }
  return pieces;
}
