// Attackers wrap instructions in encodings the model can read but a word filter cannot: base64, hex and
// rot13. Each decoded payload is screened like the message itself; its findings point at the encoded span.

export interface Payload {
  text: string;
  start: number;
  end: number;
  encoding: 'base64' | 'hex' | 'rot13' | 'morse';
}

const MIN_BASE64 = 16;
const HEX = /(?:\\x|0x)?(?:[0-9a-fA-F]{2}[\s:]?){10,}/g;
const MIN_LETTERS_FOR_ROT13 = 12;

export function decodePayloads(text: string): Payload[] {
  const payloads: Payload[] = [];
  for (const [start, end] of base64Runs(text)) {
    const run = text.slice(start, end);
    if (!/[0-9+/_=-]|[a-z][A-Z]/.test(run)) continue; // a long plain word is not base64
    const decoded = readable(Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    if (decoded) payloads.push({ text: decoded, start, end, encoding: 'base64' });
  }
  for (const match of text.matchAll(HEX)) {
    const digits = match[0].replace(/\\x|0x|[\s:]/g, '');
    const decoded = readable(Buffer.from(digits.length % 2 ? digits.slice(0, -1) : digits, 'hex').toString('utf8'));
    if (decoded) payloads.push({ text: decoded, start: match.index, end: match.index + match[0].length, encoding: 'hex' });
  }
  const morse = decodeMorse(text);
  if (morse) payloads.push({ text: morse, start: 0, end: text.length, encoding: 'morse' });
  if (looksRot13(text)) payloads.push({ text: rot13(text), start: 0, end: text.length, encoding: 'rot13' });
  return payloads;
}

/** Runs of base64 characters of a useful length, found in one pass without regex retries at every letter. */
function* base64Runs(text: string): Generator<[number, number]> {
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    const inAlphabet =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47 || c === 95 || c === 45 || (c === 61 && start >= 0);
    if (inAlphabet) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      if (i - start >= MIN_BASE64) yield [start, i];
      start = -1;
    }
  }
}

// The commonest English words; rot13 turns them into "gur", "naq", "lbh"… A text with more of the latter than
// the former is worth decoding; plain text is not decoded at all, which keeps screening fast.
const COMMON = ['the', 'and', 'you', 'to', 'of', 'is', 'it', 'in', 'for', 'that', 'this', 'with', 'all', 'me', 'my', 'your', 'are', 'be', 'not', 'now'];
const COMMON_PLAIN = new RegExp(`\\b(?:${COMMON.join('|')})\\b`, 'gi');
const COMMON_ROT13 = new RegExp(`\\b(?:${COMMON.map(rot13).join('|')})\\b`, 'gi');

function looksRot13(text: string): boolean {
  const sample = text.length > 4_000 ? text.slice(0, 4_000) : text;
  let letters = 0;
  for (let i = 0; i < sample.length && letters < MIN_LETTERS_FOR_ROT13; i++) {
    const c = sample.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) letters++;
  }
  if (letters < MIN_LETTERS_FOR_ROT13) return false;
  const encoded = sample.match(COMMON_ROT13)?.length ?? 0;
  return encoded > 0 && encoded >= (sample.match(COMMON_PLAIN)?.length ?? 0);
}

export function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

const MORSE: Record<string, string> = {
  '.-': 'a', '-...': 'b', '-.-.': 'c', '-..': 'd', '.': 'e', '..-.': 'f', '--.': 'g', '....': 'h', '..': 'i', '.---': 'j',
  '-.-': 'k', '.-..': 'l', '--': 'm', '-.': 'n', '---': 'o', '.--.': 'p', '--.-': 'q', '.-.': 'r', '...': 's', '-': 't',
  '..-': 'u', '...-': 'v', '.--': 'w', '-..-': 'x', '-.--': 'y', '--..': 'z', '.-.-.-': '.', '--..--': ',', '..--..': '?',
};

/** Morse code: a message made mostly of dots and dashes. Letters are space-separated, words by a slash or gaps. */
function decodeMorse(text: string): string | undefined {
  const symbols = text.match(/[.\-]+/g);
  if (!symbols || symbols.length < 8) return undefined;
  const morseChars = symbols.reduce((n, s) => n + s.length, 0);
  if (morseChars < text.length * 0.4 || morseChars < text.replace(/\s/g, '').length * 0.8) return undefined;
  return text
    .split(/\s*\/\s*|\s{2,}/)
    .map((word) => word.trim().split(/\s+/).map((code) => MORSE[code] ?? '').join(''))
    .join(' ');
}

/** Decoded bytes count only when they read as text: words and spaces, not binary noise or an id. */
function readable(decoded: string): string | undefined {
  if (decoded.length < 8 || !decoded.includes(' ')) return undefined;
  let printable = 0;
  for (const c of decoded) if (/[\p{L}\p{N}\p{P}\s]/u.test(c)) printable++;
  return printable / decoded.length > 0.95 ? decoded : undefined;
}
