/**
 * How deeply a JSON value nests: a scalar is 0, `{}` and `[]` are 1, `{ a: [1] }` is 2. Walked with an
 * explicit stack, so a payload built to overflow recursive code cannot overflow this check instead.
 */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(current)) pending.push([child, depth + 1]);
  }
  return deepest;
}
