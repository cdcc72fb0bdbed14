// NIST SP 800-63B's advice: length over composition rules, and nothing an attacker would guess early. The
// guessing part is zxcvbn's estimate (dictionaries of common passwords, keyboard walks, l33t substitutions,
// dates, repeats), fed the account's email and the product's name, which attackers try first.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

const MIN_LENGTH = 12;
// argon2 hashes whatever it is given; the cap keeps a megabyte "password" from costing a megabyte of work.
const MAX_LENGTH = 256;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" (about 10^8 guesses, an offline attack on a slow hash). */
const MIN_SCORE = 3;
const PRODUCT_WORDS = ['countersign', 'counter', 'sign', 'admin', 'reviewer', 'supervisor'];

/** zxcvbn's warning keys (its English texts are a package of their own) as the reason we give. */
const WARNINGS: Record<string, string> = {
  similarToCommon: 'it is close to a well-known password',
  topTen: 'it is a well-known password',
  topHundred: 'it is a well-known password',
  common: 'it is a well-known password',
  userInputs: 'it contains your email or the product\'s name',
  straightRow: 'it is a row of keys',
  keyPattern: 'it is a keyboard pattern',
  simpleRepeat: 'it repeats characters',
  extendedRepeat: 'it repeats a pattern',
  sequences: 'it is a sequence such as abc or 123',
  recentYears: 'it contains a recent year',
  dates: 'it contains a date',
  namesByThemselves: 'it is mostly a name',
  commonNames: 'it is mostly a name',
  wordByItself: 'it is a single word',
};

let estimator: ZxcvbnFactory | undefined;

/** Built on first use: the dictionaries take a few milliseconds to index, which sign-in never needs. */
function strengthOf(password: string, userInputs: string[]) {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs);
}

/** Why `password` is not acceptable for the account `email`, or null when it is. */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < MIN_LENGTH) return `the password needs at least ${MIN_LENGTH} characters`;
  if (password.length > MAX_LENGTH) return `the password may have at most ${MAX_LENGTH} characters`;
  const lower = password.toLowerCase();
  const local = email.toLowerCase().split('@')[0] ?? '';
  if (lower === email.toLowerCase() || (local.length >= 4 && lower.includes(local))) return 'the password must not contain the email address';
  // zxcvbn's cost grows with length; past 64 characters the length alone puts it far beyond guessing.
  const strength = strengthOf(password.slice(0, 64), [email, local, local.replace(/[._+-]/g, ''), ...local.split(/[._+-]/), ...PRODUCT_WORDS]);
  if (strength.score < MIN_SCORE) {
    const warning = strength.feedback.warning ? WARNINGS[strength.feedback.warning] : undefined;
    const hint = warning ? ` (${warning})` : '';
    return `the password is too easy to guess${hint}; a few unrelated words make a good one`;
  }
  return null;
}
