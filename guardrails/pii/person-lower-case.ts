// Names in messages typed entirely in lower case, where capitals cannot be the evidence. Only names that
// something introduces count: a naming phrase or a title ("my name is lena andersson", "mr. elliott"), a
// given name followed by a surname that is plainly not English ("olga krylova"), or the first line of a
// contact block ("naomi ryan\nsewer pipe cleaner\n…3747 3911 fourth avenue").
import { COMMON_WORDS } from './common-words.js';
import { GIVEN_NAMES } from './given-names.js';
import { cueBefore, HONORIFICS } from './name-cues.js';
import { isSurnameShaped, NOT_NAME_WORDS, stem, toSpan, type NameRun } from './name-shapes.js';
import type { PiiSpan } from './span.js';
import { markClaimed, type Word } from './words.js';

/** Could be a name: not ordinary English, not an "-ing", "-ed" or "-ly" word. */
function plausible(w: Word | undefined): boolean {
  if (w === undefined || w.kind !== 'word' || w.text.length < 2 || /(?:ing|ed|ly)$/.test(w.lower)) return false;
  return !COMMON_WORDS.has(w.lower) && !NOT_NAME_WORDS.has(stem(w));
}

/** A surname or second given name that is plainly not English. */
function surnameLike(w: Word | undefined): boolean {
  return w !== undefined && plausible(w) && (isSurnameShaped(w, true) || w.lower !== w.folded || GIVEN_NAMES.has(stem(w)));
}

const isInitial = (w: Word | undefined, next: Word | undefined) =>
  w !== undefined && w.text.length === 1 && w.kind === 'word' && (next?.gap.startsWith('.') ?? false);

export function findLowerCaseNames(text: string, words: Word[], claimed: readonly PiiSpan[]): PiiSpan[] {
  const taken = markClaimed(words, claimed);
  const runs: NameRun[] = [];
  const inline = (i: number) => /^\.? $/.test(words[i]?.gap ?? '') && !taken[i];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (taken[i] || !plausible(w)) continue;
    const previous = words[i - 1];
    const titled = previous !== undefined && HONORIFICS.has(previous.lower) && /^\.? $/.test(w.gap);
    const introduced = titled || cueBefore(text, w.start, previous?.lower) === 'naming';
    const paired = GIVEN_NAMES.has(stem(w)) && inline(i + 1) && surnameLike(words[i + 1]);
    const heading = i === 0 && claimed.length > 0;
    if (!introduced && !paired && !heading) continue;
    let last = i;
    const continues = (k: number) =>
      surnameLike(words[k]) || (heading && plausible(words[k])) || isInitial(words[k], words[k + 1]);
    while (last < i + 3 && inline(last + 1) && continues(last + 1)) last++;
    // The heading of a contact block is a whole line of two to four words.
    if (heading && !introduced && !paired && (last === i || !(words[last + 1]?.gap.includes('\n') ?? true))) continue;
    runs.push({ first: i, last });
    i = last;
  }
  return runs.map((run) => toSpan(words, run));
}
