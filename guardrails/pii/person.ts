// Personal names, found from structure rather than a dictionary of people. A candidate is a run of
// capitalised words on one line ("Hanne I. Kreutzmann"); it is a name when something vouches for it:
//  - it opens with a common given name (given-names.ts),
//  - a title or a naming phrase stands before it ("Mrs.", "my name is", "my daughter"), or a softer one
//    ("I'm", "add … as") before two or more words, or a verb after it ("… lives at", "… said"),
//  - it has an initial between two words ("Faina D. Yefremova"), a surname ending ("-sson", "-ová"), or
//    two or more words with letters English does not use ("Krisztián Szöllösy"),
//  - it is the first line of a contact block whose other lines hold an address, phone or email,
//  - it labels a line of dialogue ("Nicole: Remember me?") in a transcript of several speakers,
//  - it stands in a list ("Eklund, Michael and Hodge") with a name, or repeats a word of one.
// A word of a company, street or place ("Ltd", "Street", "Kingdom") vetoes the run whatever else it has.
import { COMMON_WORDS } from './common-words.js';
import { GIVEN_NAMES } from './given-names.js';
import { cueBefore, FIELD_LABELS, followedByPersonVerb, HONORIFICS } from './name-cues.js';
import { isSurnameShaped, NOT_NAME_WORDS, stem, toSpan, type NameRun } from './name-shapes.js';
import { findLowerCaseNames } from './person-lower-case.js';
import type { PiiSpan } from './span.js';
import { markClaimed, opensLine, type Word } from './words.js';

interface Reader {
  words: Word[];
  text: string;
  claimed: boolean[];
}

const NOT_A_NAME_ALONE = /^\p{L}{3,}(?:ian|ese|ish|ic|ean|ed|ing|ly|ful|ous|ive|able)$/u;
const LIST_WORDS = new Set(['and', 'or', 'und', 'et', 'y', 'e', 'och', 'og', 'en']);

const isInitial = (w: Word, next: Word | undefined) =>
  w.kind === 'word' && w.text.length === 1 && w.shape === 'title' && (w.text !== 'I' || (next?.gap.startsWith('.') ?? false));
const isNameWord = (w: Word) =>
  w.kind === 'word' && w.shape === 'title' && w.text.length > 1 && !COMMON_WORDS.has(w.lower) && !HONORIFICS.has(w.lower);
/** Letters English does not use: accents, or another script. */
const looksForeign = (w: Word) => w.lower !== w.folded || /[^\x00-\x7f]/.test(w.folded);

/** Words inside one name are separated by a space, or ". " after an initial. */
function joins(r: Reader, i: number): boolean {
  const gap = r.words[i]!.gap;
  const previous = r.words[i - 1]!;
  return gap === ' ' || ((gap === '. ' || gap === '.') && previous.text.length === 1);
}

/** Maximal runs of name words and initials on one line. */
function findRuns(r: Reader): NameRun[] {
  const { words } = r;
  const runs: NameRun[] = [];
  for (let i = 0; i < words.length; i++) {
    if (r.claimed[i] || !(isNameWord(words[i]!) || isInitial(words[i]!, words[i + 1]))) continue;
    let last = i;
    while (last < i + 5 && !r.claimed[last + 1] && last + 1 < words.length && joins(r, last + 1)) {
      const next = words[last + 1]!;
      if (!(isNameWord(next) || isInitial(next, words[last + 2]))) break;
      last++;
    }
    runs.push({ first: i, last });
    i = last;
  }
  return runs;
}

const partsOf = (r: Reader, run: NameRun) => r.words.slice(run.first, run.last + 1).filter((w) => w.text.length > 1);

function vouched(r: Reader, run: NameRun, parts: Word[]): boolean {
  const { words, text } = r;
  const first = words[run.first]!;
  const previous = words[run.first - 1];
  const opening = stem(parts[0]!);
  if (GIVEN_NAMES.has(opening) || (opening.includes('-') && GIVEN_NAMES.has(opening.split('-')[0]!))) return true;
  if (previous && HONORIFICS.has(previous.lower) && /^\.? $/.test(first.gap)) return true;
  if (followedByPersonVerb(text, words[run.last]!.end)) return true;
  const several = parts.length > 1;
  const cue = cueBefore(text, first.start, previous?.lower);
  // One word after "Dear" is a name unless it reads as an adjective ("Dear Valued Customer", "I'm Canadian").
  if (cue === 'naming' && (several || !NOT_A_NAME_ALONE.test(stem(parts[0]!)))) return true;
  if (cue === 'introducing' && several) return true;
  if (run.last - run.first >= 2 && words.slice(run.first + 1, run.last).some((w) => w.text.length === 1)) return true;
  if (several && parts.filter(looksForeign).length >= 1 && parts.every((w) => w.shape === 'title')) return true;
  return parts.some((w, k) => isSurnameShaped(w, several && k > 0));
}

/** A dialogue line "Nicole: Remember me?": one word opening a line, then a colon. */
function speaks(r: Reader, run: NameRun): boolean {
  const w = r.words[run.first]!;
  const next = r.words[run.last + 1];
  if (run.first !== run.last || next === undefined || !/^:\s*"?$/.test(next.gap)) return false;
  return opensLine(r.words, run.first) && !FIELD_LABELS.has(w.lower);
}

/** Runs joined by ", " or "and" into one list ("Kónya, Becker and Vasquez"). */
function lists(r: Reader, runs: NameRun[]): NameRun[][] {
  const groups: NameRun[][] = [];
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    const before = runs[k - 1];
    const between = before ? run.first - before.last : 0;
    const joined =
      before !== undefined &&
      ((between === 1 && /^,? ?&? $|^, $/.test(r.words[run.first]!.gap)) ||
        (between === 2 && LIST_WORDS.has(r.words[before.last + 1]!.lower) && /^,? $/.test(r.words[before.last + 1]!.gap)));
    if (joined) groups[groups.length - 1]!.push(run);
    else groups.push([run]);
  }
  return groups.filter((group) => group.length > 1);
}

export function findPeople(text: string, words: Word[], claimed: readonly PiiSpan[]): PiiSpan[] {
  if (!/\p{Lu}/u.test(text)) return findLowerCaseNames(text, words, claimed);
  const r: Reader = { words, text, claimed: markClaimed(words, claimed) };
  const runs = findRuns(r);
  const parts = runs.map((run) => partsOf(r, run));
  const vetoed = parts.map((p) => p.length === 0 || p.some((w) => NOT_NAME_WORDS.has(stem(w))));
  const speakers = new Set(runs.filter((run) => speaks(r, run)));
  // A transcript: several speaker lines, at least one of them a known given name.
  const dialogue = speakers.size > 1 && [...speakers].some((run) => GIVEN_NAMES.has(stem(words[run.first]!)));
  const contactBlock = claimed.length > 0;
  const accepted = runs.map((run, k) => {
    if (vetoed[k]) return false;
    if (vouched(r, run, parts[k]!) || (dialogue && speakers.has(run))) return true;
    const next = words[run.last + 1];
    return contactBlock && run.first === 0 && parts[k]!.length > 1 && (next === undefined || next.gap.includes('\n'));
  });
  const index = new Map(runs.map((run, k) => [run, k]));
  for (const group of lists(r, runs)) {
    const ks = group.map((run) => index.get(run)!);
    if (ks.some((k) => vetoed[k]) || ks.some((k) => parts[k]!.length > 2)) continue;
    const surnames = ks.some((k) => parts[k]!.some((w) => isSurnameShaped(w, true) || looksForeign(w)));
    if (ks.some((k) => accepted[k]) || (ks.length > 2 && surnames)) for (const k of ks) accepted[k] = true;
  }
  // A word of a name found once marks the same word elsewhere in the message.
  const known = new Set(runs.flatMap((_, k) => (accepted[k] ? parts[k]!.filter((w) => w.text.length > 2).map(stem) : [])));
  runs.forEach((_, k) => {
    if (!accepted[k] && !vetoed[k] && parts[k]!.every((w) => known.has(stem(w)))) accepted[k] = true;
  });
  return runs.filter((_, k) => accepted[k]).map((run) => toSpan(words, run));
}
