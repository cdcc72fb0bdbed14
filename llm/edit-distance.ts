// How far a reviewer moved a draft: Levenshtein distance over words (insertions, deletions, substitutions),
// so "5 days" → "3 days" is one edit and a rewritten reply is many. Bounded for long replies.

const MAX_WORDS = 400;

export function wordEditDistance(before: string, after: string): number {
  const a = before.trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  const b = after.trim().split(/\s+/).filter(Boolean).slice(0, MAX_WORDS);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
