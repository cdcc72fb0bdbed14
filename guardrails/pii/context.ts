// Many numbers are only PII because of the words in front of them ("call me at 374 780 163" versus
// "order 374780163"). Detectors look back a short, fixed distance, so the cost per candidate is constant.

const WINDOW = 48;

/**
 * The kind of the last cue in the few dozen characters before `index`, read in lower case. `cues` is a
 * global regex with one named group per kind of cue ("phone", "other").
 */
export function lastCueBefore(text: string, index: number, cues: RegExp): string | undefined {
  const before = text.slice(Math.max(0, index - WINDOW), index).toLowerCase();
  let last: RegExpExecArray | undefined;
  cues.lastIndex = 0;
  for (let match = cues.exec(before); match; match = cues.exec(before)) {
    last = match;
    // A cue regex that matched nothing would otherwise be found again at the same place forever.
    if (match[0] === '') cues.lastIndex++;
  }
  if (last?.groups === undefined) return undefined;
  for (const kind in last.groups) if (last.groups[kind] !== undefined) return kind;
  return undefined;
}

/** The lower-cased word right after `index`, skipping spaces and one dash or comma ("… 7641-Office"). */
export function wordAfter(text: string, index: number): string {
  const match = /^[ \t]*[-,]?[ \t]*(\p{L}+)/u.exec(text.slice(index, index + 24));
  return match?.[1]?.toLowerCase() ?? '';
}
