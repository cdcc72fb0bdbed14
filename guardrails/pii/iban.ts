// IBANs: country code, two check digits, then the national account number, written compact or in groups
// of four. The country fixes the length (ISO 13616 registry), which also tells where a spaced IBAN ends
// when a short word follows it; mod 97 then rules out typos and look-alikes.
import { ibanRemainder } from './checksums.js';
import type { PiiSpan } from './span.js';

const CANDIDATE =
  /(?<![\p{L}\p{N}_])[A-Za-z]{2}\d{2}(?:[A-Za-z0-9]{11,30}|(?: [A-Za-z0-9]{4}){2,7}(?: [A-Za-z0-9]{1,4})?)(?![\p{L}\p{N}_])/gu;

const LENGTHS: Record<string, number> = {
  NO: 15, BE: 16, DK: 18, FI: 18, FK: 18, FO: 18, GL: 18, NL: 18, SD: 18, MK: 19, SI: 19,
  AT: 20, BA: 20, EE: 20, KZ: 20, LT: 20, LU: 20, MN: 20, XK: 20, CH: 21, HR: 21, LI: 21, LV: 21,
  BG: 22, BH: 22, CR: 22, DE: 22, GB: 22, GE: 22, IE: 22, ME: 22, RS: 22, VA: 22,
  AE: 23, GI: 23, IL: 23, IQ: 23, OM: 23, SO: 23, TL: 23,
  AD: 24, CZ: 24, ES: 24, MD: 24, PK: 24, RO: 24, SA: 24, SE: 24, SK: 24, TN: 24, VG: 24,
  LY: 25, PT: 25, ST: 25, IS: 26, TR: 26,
  BI: 27, DJ: 27, FR: 27, GR: 27, IT: 27, MC: 27, MR: 27, SM: 27,
  AL: 28, AZ: 28, BY: 28, CY: 28, DO: 28, GT: 28, HU: 28, LB: 28, NI: 28, PL: 28, SV: 28,
  BR: 29, EG: 29, PS: 29, QA: 29, UA: 29, JO: 30, KW: 30, MU: 30, YE: 30, MT: 31, SC: 31, LC: 32, RU: 33,
};

export function findIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const written = match[0];
    const compact = written.replace(/ /g, '').toUpperCase();
    const length = LENGTHS[compact.slice(0, 2)];
    if (length === undefined || compact.length < length) continue;
    // Map the country's length back onto the written form, which may carry a trailing word.
    let taken = 0;
    let end = 0;
    while (taken < length) if (written[end++] !== ' ') taken++;
    if (end < written.length && written[end] !== ' ') continue;
    if (ibanRemainder(compact.slice(0, length)) !== 1) continue;
    spans.push({ type: 'iban', start: match.index, end: match.index + end });
  }
  return spans;
}
