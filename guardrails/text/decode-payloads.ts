// Attackers wrap instructions in encodings the model can read but a word filter cannot: base64, hex and
// rot13. Each decoded payload is screened like the message itself; its findings point at the encoded span.

export interface Payload {
  text: string;
  start: number;
  end: number;
  encoding: 'base64' | 'hex' | 'rot13' | 'morse';
}

const BASE64 = /[A-Za-z0-9+/]{16,}={0,2}|[A-Za-z0-9_-]{24,}/g;
const HEX = /(?:\\x|0x)?(?:[0-9a-fA-F]{2}[\s:]?){10,}/g;
const MIN_LETTERS_FOR_ROT13 = 12;

export function decodePayloads(text: string): Payload[] {
  const payloads: Payload[] = [];
  for (const match of text.matchAll(BASE64)) {
    const decoded = readable(Buffer.from(match[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
    if (decoded) payloads.push({ text: decoded, start: match.index, end: match.index + match[0].length, encoding: 'base64' });
  }
  for (const match of text.matchAll(HEX)) {
    const digits = match[0].replace(/\\x|0x|[\s:]/g, '');
    const decoded = readable(Buffer.from(digits.length % 2 ? digits.slice(0, -1) : digits, 'hex').toString('utf8'));
    if (decoded) payloads.push({ text: decoded, start: match.index, end: match.index + match[0].length, encoding: 'hex' });
  }
  const morse = decodeMorse(text);
  if (morse) payloads.push({ text: morse, start: 0, end: text.length, encoding: 'morse' });
  let letters = 0;
  for (let i = 0; i < text.length && letters < MIN_LETTERS_FOR_ROT13; i++) if (/[a-z]/i.test(text[i]!)) letters++;
  if (letters >= MIN_LETTERS_FOR_ROT13) payloads.push({ text: rot13(text), start: 0, end: text.length, encoding: 'rot13' });
  return payloads;
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
  if (morseChars < text.replace(/\s/g, '').length * 0.8) return undefined;
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
