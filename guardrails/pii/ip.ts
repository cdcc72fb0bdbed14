// IP addresses. IPv4 needs four octets of at most 255, and must not sit inside a longer dotted number (a
// version string "1.2.3.4.5", an amount "1.250.000,00"). IPv6 is validated group by group rather than by
// one giant regex: eight hex groups, or fewer with a single "::", optionally ending in an IPv4 tail.
// Clock times ("11:34:35") and MAC addresses (six groups) fail that count.
import { isWordCharAt, type PiiSpan } from './span.js';

const IPV4 = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/g;
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const VERSION_CUE = /\bv(?:ersion)?\.?\s*$/i;

function isIpv4(candidate: string): boolean {
  const octets = candidate.split('.');
  return octets.length === 4 && octets.every((o) => o.length > 0 && Number(o) <= 255 && (o.length === 1 || o[0] !== '0'));
}

function isIpv6(candidate: string): boolean {
  let groups = candidate;
  let slots = 8;
  const lastColon = candidate.lastIndexOf(':');
  const tail = candidate.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (!isIpv4(tail)) return false;
    groups = candidate.slice(0, lastColon + 1) + '0';
    slots = 7;
  }
  const halves = groups.split('::');
  if (halves.length > 2) return false;
  const parts = halves.map((half) => (half === '' ? [] : half.split(':')));
  if (!parts.every((list) => list.every((group) => HEX_GROUP.test(group)))) return false;
  const count = parts.reduce((n, list) => n + list.length, 0);
  // "::" and "::1" are valid but name no one's machine; "a :: b" in prose is not an address at all.
  if (count < 2) return false;
  return halves.length === 2 ? count < slots : count === slots;
}

function isIpv6Char(code: number): boolean {
  return (code >= 48 && code <= 58) || (code >= 65 && code <= 70) || (code >= 97 && code <= 102) || code === 46;
}

function findIpv4(text: string, spans: PiiSpan[]): void {
  const ipv6 = [...spans];
  let v6 = 0;
  for (const match of text.matchAll(IPV4)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isWordCharAt(text, start - 1) || text[start - 1] === '.' || isWordCharAt(text, end)) continue;
    if (text[end] === '.' && isWordCharAt(text, end + 1)) continue;
    if (!isIpv4(match[0]) || VERSION_CUE.test(text.slice(Math.max(0, start - 10), start))) continue;
    // The tail of an IPv4-mapped IPv6 address ("::ffff:192.0.2.128") is already part of that address.
    while (v6 < ipv6.length && ipv6[v6]!.end < end) v6++;
    if (v6 < ipv6.length && ipv6[v6]!.start <= start) continue;
    spans.push({ type: 'ip', start, end });
  }
}

/** Grows a candidate out from each colon over hex digits, colons and dots; each character is read once. */
function findIpv6(text: string, spans: PiiSpan[]): void {
  let colon = text.indexOf(':');
  while (colon !== -1) {
    let start = colon;
    while (start > 0 && isIpv6Char(text.charCodeAt(start - 1))) start--;
    let end = colon + 1;
    while (end < text.length && isIpv6Char(text.charCodeAt(end))) end++;
    while (end > colon + 1 && text[end - 1] === '.') end--;
    const candidate = text.slice(start, end);
    const bounded = !isWordCharAt(text, start - 1) && !isWordCharAt(text, end);
    if (bounded && candidate.split(':').length >= 3 && isIpv6(candidate)) spans.push({ type: 'ip', start, end });
    colon = text.indexOf(':', Math.max(end, colon + 1));
  }
}

export function findIps(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  findIpv6(text, spans);
  findIpv4(text, spans);
  return spans;
}
