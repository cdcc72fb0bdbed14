import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { FragmentMemo, fragmentsOf, type Fragments } from './fragments.js';
import { tooComplexError } from './too-complex-error.js';

/** Aliased fields in the operation, a fragment's counted again at every spread (execution repeats it too). */
export function aliasCount(operation: OperationDefinitionNode, fragments: Fragments): number {
  const memo = new FragmentMemo();
  const countIn = (selectionSet: SelectionSetNode): number => {
    let count = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        count += (selection.alias ? 1 : 0) + (selection.selectionSet ? countIn(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        count += countIn(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        count += fragment ? memo.measure(fragment.name.value, () => countIn(fragment.selectionSet)) : 0;
      }
    }
    return count;
  };
  return countIn(operation.selectionSet);
}

export function aliasLimitRule(maxAliases: number): ValidationRule {
  return function QueryAliasLimit(context) {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const count = aliasCount(operation, fragments);
        if (count > maxAliases) context.reportError(tooComplexError(`query uses ${count} aliases, more than the limit of ${maxAliases}`, operation));
      },
    };
  };
}
