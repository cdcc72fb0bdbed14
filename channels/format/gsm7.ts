// GSM 03.38 awareness for SMS replies. One character outside this alphabet switches the whole message to
// UCS-2, which cuts a segment from 160 to 70 characters, so a stray curly quote can more than double the
// cost of a reply. Pure and dependency-free: channel-format.ts may be imported from workflow code.

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsSegmentCount {
  encoding: SmsEncoding;
  segments: number;
  /** Septets for GSM-7, UTF-16 code units for UCS-2: the units carriers count against the limits. */
  units: number;
}

// The basic table, in GSM 03.38 order. The escape character 0x1B is left out on purpose: it only ever
// introduces an extension character and is not something a reply can contain on its own.
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

// Reached through the escape character, so each costs two septets.
const EXTENSION = '\f^{}\\[~]|€';

const basicSet = new Set(BASIC);
const extensionSet = new Set(EXTENSION);

const SINGLE_GSM7 = 160;
const PART_GSM7 = 153; // 7 septets of every part go to the concatenation header
const SINGLE_UCS2 = 70;
const PART_UCS2 = 67;

function septetsOf(char: string): number | undefined {
  if (basicSet.has(char)) return 1;
  if (extensionSet.has(char)) return 2;
  return undefined;
}

export function isGsm7(text: string): boolean {
  for (const char of text) if (septetsOf(char) === undefined) return false;
  return true;
}

/** Septets the text occupies on the air. Throws for text that is not GSM-7: check `isGsm7` first. */
export function septetLength(text: string): number {
  let total = 0;
  for (const char of text) {
    const septets = septetsOf(char);
    if (septets === undefined) throw new RangeError(`not a GSM-7 character: U+${char.codePointAt(0)?.toString(16)}`);
    total += septets;
  }
  return total;
}

// Typographic characters LLMs love that have a plain GSM-7 twin. Anything else (accents, emoji) is the
// customer's language or the drafter's choice, so it is left alone even if it forces UCS-2.
const FRIENDLY: ReadonlyArray<readonly [RegExp, string]> = [
  [/[\u2018\u2019]/g, "'"],
  [/[\u201C\u201D]/g, '"'],
  [/[\u2010\u2011\u2013\u2014]/g, '-'],
  [/\u2026/g, '...'],
  [/\u2022/g, '-'],
  [/[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
];

export function toGsm7Friendly(text: string): string {
  return FRIENDLY.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}

/**
 * How carriers bill the text: one segment up to the single-message limit, otherwise parts of the
 * concatenated size. A character is never split across parts, so an escaped GSM-7 character or a UTF-16
 * surrogate pair that does not fit moves whole to the next part.
 */
export function smsSegments(text: string): SmsSegmentCount {
  const gsm = isGsm7(text);
  const costs = [...text].map((char) => (gsm ? (septetsOf(char) as number) : char.length));
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  if (units === 0) return { encoding, segments: 0, units };
  if (units <= (gsm ? SINGLE_GSM7 : SINGLE_UCS2)) return { encoding, segments: 1, units };
  return { encoding, segments: countParts(costs, gsm ? PART_GSM7 : PART_UCS2), units };
}

function countParts(costs: readonly number[], perPart: number): number {
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perPart) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return parts;
}
