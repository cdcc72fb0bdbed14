// Rules match words, not characters: the engine walks the token stream once. Tokenising also undoes two
// obfuscations that survive normalisation: leetspeak ("1gn0r3") and spaced-out letters ("i g n o r e").
import type { NormalisedText } from './normalise.js';

export interface Token {
  /** The word as written, normalised. */
  word: string;
  /** The word with leetspeak undone, when it differs. */
  alt?: string;
  /** Letters that were written apart ("i g n o r e"); word boundaries are lost, so rules segment it. */
  joined?: boolean;
  /** Offsets in the original input. */
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:[@$][\p{L}\p{N}]+)*|[@$][\p{L}]+/gu;
// The same for text that is plain ASCII after normalisation (most messages), without Unicode tables.
const ASCII_WORD = /[a-z0-9]+(?:[@$][a-z0-9]+)*|[@$][a-z]+/g;
const NON_ASCII = /[^\x00-\x7f]/;
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '@': 'a', $: 's' };
const HAS_LETTER = /\p{L}/u;
const HAS_LEET = /[013457@$8]/;
const SPACED_SEPARATOR = /^[\s.\-_*|/]$/;

export function tokenise({ text, source }: NormalisedText): Token[] {
  const tokens: Token[] = [];
  let run: { start: number; end: number; letters: string; count: number; lastEnd: number } | undefined;
  const flushRun = () => {
    if (run && run.count >= 4) {
      tokens.splice(tokens.length - run.count, run.count, { word: run.letters, start: run.start, end: run.end, joined: true });
    }
    run = undefined;
  };
  for (const match of text.matchAll(NON_ASCII.test(text) ? WORD : ASCII_WORD)) {
    const word = match[0];
    const at = match.index;
    const token: Token = { word, start: source[at]!, end: source[at + word.length - 1]! + 1 };
    if (HAS_LEET.test(word) && HAS_LETTER.test(word)) {
      const alt = word.replace(/[013457@$8]/g, (c) => LEET[c] ?? c);
      if (alt !== word) token.alt = alt;
    }
    // Spaced-out letters: single characters separated by one space or punctuation mark, four or more in a row.
    if (word.length === 1 && /\p{L}/u.test(word)) {
      if (run && at - run.lastEnd === 1 && SPACED_SEPARATOR.test(text[at - 1] ?? '')) {
        run.letters += word;
        run.count++;
        run.end = token.end;
        run.lastEnd = at + 1;
      } else {
        flushRun();
        run = { start: token.start, end: token.end, letters: word, count: 1, lastEnd: at + 1 };
      }
    } else {
      flushRun();
    }
    tokens.push(token);
  }
  flushRun();
  return tokens;
}
