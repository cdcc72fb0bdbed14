import { Kind, type OperationDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';
import { FragmentMemo, fragmentsOf, isIntrospectionRoot, type Fragments } from './fragments.js';
import { tooComplexError } from './too-complex-error.js';

export interface DepthOptions {
  /** Development only: GraphiQL's introspection query nests `ofType` far deeper than any real query. */
  ignoreIntrospection?: boolean;
}

/** How many fields deep the operation nests; fragments and inline fragments add no level of their own. */
export function queryDepth(operation: OperationDefinitionNode, fragments: Fragments, options: DepthOptions = {}): number {
  const memo = new FragmentMemo();
  const depthOf = (selectionSet: SelectionSetNode): number => {
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      let depth = 0;
      if (selection.kind === Kind.FIELD) {
        if (options.ignoreIntrospection && isIntrospectionRoot(selection)) continue;
        depth = 1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        depth = depthOf(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        depth = fragment ? memo.measure(fragment.name.value, () => depthOf(fragment.selectionSet)) : 0;
      }
      deepest = Math.max(deepest, depth);
    }
    return deepest;
  };
  return depthOf(operation.selectionSet);
}

export function depthLimitRule(maxDepth: number, options: DepthOptions = {}): ValidationRule {
  return function QueryDepthLimit(context) {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const depth = queryDepth(operation, fragments, options);
        if (depth > maxDepth) context.reportError(tooComplexError(`query depth ${depth} exceeds the limit of ${maxDepth}`, operation));
      },
    };
  };
}
