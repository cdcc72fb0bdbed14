// Attackers hide instructions with look-alike and invisible characters; rules match the normalised text.
// Normalisation keeps one character per input character where it can, so spans stay meaningful.

const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD]/g;

export function normalise(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}
