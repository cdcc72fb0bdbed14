// findPii runs every detector over the customer's text and settles overlaps. Detectors run in order of how
// sure they are: a checksum-verified card or IBAN beats a phone-shaped reading of the same digits, and the
// word-based guesses (addresses, then names) run last and skip whatever is already claimed.
import type { GuardrailFinding } from '../types.js';
import { findAddresses } from './address.js';
import { findCards } from './card.js';
import { findEmails } from './email.js';
import { findIbans } from './iban.js';
import { findIps } from './ip.js';
import { findPeople } from './person.js';
import { findPhones } from './phone.js';
import type { PiiSpan } from './span.js';
import { findSsns } from './ssn.js';
import { splitWords } from './words.js';

export { redact } from './redact.js';

const STRUCTURED = [findEmails, findIbans, findCards, findSsns, findIps, findPhones];

/**
 * Adds the spans that overlap nothing already taken. Both lists are walked in text order in one pass, so
 * a message full of matches costs no more than its length.
 */
function keep(taken: PiiSpan[], spans: PiiSpan[]): PiiSpan[] {
  const added: PiiSpan[] = [];
  let t = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    while (t < taken.length && taken[t]!.end <= span.start) t++;
    const blocked = t < taken.length && taken[t]!.start < span.end;
    const previous = added[added.length - 1];
    if (!blocked && span.end > span.start && !(previous && previous.end > span.start)) added.push(span);
  }
  const merged: PiiSpan[] = [];
  let a = 0;
  for (const span of taken) {
    while (a < added.length && added[a]!.start < span.start) merged.push(added[a++]!);
    merged.push(span);
  }
  while (a < added.length) merged.push(added[a++]!);
  return merged;
}

export function findPii(text: string): GuardrailFinding[] {
  let taken: PiiSpan[] = [];
  for (const detect of STRUCTURED) taken = keep(taken, detect(text));
  const words = splitWords(text);
  taken = keep(taken, findAddresses(text, words, taken));
  taken = keep(taken, findPeople(text, words, taken));
  return taken.map(({ type, start, end }) => ({ rule: `pii.${type}`, class: 'pii', severity: 'medium', start, end }));
}
