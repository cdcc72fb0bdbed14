// Reading and writing a dotted key ("timeouts.sms.review") in a nested policy object, without mutating it.

type Tree = Record<string, unknown>;

export function valueAt(tree: unknown, key: string): unknown {
  let node = tree;
  for (const part of key.split('.')) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Tree)[part];
  }
  return node;
}

export function hasValueAt(tree: unknown, key: string): boolean {
  const parts = key.split('.');
  const container = parts.length === 1 ? tree : valueAt(tree, parts.slice(0, -1).join('.'));
  return Boolean(container && typeof container === 'object' && Object.hasOwn(container as Tree, parts.at(-1)!));
}

/** A copy of `tree` with `key` set to `value`, or removed (with emptied parents) when `value` is undefined. */
export function withValueAt(tree: Tree, key: string, value: unknown): Tree {
  const [head, ...rest] = key.split('.') as [string, ...string[]];
  const copy = { ...tree };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  const child = copy[head] && typeof copy[head] === 'object' ? (copy[head] as Tree) : {};
  const updated = withValueAt(child, rest.join('.'), value);
  if (Object.keys(updated).length === 0) delete copy[head];
  else copy[head] = updated;
  return copy;
}
