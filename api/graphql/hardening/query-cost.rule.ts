import {
  Kind, SchemaMetaFieldDef, TypeMetaFieldDef,
  type FieldNode, type GraphQLField, type GraphQLNamedType, type GraphQLOutputType, type GraphQLSchema,
  type OperationDefinitionNode, type SelectionSetNode, type ValidationRule,
} from 'graphql';
import { FragmentMemo, fragmentsOf, isIntrospectionRoot, type Fragments } from './fragments.js';
import { DEFAULT_LIST_SIZE, MAX_LIST_SIZE } from './limits.js';
import { tooComplexError } from './too-complex-error.js';

/** Costs saturate here, so an absurd query is reported with a readable number rather than Infinity. */
const COST_CEILING = 1_000_000_000;

export interface CostOptions {
  /** Development only: GraphiQL's introspection query multiplies lists of types, fields and arguments. */
  ignoreIntrospection?: boolean;
}

type Field = GraphQLField<unknown, unknown>;

/**
 * A field type read from its SDL spelling ("[Case!]!") instead of with isListType and friends. Those are
 * instanceof checks, and under vitest Yoga's schema comes from graphql's CommonJS build while this module
 * gets its ES build: graphql-js throws when the two meet. Output types are never input objects, so a type
 * with fields is an object or an interface.
 */
function shapeOf(schema: GraphQLSchema, type: GraphQLOutputType): { list: boolean; named: GraphQLNamedType | undefined } {
  const spelled = String(type).replace(/!$/, '');
  return { list: spelled.startsWith('['), named: schema.getType(spelled.replace(/[[\]!]/g, '')) ?? undefined };
}

function fieldsOf(type: GraphQLNamedType | undefined): Record<string, Field> | undefined {
  return type && 'getFields' in type ? (type.getFields() as Record<string, Field>) : undefined;
}

/** __schema and __type are not among the query type's fields, but their selections are priced like any other. */
function metaField(node: FieldNode): Field | undefined {
  if (node.name.value === SchemaMetaFieldDef.name) return SchemaMetaFieldDef;
  if (node.name.value === TypeMetaFieldDef.name) return TypeMetaFieldDef;
  return undefined;
}

/**
 * The static cost of an operation: every field 1, plus its selection's cost — times the expected length
 * when the field is a list. The length is the field's own first/last (given, or its schema default), else
 * the first/last of the connection it sits in (cases(first: 100) { edges }), else DEFAULT_LIST_SIZE; never
 * more than MAX_LIST_SIZE.
 */
export function queryCost(schema: GraphQLSchema, operation: OperationDefinitionNode, fragments: Fragments, options: CostOptions = {}): number {
  const memo = new FragmentMemo();

  const pageSize = (node: FieldNode, field: Field): number | undefined => {
    const sizes: number[] = [];
    for (const name of ['first', 'last']) {
      const given = node.arguments?.find((argument) => argument.name.value === name)?.value;
      const declared = field.args.find((argument) => argument.name === name);
      if (given?.kind === Kind.INT) sizes.push(Number(given.value));
      // Validation runs before variable values are known (and its result is cached per document), and a
      // variable's default bounds nothing: the request may send any value.
      else if (given?.kind === Kind.VARIABLE) sizes.push(MAX_LIST_SIZE);
      else if (!given && typeof declared?.defaultValue === 'number') sizes.push(declared.defaultValue);
    }
    return sizes.length ? Math.min(Math.max(0, ...sizes), MAX_LIST_SIZE) : undefined;
  };

  const costOf = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined, connectionSize?: number): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (options.ignoreIntrospection && isIntrospectionRoot(selection)) continue;
        total += fieldCost(selection, type, connectionSize);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
        total += costOf(selection.selectionSet, condition, connectionSize);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = schema.getType(fragment.typeCondition.name.value);
        total += memo.measure(`${fragment.name.value}:${connectionSize ?? ''}`, () => costOf(fragment.selectionSet, condition, connectionSize));
      }
    }
    return Math.min(total, COST_CEILING);
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType | undefined, connectionSize?: number): number => {
    // __typename, and fields other rules already refuse as unknown, cost just themselves.
    const field = metaField(node) ?? fieldsOf(parent)?.[node.name.value];
    if (!field || !node.selectionSet) return 1;
    const size = pageSize(node, field);
    const { list, named } = shapeOf(schema, field.type);
    // A connection: its first/last says how long its edges list is.
    if (!list) return Math.min(1 + costOf(node.selectionSet, named, size), COST_CEILING);
    const length = Math.min(size ?? connectionSize ?? DEFAULT_LIST_SIZE, MAX_LIST_SIZE);
    return Math.min(1 + length * costOf(node.selectionSet, named), COST_CEILING);
  };

  return costOf(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
}

export function costLimitRule(maxCost: number, options: CostOptions = {}): ValidationRule {
  return function QueryCostLimit(context) {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(operation) {
        const cost = queryCost(context.getSchema(), operation, fragments, options);
        const measured = cost >= COST_CEILING ? `over ${COST_CEILING}` : String(cost);
        if (cost > maxCost) context.reportError(tooComplexError(`query cost ${measured} exceeds the limit of ${maxCost}`, operation));
      },
    };
  };
}
