// Admins may add regular expressions. JavaScript's engine backtracks, so a pattern like (a+)+$ can take
// seconds on a crafted message. We accept only shapes that cannot backtrack catastrophically: no quantified
// group that itself contains a quantifier, no back-references or lookbehind, bounded size.

export class UnsafeRegexError extends Error {}

const MAX_LENGTH = 300;
const MAX_BOUNDED_REPEAT = 100;

export function checkRegexSafety(source: string): void {
  if (source.length > MAX_LENGTH) throw new UnsafeRegexError(`regular expression longer than ${MAX_LENGTH} characters`);
  try {
    new RegExp(source, 'u');
  } catch (error) {
    throw new UnsafeRegexError(`invalid regular expression: ${(error as Error).message}`);
  }
  if (/\\[1-9]|\\k</.test(source)) throw new UnsafeRegexError('back-references are not allowed: they defeat linear-time matching');
  if (/\(\?<[=!]/.test(source)) throw new UnsafeRegexError('lookbehind is not allowed');
  // Walk the pattern, remembering for each open group whether it contains a quantifier.
  const groups: boolean[] = [];
  let quantifiedInside = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') {
      i = skipClass(source, i);
      continue;
    }
    if (c === '(') {
      groups.push(quantifiedInside);
      quantifiedInside = false;
      continue;
    }
    if (c === ')') {
      const inner: boolean = quantifiedInside;
      quantifiedInside = groups.pop() ?? false;
      const quantifier = quantifierAt(source, i + 1);
      if (quantifier) {
        if (inner && quantifier.repeats) {
          throw new UnsafeRegexError(`nested quantifier at position ${i + 1}: a repeated group must not contain a repetition (catastrophic backtracking)`);
        }
        quantifiedInside = true;
      }
      quantifiedInside ||= inner;
      continue;
    }
    const quantifier = quantifierAt(source, i);
    if (quantifier) {
      if (quantifier.max > MAX_BOUNDED_REPEAT && quantifier.max !== Infinity) {
        throw new UnsafeRegexError(`repetition bound above ${MAX_BOUNDED_REPEAT} at position ${i}`);
      }
      quantifiedInside = true;
      i += quantifier.length - 1;
    }
  }
}

function skipClass(source: string, start: number): number {
  for (let i = start + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return source.length;
}

function quantifierAt(source: string, i: number): { length: number; max: number; repeats: boolean } | undefined {
  const c = source[i];
  if (c === '*' || c === '+') return { length: source[i + 1] === '?' ? 2 : 1, max: Infinity, repeats: true };
  if (c === '?') return { length: 1, max: 1, repeats: false };
  if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}\??/.exec(source.slice(i));
    if (!m) return undefined;
    const max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : Number(m[1]);
    return { length: m[0].length, max, repeats: max > 1 };
  }
  return undefined;
}
