// Field selections in a document, counted as written (each fragment once), right after parsing. graphql-js's
// own validation compares fields pairwise, so a few thousand repeated `me { id }` cost a core hundreds of
// milliseconds while passing every depth, alias and cost limit; counting first refuses them for microseconds.
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

export function fieldCount(document: DocumentNode): number {
  let count = 0;
  const pending: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) pending.push(definition.selectionSet);
  }
  // Iterative, so a deeply nested document cannot overflow the stack here.
  for (let set = pending.pop(); set; set = pending.pop()) {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) count++;
      if (selection.kind !== Kind.FRAGMENT_SPREAD && selection.selectionSet) pending.push(selection.selectionSet);
    }
  }
  return count;
}
