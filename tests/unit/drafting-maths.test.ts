// The pure parts of drafting: calibration, edit distance, the prompt, Markdown articles, the offline
// drafter's use of a passage, misspellings and the sentences a passage quotes, and a closed conversation's
// summary.
import { describe, expect, it } from 'vitest';
import { bucketOf, calibrate, calibrationFrom } from '../../llm/calibration.js';
import { summariseConversation } from '../../llm/conversation-summary.js';
import { wordEditDistance } from '../../llm/edit-distance.js';
import { OfflineDrafter } from '../../llm/offline-drafter.js';
import { buildPrompt } from '../../llm/prompt.js';
import { MarkdownArticleError, parseMarkdownArticle } from '../../knowledge/markdown.js';
import { englishFor } from '../../knowledge/loanwords.js';
import { oneEditFrom } from '../../knowledge/question-words.js';
import { synonymsOf } from '../../knowledge/wordnet.js';
import { chooseSentences } from '../../knowledge/sentences.js';

describe('calibration', () => {
  it('changes nothing without history, nor for a bucket no draft has reached yet', () => {
    expect(calibrate(0.83, undefined)).toBe(0.83);
    const onlyLow = calibrationFrom([{ intent: 'refund', bucket: 2, decided: 40, accepted: 0 }]).get('refund');
    expect(calibrate(0.95, onlyLow)).toBe(0.95);
  });

  it('moves a bucket towards what reviewers did, more the more drafts it has', () => {
    const few = calibrationFrom([{ intent: 'delivery', bucket: 9, decided: 5, accepted: 0 }]).get('delivery');
    const many = calibrationFrom([{ intent: 'delivery', bucket: 9, decided: 95, accepted: 0 }]).get('delivery');
    expect(calibrate(0.9, few)).toBeCloseTo(0.45, 10); // (0 + 5 × 0.9) / (5 + 5)
    expect(calibrate(0.9, many)).toBeCloseTo(0.045, 10); // (0 + 5 × 0.9) / (95 + 5)
    const trusted = calibrationFrom([{ intent: 'greeting', bucket: 5, decided: 45, accepted: 45 }]).get('greeting');
    expect(calibrate(0.55, trusted)).toBeCloseTo((45 + 5 * 0.55) / 50, 10);
  });

  it('puts 1.0 in the top bucket and clamps what is out of range', () => {
    expect(bucketOf(1)).toBe(9);
    expect(bucketOf(0)).toBe(0);
    expect(calibrate(1.7, undefined)).toBe(1);
    expect(calibrate(-0.2, undefined)).toBe(0);
  });
});

describe('word edit distance', () => {
  it('counts words changed, added and removed', () => {
    expect(wordEditDistance('It arrives in 5 days', 'It arrives in 5 days')).toBe(0);
    expect(wordEditDistance('It arrives in 5 days', 'It arrives in 3 days')).toBe(1);
    // "working" and "sorry" added, "days" became "days,": punctuation is part of a word.
    expect(wordEditDistance('It arrives in 5 days', 'It arrives in 5 working days, sorry')).toBe(3);
    expect(wordEditDistance('', 'Hello there')).toBe(2);
  });
});

describe('prompt', () => {
  it('puts the persona and the channel\'s tone first, and labels passages for citing', () => {
    const [system, user] = buildPrompt({
      channel: 'whatsapp', text: 'Where is my order?',
      voice: { persona: 'You are Kestrel Outdoor.', tone: 'Friendly and short.' },
      forbiddenTopics: ['Crypto'],
      passages: [{ articleId: 'a1', title: 'Tracking', sentences: ['We send a tracking link.'] }, { articleId: 'a2', title: 'Delivery', sentences: ['Three to five days.', 'Express is faster.'] }],
      examples: [{ customer: 'Has it shipped?', reply: 'Yes, today.' }],
    });
    expect(system!.content.split('\n').slice(0, 3)).toEqual(['You are Kestrel Outdoor.', 'A human may review your draft before it is sent.', 'Tone on whatsapp: Friendly and short.']);
    expect(system!.content).toContain('Do not discuss: Crypto.');
    expect(user!.content).toContain('[KB1] Tracking: We send a tracking link.\n[KB2] Delivery: Three to five days. Express is faster.');
    expect(user!.content).toContain('Customer: Has it shipped?\nReply: Yes, today.');
    expect(user!.content.endsWith('Customer message:\nWhere is my order?')).toBe(true);
  });

  it('is the same, byte for byte, for the same request: what the completion cache relies on', () => {
    const request = { channel: 'sms', text: 'Hi', passages: [{ articleId: 'a', title: 'T', sentences: ['x.'] }] };
    expect(JSON.stringify(buildPrompt(request))).toBe(JSON.stringify(buildPrompt(structuredClone(request))));
  });
});

describe('Markdown articles', () => {
  it('reads front matter, or takes the first heading as the title', () => {
    expect(parseMarkdownArticle('kb/Returns Policy.md', '---\ntitle: "Returns"\ntags: [returns, refund]\n---\nThirty days.'))
      .toEqual({ slug: 'returns-policy', title: 'Returns', body: 'Thirty days.', tags: ['returns', 'refund'] });
    expect(parseMarkdownArticle('faq.md', '# Opening hours\n\nNine to five.')).toEqual({ slug: 'faq', title: 'Opening hours', body: 'Nine to five.', tags: [] });
  });

  it('refuses a file with no title or no text', () => {
    expect(() => parseMarkdownArticle('a.md', 'just text')).toThrow(MarkdownArticleError);
    expect(() => parseMarkdownArticle('a.md', '# Title only')).toThrow(/has no text/);
  });
});

describe('offline drafter with a knowledge base', () => {
  it('sends the passage\'s sentences as they are, adding nothing, cites the article, and still asks a human', async () => {
    const sentences = ['Send us a photo of the damage.', 'We replace it free of charge.'];
    const draft = await new OfflineDrafter().draft({
      channel: 'sms', text: 'my parcel arrived damaged', passages: [{ articleId: 'a1', title: 'Damaged items', sentences }],
    });
    expect(draft.text).toBe('Send us a photo of the damage. We replace it free of charge.');
    expect(draft).toMatchObject({ sources: [{ id: 'a1', title: 'Damaged items' }], needsHuman: true, model: 'offline' });
    expect(draft.confidence).toBeLessThan(0.5);
  });

  it('quotes the best article that has a sentence to quote, else falls back to a standard reply', async () => {
    const headingsOnly = { articleId: 'a1', title: 'Sizes', sentences: [] };
    const quoted = await new OfflineDrafter().draft({
      channel: 'sms', text: 'what size?', passages: [headingsOnly, { articleId: 'a2', title: 'Fit', sentences: ['Our shoes run small.'] }],
    });
    expect(quoted).toMatchObject({ text: 'Our shoes run small.', sources: [{ id: 'a2', title: 'Fit' }] });
    const standard = await new OfflineDrafter().draft({ channel: 'sms', text: 'what size?', passages: [headingsOnly] });
    expect(standard).toMatchObject({ sources: [], text: expect.stringMatching(/get back to you shortly/) });
  });
});

describe('misspellings', () => {
  it('reaches a word one letter left out, added, changed or swapped away, and not the word itself', () => {
    expect(oneEditFrom('adress')).toContain('address');
    expect(oneEditFrom('shipe')).toContain('ship');
    expect(oneEditFrom('defekt')).toContain('defect');
    expect(oneEditFrom('trakc')).toContain('track');
    expect(oneEditFrom('trakc')).not.toContain('trakc');
    expect(oneEditFrom('adress')).not.toContain('addresses');
  });
});

describe('words standing for a customer\'s word', () => {
  it('finds WordNet synonyms of inflected words, and none for what is not a word', () => {
    expect(synonymsOf('parcels')).toContain('package');
    expect(synonymsOf('purchased')).toContain('buy');
    expect(synonymsOf('guarantee')).toContain('warranty');
    expect(synonymsOf('zzqx')).toEqual([]);
    expect(synonymsOf('a'.repeat(5_000))).toEqual([]);
    expect(synonymsOf('gift card')).toEqual([]);
  });

  it('gives the English of shopping words borrowed from other languages, with or without accents', () => {
    expect(englishFor('Geschenkkarte')).toEqual(['gift', 'card']);
    expect(englishFor('devolucion')).toEqual(englishFor('devolución'));
    expect(englishFor('ANULAR')).toEqual(['cancel']);
    expect(englishFor('parcel')).toEqual([]);
  });
});

describe('sentences a passage quotes', () => {
  const scored = (...pairs: [string, number][]) => pairs.map(([text, score]) => ({ text, score }));

  it('keeps the most relevant sentences that fit a text message, in the article\'s order', () => {
    const sentences = scored(['A'.repeat(150) + '.', 0], ['B'.repeat(150) + '.', 2], ['C'.repeat(100) + '.', 1], ['D.', 0]);
    expect(chooseSentences(sentences, 320)).toEqual(['B'.repeat(150) + '.', 'C'.repeat(100) + '.', 'D.']);
  });

  it('takes the first sentences when none shares a word with the question', () => {
    expect(chooseSentences(scored(['One.', 0], ['Two.', 0], ['Three.', 0]), 10)).toEqual(['One.', 'Two.']);
  });

  it('quotes a sentence longer than a text message whole rather than cutting it', () => {
    const long = `${'word '.repeat(100)}end.`;
    expect(chooseSentences(scored([long, 1], ['Short.', 0]), 320)).toEqual([long]);
    expect(chooseSentences([], 320)).toEqual([]);
  });
});

describe('conversation summary', () => {
  it('says how it ended, what was asked and answered, with personal data as tokens', () => {
    const at = new Date();
    const summary = summariseConversation('whatsapp', [
      { direction: 'inbound', body: 'Can you send it to jo@example.com instead?', at },
      { direction: 'outbound', body: 'Done, we updated the address.', at },
    ], ['delivery', 'delivery'], 'needs_follow_up');
    expect(summary).toBe('Needs follow-up. 1 from the customer, 1 from us on whatsapp about delivery. Asked: “Can you send it to ⟨EMAIL_1⟩ instead?” Last answer: “Done, we updated the address.”');
  });
});
