import {
  ArgumentNode,
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLNamedType,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  isCompositeType,
  isAbstractType,
  isInterfaceType,
  isListType,
  isObjectType,
} from 'graphql';

/** Options of {@link operationCost}. */
export interface CostOptions {
  /** Items assumed for a list field that has no `first`/`last` argument. @default 10 */
  defaultListSize?: number;
}

/** Arguments that bound how many items a field returns (Relay connections and plain lists). */
const SLICE_ARGS = new Set(['first', 'last']);

function sliceSize(
  args: readonly ArgumentNode[] | undefined,
  op: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number | undefined {
  let size: number | undefined;
  for (const arg of args ?? []) {
    if (!SLICE_ARGS.has(arg.name.value)) continue;
    let value: unknown;
    if (arg.value.kind === Kind.INT) value = Number(arg.value.value);
    else if (arg.value.kind === Kind.VARIABLE) {
      const name = arg.value.name.value;
      value = variables[name];
      if (value === undefined) {
        const def = op.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue;
        if (def?.kind === Kind.INT) value = Number(def.value);
      }
    }
    if (typeof value === 'number' && Number.isFinite(value)) size = Math.max(size ?? 0, Math.max(0, Math.floor(value)));
  }
  return size;
}

/**
 * Estimates what an operation costs to resolve, before it runs. The model is deliberately simple so clients
 * can predict it: every field costs 1, and a field's selection is multiplied by the number of items it may
 * return: its `first`/`last` argument when given (literal or variable), else `defaultListSize` for list
 * fields, else 1. The `edges`/`nodes` lists directly under a sliced field are not multiplied again (the
 * connection's `first` already counted them). Introspection fields (`__schema`, `__typename`) cost nothing:
 * introspection is off in production and bounded by the schema's size. Under an abstract type, fragments on
 * different object types are alternatives and cost the dearest of them; `_entities` costs one item per representation. `Query.children(first: 20) { edges { node { id name } } }` costs
 * 1 + 20 × (1 + 1 × (1 + 2)) = 81.
 * @param schema - the gateway's schema (the document must already be valid against it)
 * @param document - the parsed document
 * @param operationName - the operation to run, when the document has several
 * @param variables - the request's variables (so `first: $n` is priced at its real value)
 * @param options - model options
 * @returns the estimated cost (0 when the operation cannot be found)
 * @example operationCost(schema, parse('{ things { id } }')) // 1 + 10 × 1 = 11
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName?: string | null,
  variables: Record<string, unknown> = {},
  options: CostOptions = {},
): number {
  const defaultListSize = options.defaultListSize ?? 10;
  const op = getOperationAST(document, operationName ?? undefined);
  if (!op) return 0;
  const root = schema.getRootType(op.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const memo = new Map<string, number>();
  const visiting = new Set<string>();

  const selectionCost = (set: SelectionSetNode, parent: GraphQLNamedType, sliced: boolean): number => {
    let total = 0;
    // Under an abstract type, fragments on different object types are alternatives: one object has one type,
    // so only the dearest of them can apply. (A query planner splits an interface selection into one fragment
    // per implementing type; pricing their sum would make a subgraph refuse what the gateway priced as one.)
    const branches = new Map<string, number>();
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const name = sel.name.value;
        if (name.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
        if (!field) continue;
        const isList = isListType(getNullableType(field.type));
        const slice = name === '_entities' ? representationCount(sel.arguments, variables) : sliceSize(sel.arguments, op, variables);
        const multiplier = slice ?? (isList ? (sliced ? 1 : defaultListSize) : 1);
        const named = getNamedType(field.type);
        const inner =
          sel.selectionSet && isCompositeType(named) ? selectionCost(sel.selectionSet, named, slice !== undefined) : 0;
        total += 1 + multiplier * inner;
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const type = sel.typeCondition ? schema.getType(sel.typeCondition.name.value) : parent;
        if (!type) continue;
        const cost = selectionCost(sel.selectionSet, type, sliced);
        if (isAbstractType(parent) && isObjectType(type)) branches.set(type.name, (branches.get(type.name) ?? 0) + cost);
        else total += cost;
      } else {
        const key = `${sel.name.value}|${sliced}`;
        const known = memo.get(key);
        if (known !== undefined) {
          total += known;
          continue;
        }
        const def = fragments.get(sel.name.value);
        const type = def && schema.getType(def.typeCondition.name.value);
        if (!def || !type || visiting.has(key)) continue;
        visiting.add(key);
        const cost = selectionCost(def.selectionSet, type, sliced);
        visiting.delete(key);
        memo.set(key, cost);
        total += cost;
      }
    }
    return total + (branches.size ? Math.max(...branches.values()) : 0);
  };

  return selectionCost(op.selectionSet, root, false);
}

/** `_entities(representations:)` returns exactly one item per representation: price it by their number. */
function representationCount(args: readonly ArgumentNode[] | undefined, variables: Record<string, unknown>): number | undefined {
  const arg = args?.find((a) => a.name.value === 'representations');
  if (!arg) return undefined;
  if (arg.value.kind === Kind.LIST) return arg.value.values.length;
  if (arg.value.kind === Kind.VARIABLE) {
    const value = variables[arg.value.name.value];
    return Array.isArray(value) ? value.length : undefined;
  }
  return undefined;
}
