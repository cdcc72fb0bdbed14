// Email addresses, found from each "@" outwards. A regex like /[\w.]+@…/ restarts at every letter of a long
// word and turns quadratic; walking out from the "@" touches each character at most twice.
import type { PiiSpan } from './span.js';

const LOCAL_CHAR = /[\p{L}\p{N}._%+'-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const TLD = /^\p{L}{2,}$/u;

export function findEmails(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  let at = text.indexOf('@');
  let floor = 0;
  while (at !== -1) {
    let start = at;
    while (start > floor && LOCAL_CHAR.test(text[start - 1]!)) start--;
    while (start < at && text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && DOMAIN_CHAR.test(text[end]!)) end++;
    // A sentence full stop or a dash after the address is not part of the domain.
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    const domain = text.slice(at + 1, end);
    const dot = domain.lastIndexOf('.');
    if (start < at && dot > 0 && !domain.includes('..') && TLD.test(domain.slice(dot + 1))) {
      spans.push({ type: 'email', start, end });
    }
    floor = Math.max(at + 1, end);
    at = text.indexOf('@', at + 1);
  }
  return spans;
}
