/**
 * Counts SQL statements per schema in this process. The N+1 guard tests read it; production ignores it.
 */
const counts = new Map<string, number>();

/** Records one statement against a schema. @param schema - the service schema */
export function countStatement(schema: string): void {
  counts.set(schema, (counts.get(schema) ?? 0) + 1);
}

/**
 * Statements counted so far.
 * @param schema - one schema, or every schema when omitted
 * @returns the count
 */
export function statementCount(schema?: string): number {
  if (schema) return counts.get(schema) ?? 0;
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}
