// Proves Case.editDiff's word diff is faithful (both texts rebuild from it), readable (whole words, merged
// runs) and bounded (a huge edit falls back to one removal and one addition).
import { describe, expect, it } from 'vitest';
import { MAX_DIFF_TOKENS, editDiff, tokenise, type DiffSegment } from '../../api/cases/edit-diff.js';
import { seededRandom } from '../../runtime/seeded-random.js';

const draftOf = (segments: DiffSegment[]) => segments.filter((s) => s.op !== 'ADDED').map((s) => s.text).join('');
const replyOf = (segments: DiffSegment[]) => segments.filter((s) => s.op !== 'REMOVED').map((s) => s.text).join('');
const opsRepeat = (segments: DiffSegment[]) => segments.some((s, i) => i > 0 && segments[i - 1]!.op === s.op);

describe('editDiff', () => {
  it('marks the changed words and keeps the rest, punctuation and spacing included', () => {
    expect(editDiff('Your order ships on Monday.', 'Your order ships on Tuesday!')).toEqual([
      { op: 'SAME', text: 'Your order ships on ' },
      { op: 'REMOVED', text: 'Monday.' },
      { op: 'ADDED', text: 'Tuesday!' },
    ]);
  });

  it('shows an inserted sentence as one addition between unchanged text', () => {
    expect(editDiff('Thanks for writing. We will refund you.', 'Thanks for writing. Sorry for the wait. We will refund you.')).toEqual([
      { op: 'SAME', text: 'Thanks for writing. ' },
      { op: 'ADDED', text: 'Sorry for the wait. ' },
      { op: 'SAME', text: 'We will refund you.' },
    ]);
  });

  it('shows an appended sentence after the final full stop, and a removed one whole', () => {
    expect(editDiff('We will reply shortly.', 'We will reply shortly. It shipped yesterday.')).toEqual([
      { op: 'SAME', text: 'We will reply shortly.' },
      { op: 'ADDED', text: ' It shipped yesterday.' },
    ]);
    expect(editDiff('Thanks. Sorry again. Bye.', 'Thanks. Bye.')).toEqual([
      { op: 'SAME', text: 'Thanks. ' },
      { op: 'REMOVED', text: 'Sorry again. ' },
      { op: 'SAME', text: 'Bye.' },
    ]);
  });

  it('finds the common words in the middle of an edit, not just the common ends', () => {
    const segments = editDiff('Hi Sam, your parcel left today and arrives soon.', 'Hello Sam, the parcel left yesterday and arrives soon.');
    expect(segments.filter((s) => s.op === 'SAME').map((s) => s.text)).toEqual([' Sam, ', ' parcel left ', ' and arrives soon.']);
    expect(segments.filter((s) => s.op === 'REMOVED').map((s) => s.text)).toEqual(['Hi', 'your', 'today']);
    expect(segments.filter((s) => s.op === 'ADDED').map((s) => s.text)).toEqual(['Hello', 'the', 'yesterday']);
  });

  it('is one SAME segment for identical texts and nothing for two empty ones', () => {
    expect(editDiff('Same text, twice.', 'Same text, twice.')).toEqual([{ op: 'SAME', text: 'Same text, twice.' }]);
    expect(editDiff('', '')).toEqual([]);
    expect(editDiff('', 'New reply')).toEqual([{ op: 'ADDED', text: 'New reply' }]);
    expect(editDiff('Old draft', '')).toEqual([{ op: 'REMOVED', text: 'Old draft' }]);
  });

  it('treats words with apostrophes and accents as whole words and keeps line breaks', () => {
    expect(tokenise("We don't ship to Zürich.\nSorry")).toEqual(['We', ' ', "don't", ' ', 'ship', ' ', 'to', ' ', 'Zürich', '.', '\n', 'Sorry']);
    expect(editDiff("We can't do that.\n\nBest,", "We can do that.\n\nBest,")).toEqual([
      { op: 'SAME', text: 'We ' },
      { op: 'REMOVED', text: "can't" },
      { op: 'ADDED', text: 'can' },
      { op: 'SAME', text: ' do that.\n\nBest,' },
    ]);
  });

  it('rebuilds both texts from any diff; adjacent segments never share an op and a removal precedes its addition', () => {
    const random = seededRandom(20261201);
    const vocabulary = ['order', 'refund', 'the', 'a', 'Monday', '😀', 'naïve', ',', '.', '!', ' ', '  ', '\n', "it's", '42'];
    const text = () => Array.from({ length: Math.floor(random() * 40) }, () => vocabulary[Math.floor(random() * vocabulary.length)]).join('');
    for (let round = 0; round < 300; round++) {
      const draft = text();
      const reply = random() < 0.3 ? draft.replace(/order/g, 'parcel') : text();
      const segments = editDiff(draft, reply);
      expect(draftOf(segments)).toBe(draft);
      expect(replyOf(segments)).toBe(reply);
      expect(opsRepeat(segments)).toBe(false);
      expect(segments.some((s, i) => s.op === 'ADDED' && segments[i + 1]?.op === 'REMOVED')).toBe(false);
      expect(segments.every((s) => s.text.length > 0)).toBe(true);
    }
  });

  it(`falls back to one removal and one addition when the changed part exceeds ${MAX_DIFF_TOKENS} tokens a side`, () => {
    const words = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`).join(' ');
    const draft = `Dear customer, ${words('a', MAX_DIFF_TOKENS)} Kind regards`;
    const reply = `Dear customer, ${words('b', MAX_DIFF_TOKENS)} Kind regards`;
    const segments = editDiff(draft, reply);
    expect(segments.map((s) => s.op)).toEqual(['SAME', 'REMOVED', 'ADDED', 'SAME']);
    expect(segments[0]!.text).toBe('Dear customer, ');
    expect(segments[3]!.text).toBe(' Kind regards');
    expect(draftOf(segments)).toBe(draft);
    expect(replyOf(segments)).toBe(reply);
  });

  it('still diffs word by word a long text whose change is small', () => {
    const body = Array.from({ length: 3 * MAX_DIFF_TOKENS }, (_, i) => `w${i}`).join(' ');
    const segments = editDiff(`${body} Thanks.`, `${body} Thank you!`);
    expect(segments).toEqual([
      { op: 'SAME', text: `${body} ` },
      { op: 'REMOVED', text: 'Thanks.' },
      { op: 'ADDED', text: 'Thank you!' },
    ]);
  });
});
