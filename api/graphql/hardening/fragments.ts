// Shared by the depth, alias and cost measures: each follows fragment spreads as if the fragment were
// written inline, which is what execution does.
import { Kind, type DocumentNode, type FieldNode, type FragmentDefinitionNode } from 'graphql';

export type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

export function fragmentsOf(document: DocumentNode): Fragments {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** `__schema` and `__type` open GraphiQL's introspection query; `__typename` is an ordinary cheap field. */
export function isIntrospectionRoot(field: FieldNode): boolean {
  return field.name.value === '__schema' || field.name.value === '__type';
}

/**
 * Measures each fragment once per key. Without it a chain of fragments each spread twice costs 2^n to
 * walk, which is itself the attack; with it a 5,000-token document is walked in linear time.
 */
export class FragmentMemo {
  private readonly measured = new Map<string, number>();
  private readonly open = new Set<string>();

  measure(key: string, compute: () => number): number {
    const known = this.measured.get(key);
    if (known !== undefined) return known;
    // A fragment that spreads itself: NoFragmentCyclesRule refuses the document; here it just ends the walk.
    if (this.open.has(key)) return 0;
    this.open.add(key);
    const value = compute();
    this.open.delete(key);
    this.measured.set(key, value);
    return value;
  }
}
