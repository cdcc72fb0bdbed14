// Splits a reply that is too long for one message into messages a customer can read in order. Cuts fall
// where a reader would pause (paragraph, then sentence, then line, then word), and only a single word
// longer than the limit is ever broken, never inside a surrogate pair.

/** Size of a piece of text in the unit the limit is in. Must never shrink when the text grows. */
export type Measure = (text: string) => number;

/** Unicode code points, so an emoji counts once rather than as its two UTF-16 halves. */
export function codePointLength(text: string): number {
  let count = 0;
  for (const _char of text) count += 1;
  return count;
}

/**
 * Parts are trimmed and never empty, each within `maxLength` by `measure`, and joining them with a space or
 * newline gives back every word in order. Text already within the limit comes back as one trimmed part.
 */
export function splitMessage(text: string, maxLength: number, measure: Measure = codePointLength): string[] {
  if (!(maxLength >= 1)) throw new RangeError(`maxLength must be at least 1, got ${maxLength}`);
  const parts: string[] = [];
  let rest = text.trim();
  while (rest !== '' && measure(rest) > maxLength) {
    const cut = cutPoint(rest, maxLength, measure);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}

// Each finds a place to end a part; `cut` is where the part ends, relative to the match.
const BOUNDARIES: ReadonlyArray<{ pattern: RegExp; cut: (match: RegExpExecArray) => number }> = [
  { pattern: /\n[ \t]*\n/g, cut: (m) => m.index },
  // Closing quotes and brackets stay with their sentence: `"Done." Next` cuts after the quote.
  { pattern: /[.!?…]+['"’”)\]»]*(?=\s)/g, cut: (m) => m.index + m[0].length },
  { pattern: /\n/g, cut: (m) => m.index },
  { pattern: /\s+/g, cut: (m) => m.index },
];

/** Where to end the first part of `text`, which starts with a non-space and is over the limit. */
function cutPoint(text: string, maxLength: number, measure: Measure): number {
  const fit = longestFit(text, maxLength, measure);
  // A space just past the fitting prefix still lets the prefix end on a sentence or word.
  const window = /\s/.test(text.charAt(fit)) ? text.slice(0, fit + 1) : text.slice(0, fit);
  for (const { pattern, cut } of BOUNDARIES) {
    const best = lastCut(window, pattern, cut, fit);
    if (best !== undefined) return best;
  }
  return fit;
}

function lastCut(
  window: string,
  pattern: RegExp,
  cut: (match: RegExpExecArray) => number,
  fit: number,
): number | undefined {
  let best: number | undefined;
  for (const match of window.matchAll(pattern)) {
    const at = cut(match as RegExpExecArray);
    if (at > 0 && at <= fit) best = at;
  }
  return best;
}

/**
 * The longest prefix within the limit, in UTF-16 offsets that fall between code points. Always at least
 * one code point, so a measure that rejects even a single character still makes progress.
 */
function longestFit(text: string, maxLength: number, measure: Measure): number {
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    offset += char.length;
    ends.push(offset);
  }
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (measure(text.slice(0, ends[middle])) <= maxLength) low = middle;
    else high = middle - 1;
  }
  return ends[low] ?? text.length;
}
