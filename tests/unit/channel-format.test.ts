// Proves a draft leaves in a shape each channel can carry: SMS billed as few segments as honest conversion
// allows, Markdown turned into what WhatsApp or SMS can show, and long replies split where a reader pauses.
import { describe, expect, it } from 'vitest';
import { CHANNEL_LIMITS, formatReply } from '../../channels/format/channel-format.js';
import { isGsm7, septetLength, smsSegments, toGsm7Friendly } from '../../channels/format/gsm7.js';
import { toPlainText, toWhatsApp } from '../../channels/format/markdown.js';
import { codePointLength, splitMessage } from '../../channels/format/split.js';
import { seededRandom } from '../../runtime/seeded-random.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('SMS encoding and segments', () => {
  it('fits 160 GSM-7 characters in one segment and needs two for 161', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'GSM-7', segments: 2, units: 161 });
  });

  it('carries 153 septets in each part of a concatenated GSM-7 message', () => {
    expect(smsSegments('a'.repeat(306)).segments).toBe(2);
    expect(smsSegments('a'.repeat(307)).segments).toBe(3);
  });

  it('counts extension characters as two septets and never splits one across parts', () => {
    expect(septetLength('{[€]}|^~\\\f')).toBe(20);
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'GSM-7', segments: 1, units: 160 });
    expect(smsSegments('€'.repeat(81)).segments).toBe(2);
    // 306 septets would fill two parts exactly, but the € cannot straddle the first boundary.
    expect(smsSegments(`${'a'.repeat(152)}€${'a'.repeat(152)}`)).toEqual({ encoding: 'GSM-7', segments: 3, units: 306 });
  });

  it('fits 70 UCS-2 characters in one segment, 71 in two, and 67 in each part', () => {
    expect(smsSegments('ж'.repeat(70))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(smsSegments('ж'.repeat(71)).segments).toBe(2);
    expect(smsSegments('ж'.repeat(134)).segments).toBe(2);
    expect(smsSegments('ж'.repeat(135)).segments).toBe(3);
  });

  it('switches the whole message to UCS-2 for a single curly quote', () => {
    expect(smsSegments(`${'a'.repeat(69)}’`)).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(smsSegments(`${'a'.repeat(70)}’`).segments).toBe(2);
  });

  it('counts an emoji as a surrogate pair and never splits the pair across parts', () => {
    expect(smsSegments('😀'.repeat(35))).toEqual({ encoding: 'UCS-2', segments: 1, units: 70 });
    expect(smsSegments('😀'.repeat(36))).toEqual({ encoding: 'UCS-2', segments: 2, units: 72 });
    expect(smsSegments(`${'a'.repeat(66)}😀${'a'.repeat(66)}`)).toEqual({ encoding: 'UCS-2', segments: 3, units: 134 });
  });

  it('knows the GSM-7 alphabet, including £, €, accents it has and form feed', () => {
    expect(isGsm7('Café £5 or €6? ¡Olé! Ça {va} [ok]\f')).toBe(true);
    expect(isGsm7('It’s')).toBe(false);
    expect(isGsm7('á')).toBe(false);
    expect(() => septetLength('😀')).toThrow(RangeError);
    expect(smsSegments('').segments).toBe(0);
  });

  it('keeps an SMS in GSM-7 by replacing curly quotes, dashes, ellipses, bullets and odd spaces', () => {
    const friendly = toGsm7Friendly('It’s “great” – really—yes… ‘ok’ • a\u00A0b\u2009c\u202Fd x‐y z‑w');
    expect(friendly).toBe('It\'s "great" - really-yes... \'ok\' - a b c d x-y z-w');
    expect(isGsm7(friendly)).toBe(true);
  });

  it('leaves characters without a GSM-7 twin alone', () => {
    expect(toGsm7Friendly('naïve señora 😀 «hola» café')).toBe('naïve señora 😀 «hola» café');
  });
});

describe('Markdown for WhatsApp', () => {
  it('turns bold, italic, strikethrough and headings into WhatsApp markers', () => {
    expect(toWhatsApp('**Bold** and __bold__, *italic* and _italic_, ~~gone~~')).toBe('*Bold* and *bold*, _italic_ and _italic_, ~gone~');
    expect(toWhatsApp('# Your order\n## **Update**')).toBe('*Your order*\n*Update*');
    expect(toWhatsApp('***both*** and **bold *then italic***')).toBe('*_both_* and *bold _then italic_*');
  });

  it('writes links as label and URL, or just the URL when the label repeats it', () => {
    expect(toWhatsApp('See [the tracker](https://track.example.com/a_b?x=1).')).toBe('See the tracker (https://track.example.com/a_b?x=1).');
    expect(toWhatsApp('[https://example.com](https://example.com) or [example.com](https://example.com/)')).toBe('https://example.com or https://example.com/');
  });

  it('turns bullets into • and keeps numbered lists', () => {
    expect(toWhatsApp('- one\n* two **b**\n  - nested\n1. first\n2. second')).toBe('• one\n• two *b*\n  • nested\n1. first\n2. second');
  });

  it('keeps inline code and code blocks as monospace without touching their contents', () => {
    expect(toWhatsApp('Run `npm_i **x**` or ```npm ci```')).toBe('Run `npm_i **x**` or ```npm ci```');
    expect(toWhatsApp('```ts\nconst a = b**2;\n```')).toBe('```\nconst a = b**2;\n```');
  });

  it('does not mangle arithmetic, identifiers, addresses, URLs or starred prices', () => {
    const ordinary = '2*3=6, a * b * c, snake_case_name, first_last@example.com, https://ex.com/a_b_c/*/x?q=*y* from $5* or $9*.';
    expect(toWhatsApp(ordinary)).toBe(ordinary);
    expect(toWhatsApp('From $5* (see *terms*)')).toBe('From $5* (see _terms_)');
  });

  it('collapses runs of blank lines into one and trims', () => {
    expect(toWhatsApp('\n\nHello\n\n\n\n\nBye  \n\n')).toBe('Hello\n\nBye');
  });
});

describe('Markdown for SMS', () => {
  it('strips emphasis markers, headings and code fences', () => {
    expect(toPlainText('# Update\n**Bold**, *it*, _it_, __b__, ~~s~~ and `code`')).toBe('Update\nBold, it, it, b, s and code');
    expect(toPlainText('Try:\n```bash\nnpm ci\n```\nDone')).toBe('Try:\nnpm ci\nDone');
  });

  it('writes links as label and URL and bullets as dashes', () => {
    expect(toPlainText('[Track it](https://t.example.com/x_y)\n* one\n- two\n3. three')).toBe('Track it (https://t.example.com/x_y)\n- one\n- two\n3. three');
  });

  it('does not mangle arithmetic, identifiers, addresses, URLs or starred prices', () => {
    const ordinary = '2*3=6, snake_case_name, first_last@example.com, www.ex.com/*a*_b_ and $5*';
    expect(toPlainText(ordinary)).toBe(ordinary);
  });

  it('collapses runs of blank lines into one and trims', () => {
    expect(toPlainText('  Hi\n\n\n\n---\n\n\nBye\n')).toBe('Hi\n\nBye');
  });
});

describe('splitMessage', () => {
  it('returns text within the limit as one trimmed part, and nothing for blank text', () => {
    expect(splitMessage('  Your order ships today.  ', 40)).toEqual(['Your order ships today.']);
    expect(splitMessage(' \n\n ', 40)).toEqual([]);
  });

  it('cuts after a sentence rather than at the last word that fits', () => {
    expect(splitMessage('One two three. Four five six seven', 20)).toEqual(['One two three.', 'Four five six seven']);
    expect(splitMessage('She said "we ship today." Then more words follow', 30)).toEqual(['She said "we ship today."', 'Then more words follow']);
    expect(splitMessage('Wait for it… then it arrives soon', 20)).toEqual(['Wait for it…', 'then it arrives soon']);
  });

  it('prefers a paragraph break over a later sentence end', () => {
    expect(splitMessage('Short para.\n\nNext para. Has sentences. More', 40)).toEqual(['Short para.', 'Next para. Has sentences. More']);
  });

  it('falls back to a word boundary when no sentence ends in reach', () => {
    expect(splitMessage('alpha beta gamma delta epsilon', 12)).toEqual(['alpha beta', 'gamma delta', 'epsilon']);
  });

  it('breaks a single 5000-character word into full-size parts as a last resort', () => {
    const word = 'x'.repeat(5000);
    const parts = splitMessage(word, 1600);
    expect(parts.map((part) => part.length)).toEqual([1600, 1600, 1600, 200]);
    expect(parts.join('')).toBe(word);
  });

  it('never cuts through an emoji', () => {
    const utf16 = splitMessage(`${'a'.repeat(9)}😀bbbbb`, 10, (text) => text.length);
    expect(utf16).toEqual(['a'.repeat(9), '😀bbbbb']);
    const byCodePoint = splitMessage('😀'.repeat(25), 10);
    expect(byCodePoint.map(codePointLength)).toEqual([10, 10, 5]);
    expect(byCodePoint.some((part) => LONE_SURROGATE.test(part))).toBe(false);
  });

  it('keeps every word in order in trimmed, non-empty parts within the limit', () => {
    const random = seededRandom(20260101);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
    const vocabulary = ['order', 'refund', 'the', 'parcel', 'arrives', 'Tuesday', 'thanks', 'a', 'délivré', '😀', 'tracking', 'e.g.'];
    for (let run = 0; run < 300; run += 1) {
      const sentences = Array.from({ length: 1 + Math.floor(random() * 12) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 15) }, () => pick(vocabulary)).join(' ') +
        pick(['.', '!', '?', '…', '."', '.)', '']) + pick([' ', ' ', '  ', '\n', '\n\n', '\n\n\n']));
      const text = sentences.join('');
      const maxLength = 15 + Math.floor(random() * 120);
      const parts = splitMessage(text, maxLength);
      for (const part of parts) {
        expect(codePointLength(part)).toBeLessThanOrEqual(maxLength);
        expect(part).not.toBe('');
        expect(part).toBe(part.trim());
      }
      expect(words(parts.join(' '))).toEqual(words(text));
    }
  });
});

describe('formatReply', () => {
  it('sends SMS as plain GSM-7 text with its segment count', () => {
    expect(formatReply('sms', '**Hi**, it’s ready – see [order](https://x.co/1)…')).toEqual({
      parts: ["Hi, it's ready - see order (https://x.co/1)..."], encoding: 'GSM-7', segments: 1,
    });
  });

  it('splits a long SMS within 1600 characters and totals the segments of every part', () => {
    const reply = formatReply('sms', 'Ok. '.repeat(500));
    expect(reply.parts.map((part) => part.length)).toEqual([1599, 399]);
    expect(reply).toMatchObject({ encoding: 'GSM-7', segments: 11 + 3 });
  });

  it('reports UCS-2 when any part of an SMS needs it', () => {
    const reply = formatReply('sms', `${'Ok. '.repeat(500)}Thanks 😀`);
    expect(reply.parts).toHaveLength(2);
    expect(reply.encoding).toBe('UCS-2');
    // The second part is 100 × 'Ok. ' plus 'Thanks 😀': 409 UTF-16 units, so 7 parts of 67.
    expect(reply.segments).toBe(11 + 7);
  });

  it('sends WhatsApp with WhatsApp formatting, in bodies within 1600 UTF-16 units', () => {
    expect(formatReply('whatsapp', '**Hi** *there*')).toEqual({ parts: ['*Hi* _there_'] });
    const parts = formatReply('whatsapp', '😀 '.repeat(1000)).parts;
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((part) => part.length <= CHANNEL_LIMITS.whatsapp)).toBe(true);
  });

  it('sends web chat and email with their Markdown as written, split within 4000', () => {
    expect(formatReply('webchat', '  **Hi** _x_  ')).toEqual({ parts: ['**Hi** _x_'] });
    const parts = formatReply('email', 'word '.repeat(1000)).parts;
    expect(parts.map(codePointLength)).toEqual([3999, 999]);
  });

  it('sends nothing for an empty draft', () => {
    expect(formatReply('sms', '  ')).toEqual({ parts: [], encoding: 'GSM-7', segments: 0 });
  });
});
