// Street addresses, read word by word. The core is a street: a house number with a name and a street type
// ("14 Crown Street"), a street word that opens the name ("Rue de Virton 38", "ul. Słowicza 10"), one word
// that is a street by its ending ("Mellemvej 32", "Kaarikatu 32"), a post box or military address, a flat
// or suite ("Apt. 595"), or "the corner of … and …". After a phrase that announces an address ("lives at",
// "address:") a bare "number Name number" is enough. From the core the span grows over the rest of the
// postal block (flat, city, region code, country, postcode) across commas and line breaks, and stops at a
// sentence, a label ("Mobile:") or PII another detector already claimed.
import { COMMON_WORDS } from './common-words.js';
import type { PiiSpan } from './span.js';
import {
  isStreetWord, NAME_PARTICLES, STREET_PREFIXES, STRONG_SUFFIXES, UNIT_WORDS, WEAK_SUFFIXES,
} from './street-words.js';
import { markClaimed, opensLine, type Word } from './words.js';

// Phrases that announce an address, read from the few dozen characters before a candidate.
const ANNOUNCED = new RegExp(
  String.raw`(?:\baddress(?:es)?\b[^.?!\n]{0,24}|\bfollowing[?:]?` +
    String.raw`|\b(?:lives?|living|located|situated|based|meet(?: me| us)?|is|are|'s|off|enter|stop|sent|send(?: it)?` +
    String.raw`|deliver(?:ed)?|ship(?:ped)?|moved?|return|arrived|taxi|resides?|headed|visit) (?:at|on|to|in))\s*$`,
);
// The word before an announced street is one of these; the regex above only runs after them.
const ANNOUNCING_WORDS = new Set(['at', 'on', 'to', 'in', 'is', 'with', 'as', 'be', 'address', 'addresses', 'following']);
const BLOCK_GAP = /^[\s,>?*|()]*$/;
// Postcodes that are not plain digits: Polish "53-320", UK "NW1 6XE", Canadian "K1A 0B1".
const POSTCODE = /^\d{2,3}-\d{3}$|^[A-Z]{1,2}\d[A-Z\d]?$|^\d[A-Z]{2}$|^[A-Z]\d[A-Z]$|^\d[A-Z]\d$/;
const HOUSE_NUMBER = /^\d{1,5}[a-z]?$/i;
// Capitalised words that come before numbers in ordinary requests ("Windows 10", "Gate 12").
const NOT_STREET_NAMES = new Set(
  `windows version chapter level gate terminal platform season page step item items plan ticket number no order
   invoice iphone galaxy pixel ios android pm am`.split(/\s+/),
);

// Per-word facts, worked out the first time a reader asks and kept, so each word pays for its set lookups
// once, and only words near a possible address pay at all.
const KNOWN = 1, NUM = 2, NAME = 4, INLINE = 8, PARTICLE = 16, LOWER_WORD = 32, STREET_WORD = 64;
const MAIL_AND_CORNER = ['corner', 'po', 'p', 'psc', 'cmr', 'apo', 'fpo', 'dpo'];
// Lower-case words that can open an address in a message that also has capitals.
const OPENERS = new Set([...STREET_PREFIXES, ...UNIT_WORDS, ...MAIL_AND_CORNER]);
const MAX_OPENER = Math.max(...[...OPENERS].map((w) => w.length));

interface Reader {
  words: Word[];
  text: string;
  /** Whole message typed in lower case: capitals cannot be the evidence. */
  allLower: boolean;
  flags: Uint8Array;
  claimed: boolean[];
}

function describe(r: Reader, i: number): number {
  const w = r.words[i]!;
  let f = KNOWN;
  if ((w.kind === 'num' && w.text.length <= 5) || (w.kind === 'mixed' && HOUSE_NUMBER.test(w.text))) f |= NUM;
  if (w.kind === 'word') {
    const common = COMMON_WORDS.has(w.lower) || NOT_STREET_NAMES.has(w.lower);
    if (!common && (w.shape === 'title' || w.shape === 'upper' || (r.allLower && w.shape === 'lower'))) f |= NAME;
    if (!common && w.shape === 'lower') f |= LOWER_WORD;
    if (NAME_PARTICLES.has(w.lower)) f |= PARTICLE;
    if (w.folded.length >= 5 && isStreetWord(w.folded)) f |= STREET_WORD;
  }
  if (isInlineGap(w.gap)) f |= INLINE;
  return f;
}

/** Words on one street line are separated by a space or two, "." after an abbreviation, "/" or ", ". */
function isInlineGap(gap: string): boolean {
  if (gap.length === 0 || gap.length > 3) return false;
  if (gap === ' ') return true;
  const mark = gap[0] === '.' || gap[0] === '/' || gap[0] === ',' ? 1 : 0;
  for (let k = mark; k < gap.length; k++) if (gap[k] !== ' ' && gap[k] !== '\t') return false;
  return gap[0] !== ',' || gap.length > 1;
}

/** Whether word `i` has `flag`; words another detector claimed have none, so no reader walks into them. */
function has(r: Reader, i: number, flag: number): boolean {
  if (i >= r.words.length || r.claimed[i]) return false;
  let f = r.flags[i]!;
  if (f === 0) r.flags[i] = f = describe(r, i);
  return (f & flag) !== 0;
}

/** The house number after a street name ("Via Tasso 129", "Belgrád rkp. 18."), if there is one. */
function afterHouseNumber(r: Reader, j: number): number {
  const w = r.words[j];
  const numbered = w !== undefined && (w.kind === 'num' || w.kind === 'mixed') && HOUSE_NUMBER.test(w.text);
  return numbered && has(r, j, INLINE) ? j + 1 : j;
}

/** A street written name-first or number-first; returns the index after it, or -1. */
function readStreet(r: Reader, i: number): number {
  const { words } = r;
  let start = i;
  while (start < i + 2 && has(r, start, NUM) && (start === i || has(r, start, INLINE))) start++;
  const numbered = start > i;
  const first = words[start];
  if (first === undefined || (numbered && !has(r, start, INLINE))) return -1;

  // Short prefixes are abbreviations and need their mark: "ul. Słowicza", "C/ Señores Curas".
  const prefixed = first.kind === 'word' && STREET_PREFIXES.has(first.folded);
  if (prefixed && (first.text.length > 2 || /^[./]/.test(words[start + 1]?.gap ?? ''))) {
    let j = start + 1;
    while (j < start + 6 && has(r, j, INLINE) && (has(r, j, NAME) || has(r, j, PARTICLE) || has(r, j, LOWER_WORD))) j++;
    const end = afterHouseNumber(r, j);
    return j > start + 1 && (numbered || end > j) ? end : -1;
  }

  let capitalised = true;
  for (let j = start; j < start + 6 && (j === start || has(r, j, INLINE)); j++) {
    const w = words[j]!;
    if (w.kind !== 'word') return -1;
    const strong = STRONG_SUFFIXES.has(w.folded);
    const weak = WEAK_SUFFIXES.has(w.folded) && w.shape !== 'lower' && capitalised;
    if (j > start && (strong || weak) && (numbered || w.shape !== 'lower')) {
      const end = afterHouseNumber(r, j + 1);
      // A weak type word with no number ("Marina Fort …") may still be part of the name.
      if (numbered || end > j + 1 || strong) return end;
    }
    if (has(r, j, STREET_WORD)) {
      const end = afterHouseNumber(r, j + 1);
      if (end > j + 1) return end;
    }
    const nameish = has(r, j, NAME) || (j > start && has(r, j, PARTICLE)) || (numbered && has(r, j, LOWER_WORD));
    if (!nameish) return -1;
    if (w.shape === 'lower') capitalised = false;
  }
  return -1;
}

/**
 * "Number Name number" or "number Name" with nothing street-like about it: only after an announcement,
 * or as a whole line of a postal block ("…\n5850 Jana Nerudy 894\n").
 */
function readAnnouncedStreet(r: Reader, i: number): number {
  const { words, text } = r;
  const ownLine = has(r, i, NUM) && opensLine(words, i);
  if (!ownLine && !ANNOUNCING_WORDS.has(words[i - 1]?.lower ?? '')) return -1;
  let start = i;
  while (start < i + 2 && has(r, start, NUM) && (start === i || has(r, start, INLINE))) start++;
  let j = start;
  while (j < start + 4 && (j === i || has(r, j, INLINE)) && (has(r, j, NAME) || (j > start && has(r, j, PARTICLE)))) j++;
  if (j === start) return -1;
  const end = afterHouseNumber(r, j);
  // Typed all in lower case, any word passes for a name, so both numbers must be there.
  const numbered = r.allLower ? end > j && start > i : end > j || start > i;
  if (!numbered) return -1;
  const next = words[end];
  const lineEnds = next === undefined || next.gap.includes('\n') || UNIT_WORDS.has(next.lower);
  if (ownLine && end > j && start > i && lineEnds) return end;
  const at = words[i]!.start;
  return ANNOUNCED.test(text.slice(Math.max(0, at - 48), at).toLowerCase()) ? end : -1;
}

/** "P.O. Box 149", "PSC 0413, Box 8144", "Unit 7349 Box 6067", and the "APO AE 42323" line. */
function readMailbox(r: Reader, i: number): number {
  const { words } = r;
  const w = words[i]!.lower;
  let box = -1;
  if (w === 'po') box = i + 1;
  else if (w === 'p' && words[i + 1]?.lower === 'o') box = i + 2;
  else if ((w === 'psc' || w === 'cmr' || w === 'unit') && has(r, i + 1, NUM)) box = i + 2;
  else if ((w === 'apo' || w === 'fpo' || w === 'dpo') && words[i + 1]?.shape === 'upper' && has(r, i + 2, NUM)) {
    return i + 3;
  }
  return box > 0 && words[box]?.lower === 'box' && has(r, box + 1, NUM) ? box + 2 : -1;
}

/** "the corner of 159 Eleftheriou Venizelou str and Rennie Union". */
function readCorner(r: Reader, i: number): number {
  const { words } = r;
  if (words[i]!.lower !== 'corner' || words[i + 1]?.lower !== 'of') return -1;
  let j = i + 2;
  while (j < i + 10 && has(r, j, INLINE) && words[j]!.lower !== 'and') j++;
  if (words[j]?.lower !== 'and' || j === i + 2) return -1;
  let end = j + 1;
  while (end < j + 5 && has(r, end, INLINE) && (has(r, end, NAME) || has(r, end, PARTICLE) || has(r, end, NUM))) end++;
  return end > j + 1 ? end : -1;
}

/** "Apt. 595", "Suite 501". */
function readUnit(r: Reader, i: number): number {
  const { words } = r;
  const next = words[i + 1];
  if (next === undefined || next.kind === 'word' || !UNIT_WORDS.has(words[i]!.lower)) return -1;
  if (!/^[ \t]*\.?[ \t]*#?$/.test(next.gap)) return -1;
  return has(r, i + 1, NUM) || (next.kind === 'mixed' && next.text.length <= 6) ? i + 2 : -1;
}

const isPostcode = (w: Word) => (w.kind === 'num' ? w.text.length >= 2 && w.text.length <= 6 : w.kind === 'mixed' && POSTCODE.test(w.text));

/** Grows the span over the rest of the postal block: flat, street, city, region, country, postcode. */
function readBlock(r: Reader, from: number): number {
  const { words } = r;
  let end = from;
  let j = from;
  let lines = 0;
  while (j < words.length && j < from + 16 && !r.claimed[j]) {
    const w = words[j]!;
    if (w.gap.includes('\n') && ++lines > 5) break;
    const part = Math.max(readUnit(r, j), readMailbox(r, j), readStreet(r, j));
    const gapOk = BLOCK_GAP.test(w.gap) || (/^\.\s+$/.test(w.gap) && (part > 0 || words[j - 1]?.kind === 'num'));
    // A word followed by a colon is the next label ("Mobile: …"), not part of the address.
    if (!gapOk || (w.kind === 'word' && (words[j + 1]?.gap ?? '').includes(':'))) break;
    if (part > 0) j = end = part;
    else if (isPostcode(w)) j = end = j + 1;
    else if (has(r, j, NAME) || (r.allLower && has(r, j, LOWER_WORD))) j = end = j + 1;
    // "New Zealand", "Czech Republic": an everyday word opening a place name on its own line.
    else if (w.shape === 'title' && w.gap.includes('\n') && has(r, j + 1, INLINE) && has(r, j + 1, NAME)) j += 1;
    else if (has(r, j, PARTICLE) && has(r, j + 1, INLINE) && (has(r, j + 1, NAME) || has(r, j + 1, PARTICLE))) j += 1;
    else break;
  }
  return end;
}

export function findAddresses(text: string, words: Word[], claimed: readonly PiiSpan[]): PiiSpan[] {
  const allLower = !/\p{Lu}/u.test(text);
  const flags = new Uint8Array(words.length);
  const r: Reader = { words, text, allLower, flags, claimed: markClaimed(words, claimed) };
  const spans: PiiSpan[] = [];
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    let start = w.start;
    let end = -1;
    // A lower-case word opens an address only before a number or a capital ("rue Gafsa 62", "apt 4"), or as
    // "corner of"; checking the next word first spares most words a set lookup.
    const next = words[i + 1];
    const beforeName = next !== undefined && (next.kind !== 'word' || next.shape !== 'lower' || next.lower === 'of');
    const opens =
      w.kind !== 'word' || w.shape !== 'lower' || allLower || (beforeName && w.text.length <= MAX_OPENER && OPENERS.has(w.folded));
    if (opens && !r.claimed[i]) {
      end = readCorner(r, i);
      if (end > 0 && words[i - 1]?.lower === 'the') start = words[i - 1]!.start;
      if (end < 0) end = readMailbox(r, i);
      if (end < 0) end = readUnit(r, i);
      if (end < 0) end = readStreet(r, i);
      if (end < 0) end = readAnnouncedStreet(r, i);
    }
    if (end < 0) {
      i++;
      continue;
    }
    const last = readBlock(r, end);
    spans.push({ type: 'address', start, end: words[last - 1]!.end });
    i = last;
  }
  return spans;
}
