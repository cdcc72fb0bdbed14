// Names and street addresses are recognised from words, their capitalisation and what separates them, so
// the text is split into words once per message and both detectors walk the same list.

export type WordShape = 'title' | 'upper' | 'lower' | 'other';

export interface Word {
  text: string;
  lower: string;
  /** Lower case without accents, for comparing with hand-written word lists ("José" → "jose"). */
  folded: string;
  kind: 'num' | 'word' | 'mixed';
  shape: WordShape;
  start: number;
  end: number;
  /** The characters between the previous word and this one ("", " ", ", ", ".\n> "). */
  gap: string;
}

// A word is letters, digits and combining marks, joined by inner apostrophes and hyphens ("O'Neil",
// "Vana-Viru"). Read by hand, one character at a time: every message is split, so this loop is the hottest
// code in PII detection. ASCII is classified from a table; other characters by Unicode regex and case
// mapping.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const MARKS = /\p{M}/gu;
const WORD = 1, DIGIT = 2, UPPER = 4, LOWER = 8;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_CLASS[c] = WORD | DIGIT;
for (let c = 65; c <= 90; c++) ASCII_CLASS[c] = WORD | UPPER;
for (let c = 97; c <= 122; c++) ASCII_CLASS[c] = WORD | LOWER;

function classify(text: string, i: number, code: number): number {
  if (code < 128) return ASCII_CLASS[code]!;
  // Surrogate halves (emoji, rare scripts) never join a word.
  if (code >= 0xd800 && code <= 0xdfff) return 0;
  const char = text[i]!;
  if (!WORD_CHAR.test(char)) return 0;
  return WORD | (char.toLowerCase() !== char ? UPPER : char.toUpperCase() !== char ? LOWER : 0);
}

const isJoiner = (code: number) => code === 39 || code === 0x2019 || code === 45;

export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  const n = text.length;
  let previousEnd = 0;
  let i = 0;
  while (i < n) {
    let cls = classify(text, i, text.charCodeAt(i));
    if (cls === 0) {
      i++;
      continue;
    }
    const start = i;
    const first = cls;
    let digits = 0;
    let ascii = true;
    let rest = 0;
    for (;;) {
      if (cls & DIGIT) digits++;
      if (i > start) rest |= cls;
      if (text.charCodeAt(i) >= 128) ascii = false;
      i++;
      if (i >= n) break;
      const code = text.charCodeAt(i);
      cls = classify(text, i, code);
      if (cls !== 0) continue;
      if (i + 1 < n && isJoiner(code) && classify(text, i + 1, text.charCodeAt(i + 1)) !== 0) {
        i++;
        cls = classify(text, i, text.charCodeAt(i));
        continue;
      }
      break;
    }
    const word = text.slice(start, i);
    const kind = digits === word.length ? 'num' : digits > 0 ? 'mixed' : 'word';
    // Title: a capital, then lower case or nothing ("Anna", "A"); upper: capitals only ("USNS").
    let shape: WordShape = 'other';
    if (kind !== 'num' && first & UPPER) shape = rest & UPPER && !(rest & LOWER) ? 'upper' : 'title';
    else if (kind !== 'num' && first & LOWER) shape = 'lower';
    // Most words have no capitals; they are their own lower case and skip the copy.
    const lower = first & UPPER || rest & UPPER ? word.toLowerCase() : word;
    words.push({
      text: word,
      lower,
      folded: ascii ? lower : lower.normalize('NFD').replace(MARKS, ''),
      kind,
      shape,
      start,
      end: i,
      gap: start === previousEnd + 1 && text.charCodeAt(previousEnd) === 32 ? ' ' : text.slice(previousEnd, start),
    });
    previousEnd = i;
  }
  return words;
}

/** Marks the words that overlap spans another detector already claimed; one sweep, both in text order. */
export function markClaimed(words: Word[], spans: readonly { start: number; end: number }[]): boolean[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const marks = new Array<boolean>(words.length).fill(false);
  let s = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    while (s < sorted.length && sorted[s]!.end <= w.start) s++;
    for (let k = s; k < sorted.length && sorted[k]!.start < w.end; k++) if (sorted[k]!.end > w.start) marks[i] = true;
  }
  return marks;
}

/** True when the word opens a line, allowing for quote markers in front ("> ", "??? "). */
export function opensLine(words: Word[], i: number): boolean {
  const gap = words[i]!.gap;
  return i === 0 ? /^[\s>?*|#-]*$/.test(gap) : /\n[\s>?*|#-]*$/.test(gap);
}
