// Phone numbers, read by a small scanner rather than one regex: groups of digits joined by single spaces,
// dots or dashes, an area code in parentheses, a leading "+", an extension. (A regex of optional groups
// over a long digit run can split it in exponentially many ways before failing.) Each run is read once.
//
// Some shapes are phones on sight: "+" and 8 or more digits (E.164), an area code in parentheses, an
// extension, the North American 3-3-4, or a national number that opens with the trunk "0" and comes in
// groups. Anything else with 7–15 digits ("374 780 163", "5403926876") is a phone only when a phone word
// stands nearer in front than a word for another kind of number ("order", "account", "card"), or a line
// label follows it ("… 655 437 108 office"). Dates, clock times and amounts are never phones.
import { lastCueBefore, wordAfter } from './context.js';
import { isDigitAt, isWordCharAt, type PiiSpan } from './span.js';

const CUES = new RegExp(
  [
    String.raw`\b(?<phone>phone|telephone|tel|mobile|mob|cell|cellphone|desk|fax|call|calling|ring|text|sms|whatsapp`,
    String.raw`messages?|messaging|reach|contact|dial|answering|landline|hotline|(?:my|your|our|his|her|the|new|this) number)\b`,
    String.raw`\b(?<other>account|acct|order|ref|reference|invoice|transaction|tracking|confirmation|booking|reservation`,
    String.raw`ticket|policy|member|id|iban|swift|routing|sort code|cards?|ssn|social security|licen[cs]e|passport|zip`,
    String.raw`postal|postcode|pin|code|otp|amount|balance|total|price|usd|eur|gbp|date|born|dob|case|claim|serial`,
    String.raw`model|receipt|loan|cheque|check|vat|tax)\b|(?<money>[$€£¥])`,
  ].join('|'),
  'g',
);
const TRAILING_LABELS = new Set(['office', 'fax', 'mobile', 'cell', 'home', 'work', 'tel', 'phone', 'landline', 'direct']);
const EXTENSION = /^ ?(?:x|ext\.?|extension) ?(\d{1,6})(?![\p{L}\p{N}_])/iu;
// A number glued to one of these is part of something else: a path, a range, an amount, an order "#…".
const BEFORE_BLOCKERS = new Set(['/', '-', '+', '$', '€', '£', '¥', '#', '@']);
const SEPARATORS = new Set([' ', '.', '-']);

interface Run {
  end: number;
  groups: string[];
  separators: string[];
  international: boolean;
  parenthesised: boolean;
  extension: boolean;
}

function readDigits(text: string, from: number): number {
  let end = from;
  while (isDigitAt(text, end)) end++;
  return end;
}

/** Reads the longest phone-shaped run at `start`; always consumes at least one character. */
function readRun(text: string, start: number): Run {
  const run: Run = {
    end: start, groups: [], separators: [], international: false, parenthesised: false, extension: false,
  };
  let at = start;
  if (text[at] === '+') {
    run.international = true;
    at++;
  }
  let separator = '';
  for (;;) {
    let groupEnd: number;
    if (text[at] === '(') {
      groupEnd = readDigits(text, at + 1);
      if (groupEnd === at + 1 || groupEnd - at > 5 || text[groupEnd] !== ')') break;
      run.groups.push(text.slice(at + 1, groupEnd));
      run.parenthesised = true;
      groupEnd++;
    } else if (isDigitAt(text, at)) {
      groupEnd = readDigits(text, at);
      run.groups.push(text.slice(at, groupEnd));
    } else {
      break;
    }
    if (run.groups.length > 1) run.separators.push(separator);
    run.end = at = groupEnd;
    // One separator between groups; none is needed after a closing parenthesis or before an opening one.
    separator = SEPARATORS.has(text[at]!) ? text[at]! : '';
    const next = text[at + separator.length];
    const closedParen = text[at - 1] === ')';
    if (next === '(' && separator === '') break;
    const digitNext = isDigitAt(text, at + separator.length) && (separator !== '' || closedParen);
    if (next !== '(' && !digitNext) break;
    at += separator.length;
  }
  const extension = EXTENSION.exec(text.slice(run.end, run.end + 16));
  if (extension && run.groups.length > 0) {
    run.extension = true;
    run.end += extension[0].length;
  }
  if (run.end === start) run.end = start + 1;
  return run;
}

function looksLikeDate(run: Run): boolean {
  const [a = '', b = '', c = ''] = run.groups;
  if (run.groups.length < 3 || run.separators[0] === ' ') return false;
  const month = (m: string) => Number(m) >= 1 && Number(m) <= 12;
  const day = (d: string) => Number(d) >= 1 && Number(d) <= 31;
  const yearFirst = a.length === 4 && month(b) && day(c);
  return yearFirst || (c.length === 4 && a.length <= 2 && b.length <= 2 && day(a) && day(b));
}

/** "1 234 567.89": a single dot before the last two digits is a decimal point. */
function looksLikeAmount(run: Run): boolean {
  const last = run.separators.length - 1;
  return run.separators[last] === '.' && run.groups[last + 1]?.length === 2 && !run.separators.slice(0, last).includes('.');
}

function isStrong(run: Run, digits: string): boolean {
  const lengths = run.groups.map((g) => g.length).join('-');
  const uniform = run.separators.every((s) => s === run.separators[0]);
  const countryCode = (lengths === '1-3-3-4' && digits.startsWith('1')) || (lengths === '3-3-3-4' && digits.startsWith('001'));
  const northAmerican = uniform && /[2-9]\d\d[2-9]\d{6}$/.test(digits) && (lengths === '3-3-4' || countryCode);
  // The SSN shape 3-2-4 with dashes is not a way anyone writes a phone number.
  const ssnShaped = lengths === '3-2-4' && uniform;
  const trunk = digits.startsWith('0') && run.groups.length >= 2 && digits.length >= 9 && digits.length <= 12 && !ssnShaped;
  return (run.international && digits.length >= 8) || run.parenthesised || run.extension || northAmerican || trunk;
}

// Where a phone can begin; the scanner takes over from there.
const START = /[+(\d]/g;

export function findPhones(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  START.lastIndex = 0;
  for (let found = START.exec(text); found; found = START.exec(text)) {
    const start = found.index;
    const run = readRun(text, start);
    START.lastIndex = run.end;
    const before = text[start - 1];
    if (before !== undefined && (isWordCharAt(text, start - 1) || BEFORE_BLOCKERS.has(before))) continue;
    // A comma or dot after a digit continues a number ("1,234,567"); after anything else it is punctuation.
    if ((before === ',' || before === '.') && isDigitAt(text, start - 2)) continue;
    const after = text[run.end];
    if (isWordCharAt(text, run.end) || after === ':' || after === '/' || after === '@') continue;
    const digits = run.groups.join('');
    if (digits.length < 7 || digits.length > 15 || looksLikeDate(run)) continue;
    if (looksLikeAmount(run) || /[$€£¥]\s?$/.test(text.slice(Math.max(0, start - 2), start))) continue;
    // The look-around is the costly part, so it runs only for numbers whose shape is not enough.
    const introduced = () => TRAILING_LABELS.has(wordAfter(text, run.end)) || lastCueBefore(text, start, CUES) === 'phone';
    if (!isStrong(run, digits) && !introduced()) continue;
    spans.push({ type: 'phone', start, end: run.end });
  }
  return spans;
}
