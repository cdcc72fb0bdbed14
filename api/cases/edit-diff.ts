// How a reviewer's edit changed the draft, word by word: what Case.editDiff shows a supervisor
// (api/graphql/resolvers/case.resolvers.ts). Pure, so it is tested without a server (tests/unit/edit-diff.test.ts).

export type DiffOp = 'SAME' | 'ADDED' | 'REMOVED';

export interface DiffSegment {
  op: DiffOp;
  text: string;
}

// The LCS table is (n+1)·(m+1) cells: 2,000 tokens a side is 8 MB and some 30 ms. Past that, the changed
// middle is shown as replaced wholesale rather than letting one request pin a CPU.
export const MAX_DIFF_TOKENS = 2_000;

// Words (with inner apostrophes, so "don't" is one word), runs of whitespace, and every other character on
// its own. Every character lands in exactly one token, so joining the tokens gives the text back.
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|\s+|[^]/gu;

export function tokenise(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * Segments such that SAME + REMOVED texts, in order, give `draft` and SAME + ADDED give `reply`; adjacent
 * segments never share an op, and where both happen at one place the removal comes first.
 */
export function editDiff(draft: string, reply: string): DiffSegment[] {
  const a = tokenise(draft);
  const b = tokenise(reply);
  // Edits usually touch the middle of a reply: the common ends cost nothing and keep the table small.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: TokenOp[] = a.slice(0, start).map((token) => ({ op: 'SAME', token }));
  const middleA = a.slice(start, endA);
  const middleB = b.slice(start, endB);
  if (middleA.length > MAX_DIFF_TOKENS || middleB.length > MAX_DIFF_TOKENS) {
    for (const token of middleA) ops.push({ op: 'REMOVED', token });
    for (const token of middleB) ops.push({ op: 'ADDED', token });
  } else {
    diffTokens(ops, middleA, middleB);
  }
  for (const token of a.slice(endA)) ops.push({ op: 'SAME', token });
  slideRight(ops);
  return merge(ops);
}

interface TokenOp {
  op: DiffOp;
  token: string;
}

function diffTokens(ops: TokenOp[], a: string[], b: string[]): void {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  // Numbers compare far faster than strings in the inner loop: each distinct token gets one.
  const ids = new Map<string, number>();
  const idOf = (token: string) => ids.get(token) ?? ids.set(token, ids.size).get(token)!;
  const x = Uint32Array.from(a, idOf);
  const y = Uint32Array.from(b, idOf);
  // lcs[i * width + j]: the longest common subsequence of a[i..] and b[j..]. Uint16 holds up to 65,535.
  const lcs = new Uint16Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * width;
    const below = row + width;
    const token = x[i];
    for (let j = m - 1; j >= 0; j--) {
      if (token === y[j]) {
        lcs[row + j] = lcs[below + j + 1]! + 1;
      } else {
        const down = lcs[below + j]!;
        const right = lcs[row + j + 1]!;
        lcs[row + j] = down > right ? down : right;
      }
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      ops.push({ op: 'SAME', token: a[i++]! });
      j++;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      ops.push({ op: 'REMOVED', token: a[i++]! });
    } else {
      ops.push({ op: 'ADDED', token: b[j++]! });
    }
  }
  while (i < n) ops.push({ op: 'REMOVED', token: a[i++]! });
  while (j < m) ops.push({ op: 'ADDED', token: b[j++]! });
}

/**
 * A pure insertion (or deletion) can often sit one token earlier or later with the same texts: a sentence
 * appended after "shortly." diffs as "shortly[. It shipped]." because the common-suffix pass claims the final
 * full stop. Sliding such runs as late as they go gives "shortly.[ It shipped.]", which is how people read it.
 */
function slideRight(ops: TokenOp[]): void {
  let i = 0;
  while (i < ops.length) {
    const op = ops[i]!.op;
    let end = i;
    while (end < ops.length && ops[end]!.op === op) end++;
    const pure = op !== 'SAME' && (i === 0 || ops[i - 1]!.op === 'SAME');
    // Equal tokens: the run's first token becomes kept text and the kept token after the run joins it.
    while (pure && end < ops.length && ops[end]!.op === 'SAME' && ops[end]!.token === ops[i]!.token) {
      ops[i++]!.op = 'SAME';
      ops[end++]!.op = op;
    }
    i = end;
  }
}

/**
 * One segment per run of kept text; between two of them, everything removed and then everything added. The
 * reordering is safe, since removals only touch the draft and additions only the reply, and reads "x became y".
 */
function merge(ops: TokenOp[]): DiffSegment[] {
  const segments: DiffSegment[] = [];
  let i = 0;
  while (i < ops.length) {
    if (ops[i]!.op === 'SAME') {
      let text = '';
      while (i < ops.length && ops[i]!.op === 'SAME') text += ops[i++]!.token;
      segments.push({ op: 'SAME', text });
      continue;
    }
    let removed = '';
    let added = '';
    for (; i < ops.length && ops[i]!.op !== 'SAME'; i++) {
      if (ops[i]!.op === 'REMOVED') removed += ops[i]!.token;
      else added += ops[i]!.token;
    }
    if (removed) segments.push({ op: 'REMOVED', text: removed });
    if (added) segments.push({ op: 'ADDED', text: added });
  }
  return segments;
}
