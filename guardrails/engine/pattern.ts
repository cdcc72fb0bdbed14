// The rule language. A pattern is a sequence of slots matched against words:
//
//   "ignore|disregard ~3 previous|prior|@earlier instruction*"
//
// - a slot lists alternatives separated by `|`; `word*` matches any word starting with `word`;
//   `@name` stands for every alternative of the named concept (a shared vocabulary list);
// - `~N` before a slot lets up to N other words come between it and the previous slot.
// Words are normalised like the text (lower case, accents dropped). Patterns never contain regular expressions, so matching is linear in the text whatever an admin writes.
import { normalise } from '../text/normalise.js';

export interface Slot {
  /** Words that other words may separate this slot from the previous one. */
  gap: number;
  exact: string[];
  prefixes: string[];
}

export type Concepts = Record<string, string[]>;

export class PatternError extends Error {}

const MAX_GAP = 12;
const WORD = /^[\p{L}\p{N}]+$/u;

export function parsePattern(source: string, concepts: Concepts): Slot[] {
  const slots: Slot[] = [];
  let gap = 0;
  for (const part of normalise(source.trim()).text.split(/\s+/)) {
    if (part.startsWith('~')) {
      gap = Number(part.slice(1));
      if (!Number.isInteger(gap) || gap < 0 || gap > MAX_GAP) {
        throw new PatternError(`"${part}" in "${source}": a gap is ~0 to ~${MAX_GAP} words`);
      }
      continue;
    }
    if (slots.length === 0 && gap > 0) throw new PatternError(`"${source}" cannot start with a gap`);
    slots.push({ gap, ...alternatives(part, source, concepts) });
    gap = 0;
  }
  if (slots.length === 0) throw new PatternError('a pattern needs at least one word');
  return slots;
}

function alternatives(part: string, source: string, concepts: Concepts, depth = 0): Omit<Slot, 'gap'> {
  const exact: string[] = [];
  const prefixes: string[] = [];
  for (const alt of part.split('|')) {
    if (alt.startsWith('@')) {
      const concept = concepts[alt.slice(1)];
      if (!concept) throw new PatternError(`unknown concept "${alt}" in "${source}"`);
      if (depth > 3) throw new PatternError(`concept "${alt}" refers to itself`);
      const inner = alternatives(concept.join('|'), source, concepts, depth + 1);
      exact.push(...inner.exact);
      prefixes.push(...inner.prefixes);
    } else if (alt.endsWith('*')) {
      const prefix = alt.slice(0, -1);
      if (prefix.length < 3 || !WORD.test(prefix)) throw new PatternError(`"${alt}" in "${source}": a prefix needs 3 or more letters`);
      prefixes.push(prefix);
    } else {
      if (!WORD.test(alt)) throw new PatternError(`"${alt}" in "${source}" is not a word (letters and digits only)`);
      exact.push(alt);
    }
  }
  return { exact, prefixes };
}
