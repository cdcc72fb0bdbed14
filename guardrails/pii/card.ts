// Payment card numbers: 12–19 digits, plain or in the printed groups (4-4-4-4, Amex 4-6-5), passing Luhn.
// Luhn alone lets one random long number in ten through, so the number must also start the way a card
// brand's numbers start, or be introduced as a card ("card no", "cc"). Twelve digits is as often an order
// or account number as an old Maestro card, so that length always needs the introduction; a number
// introduced as an order, invoice or account number is never taken for a card.
import { passesLuhn } from './checksums.js';
import { lastCueBefore } from './context.js';
import type { PiiSpan } from './span.js';

const CANDIDATE =
  /(?<![\p{L}\p{N}_.,+\-/])(?:\d{12,19}|\d{4}([ -])\d{4,6}(?:\1\d{1,5}){1,3})(?![\p{L}\p{N}_]|[.,\-/]\d)/gu;
const CUES = new RegExp(
  String.raw`\b(?<card>cards?|cc|credit|debit|visa|mastercard|amex|maestro|pan)\b` +
    String.raw`|\b(?<other>order|invoice|tracking|ref|reference|confirmation|booking|reservation|ticket|transaction|account|iban)\b`,
  'g',
);

// Issuer prefixes (IIN ranges) and the lengths each brand issues, from the networks' published ranges.
const BRANDS: { from: number; to: number; digits: number; lengths: number[] }[] = [
  { from: 4, to: 4, digits: 1, lengths: [13, 16, 19] }, // Visa
  { from: 51, to: 55, digits: 2, lengths: [16] }, // Mastercard
  { from: 2221, to: 2720, digits: 4, lengths: [16] }, // Mastercard 2-series
  { from: 2200, to: 2204, digits: 4, lengths: [16, 17, 18, 19] }, // Mir
  { from: 34, to: 34, digits: 2, lengths: [15] }, // American Express
  { from: 37, to: 37, digits: 2, lengths: [15] },
  { from: 300, to: 305, digits: 3, lengths: [14, 15, 16, 17, 18, 19] }, // Diners Club
  { from: 36, to: 36, digits: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { from: 38, to: 39, digits: 2, lengths: [14, 15, 16, 17, 18, 19] },
  { from: 35, to: 35, digits: 2, lengths: [16, 17, 18, 19] }, // JCB
  { from: 2131, to: 2131, digits: 4, lengths: [15] },
  { from: 1800, to: 1800, digits: 4, lengths: [15] },
  { from: 6011, to: 6011, digits: 4, lengths: [16, 17, 18, 19] }, // Discover
  { from: 644, to: 649, digits: 3, lengths: [16, 17, 18, 19] },
  { from: 65, to: 65, digits: 2, lengths: [16, 17, 18, 19] },
  { from: 62, to: 62, digits: 2, lengths: [16, 17, 18, 19] }, // UnionPay
  { from: 50, to: 50, digits: 2, lengths: [12, 13, 14, 15, 16, 17, 18, 19] }, // Maestro
  { from: 56, to: 69, digits: 2, lengths: [12, 13, 14, 15, 16, 17, 18, 19] },
];

function matchesBrand(digits: string): boolean {
  return BRANDS.some((b) => {
    const prefix = Number(digits.slice(0, b.digits));
    return prefix >= b.from && prefix <= b.to && b.lengths.includes(digits.length);
  });
}

export function findCards(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(CANDIDATE)) {
    const digits = match[0].replace(/\D/g, '');
    if (digits.length < 12 || digits.length > 19 || !passesLuhn(digits)) continue;
    // An order or reference number that happens to pass Luhn is still an order number.
    const cue = lastCueBefore(text, match.index, CUES);
    if (cue === 'other' || (cue !== 'card' && !(digits.length > 12 && matchesBrand(digits)))) continue;
    spans.push({ type: 'card', start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
