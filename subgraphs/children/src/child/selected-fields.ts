import type { GraphQLResolveInfo } from 'graphql';

/**
 * The field names selected under the current field (first level), for the audit log.
 * @param info - resolver info
 * @returns field names, e.g. ['id', 'name', 'placements']
 */
export function selectedFields(info: GraphQLResolveInfo): string[] {
  const out = new Set<string>();
  const visit = (selections: readonly import('graphql').SelectionNode[] | undefined) => {
    for (const s of selections ?? []) {
      if (s.kind === 'Field') out.add(s.name.value);
      else if (s.kind === 'InlineFragment') visit(s.selectionSet.selections);
      else if (s.kind === 'FragmentSpread') visit(info.fragments[s.name.value]?.selectionSet.selections);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet?.selections);
  return [...out].filter((f) => f !== '__typename');
}
