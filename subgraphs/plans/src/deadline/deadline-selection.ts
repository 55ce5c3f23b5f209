import type { GraphQLResolveInfo, SelectionNode } from 'graphql';

/**
 * The keys of a deadline's stored basis that a lean read leaves in the database: its long texts and the list of
 * days skipped, most of each row's bytes. Each is read only by the GraphQL field of the same name under `basis`,
 * except `explanation`, which `Deadline.reason` also shows for a deadline BEYOND_CALENDAR.
 */
export const LEAN_BASIS_OMITS = ['explanation', 'anchorDescription', 'skipped'] as const;

/** Deadline fields whose value comes from an omitted key. */
const NEEDS_FULL_DEADLINE_FIELDS = new Set(['reason']);
const OMITTED_BASIS_FIELDS = new Set<string>(LEAN_BASIS_OMITS);

/**
 * Answers by selection: graphql-js hands every item of a list the same `fieldNodes`, so the children of a page
 * share one walk of the selection.
 */
const decided = new WeakMap<GraphQLResolveInfo['fieldNodes'], boolean>();

/**
 * Whether a `deadlines` selection can be answered from lean rows: it selects no field that reads a key of
 * {@link LEAN_BASIS_OMITS}, directly or through fragments (a selection that cannot be read, such as an unknown
 * fragment, counts as needing the full rows).
 * @param info - the `deadlines` field's resolve info
 * @returns true when the lean rows suffice
 */
export function leanDeadlinesSuffice(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  let lean = decided.get(info.fieldNodes);
  if (lean === undefined) decided.set(info.fieldNodes, (lean = walk(info)));
  return lean;
}

function walk(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  const fieldsOf = (selections: readonly SelectionNode[] | undefined, out: Map<string, SelectionNode[]>): boolean => {
    for (const s of selections ?? []) {
      if (s.kind === 'Field') {
        const list = out.get(s.name.value) ?? [];
        list.push(s);
        out.set(s.name.value, list);
      } else if (s.kind === 'InlineFragment') {
        if (!fieldsOf(s.selectionSet.selections, out)) return false;
      } else {
        const fragment = info.fragments[s.name.value];
        if (!fragment || !fieldsOf(fragment.selectionSet.selections, out)) return false;
      }
    }
    return true;
  };
  const deadlineFields = new Map<string, SelectionNode[]>();
  for (const node of info.fieldNodes) if (!fieldsOf(node.selectionSet?.selections, deadlineFields)) return false;
  for (const name of deadlineFields.keys()) if (NEEDS_FULL_DEADLINE_FIELDS.has(name)) return false;
  const basisFields = new Map<string, SelectionNode[]>();
  for (const node of deadlineFields.get('basis') ?? []) {
    if (node.kind !== 'Field' || !fieldsOf(node.selectionSet?.selections, basisFields)) return false;
  }
  for (const name of basisFields.keys()) if (OMITTED_BASIS_FIELDS.has(name)) return false;
  return true;
}
