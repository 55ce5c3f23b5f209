import {
  DocumentNode,
  FragmentDefinitionNode,
  Kind,
  Lexer,
  SelectionSetNode,
  Source,
  TokenKind,
} from 'graphql';

/** What {@link measureDocument} found: the worst operation's depth and alias count. */
export interface DocumentShape {
  /** Deepest field nesting of any operation (`{ a { b } }` is 2), fragments expanded. */
  depth: number;
  /** Aliased fields of the most-aliased operation, counting a fragment once per spread. */
  aliases: number;
}

/**
 * Counts lexical tokens (comments excluded, as graphql-js's own `maxTokens` does), stopping at `stopAfter` so
 * an oversized document costs no more than the limit to reject. Syntax errors stop the count: the parser
 * reports them properly afterwards.
 * @param query - the document text
 * @param stopAfter - stop counting once the count exceeds this
 * @returns the number of tokens, or `stopAfter + 1` when there are more
 * @example countTokens('{ a b }', 2000) // 4
 */
export function countTokens(query: string, stopAfter = Number.POSITIVE_INFINITY): number {
  const lexer = new Lexer(new Source(query));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > stopAfter) return count;
    }
  } catch {
    // a syntax error: let the parser produce the proper GRAPHQL_PARSE_FAILED error
  }
  return count;
}

/**
 * Measures depth and aliases of every operation in a document, expanding fragment spreads. Runs before
 * standard validation (whose overlapping-fields rule is quadratic in aliases, which is what an alias bomb
 * exploits), so it must survive invalid documents: unknown fragments count as empty and fragment cycles are
 * cut (validation rejects both afterwards). Each fragment is measured once, so nested spreads cannot make the
 * walk itself exponential.
 * @param document - the parsed document
 * @returns the maximum depth and alias count over its operations
 * @example measureDocument(parse('{ a: child { b: id } }')) // { depth: 2, aliases: 2 }
 */
export function measureDocument(document: DocumentNode): DocumentShape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const memo = new Map<string, DocumentShape>();
  const visiting = new Set<string>();

  const fragmentShape = (name: string): DocumentShape => {
    const known = memo.get(name);
    if (known) return known;
    const def = fragments.get(name);
    if (!def || visiting.has(name)) return { depth: 0, aliases: 0 };
    visiting.add(name);
    const shape = selectionShape(def.selectionSet);
    visiting.delete(name);
    memo.set(name, shape);
    return shape;
  };

  const selectionShape = (set: SelectionSetNode): DocumentShape => {
    let depth = 0;
    let aliases = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const inner = sel.selectionSet ? selectionShape(sel.selectionSet) : { depth: 0, aliases: 0 };
        depth = Math.max(depth, 1 + inner.depth);
        aliases += (sel.alias ? 1 : 0) + inner.aliases;
      } else {
        const inner = sel.kind === Kind.INLINE_FRAGMENT ? selectionShape(sel.selectionSet) : fragmentShape(sel.name.value);
        depth = Math.max(depth, inner.depth);
        aliases += inner.aliases;
      }
    }
    return { depth, aliases };
  };

  let worst: DocumentShape = { depth: 0, aliases: 0 };
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const shape = selectionShape(def.selectionSet);
    worst = { depth: Math.max(worst.depth, shape.depth), aliases: Math.max(worst.aliases, shape.aliases) };
  }
  return worst;
}
