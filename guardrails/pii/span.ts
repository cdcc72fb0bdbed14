// What every detector returns: a typed span of the customer's own text. index.ts turns spans into guardrail
// findings once overlaps between detectors are settled. Also the two character tests detectors use to check
// that a match does not start or end inside a longer word or number.

export type PiiType = 'email' | 'phone' | 'card' | 'iban' | 'ssn' | 'ip' | 'person' | 'address';

export interface PiiSpan {
  type: PiiType;
  start: number;
  /** Exclusive. */
  end: number;
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

/** True when the character at `index` is a letter, digit or underscore; false outside the string. */
export function isWordCharAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (Number.isNaN(code)) return false;
  // Detectors call this on every boundary they test, so ASCII skips the Unicode regex.
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
  }
  return WORD_CHAR.test(text[index]!);
}

export function isDigitAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code >= 48 && code <= 57;
}
