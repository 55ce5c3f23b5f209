import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements issued on behalf of GraphQL requests in this process, per schema and per request id.
 * A statement is attributed to the request whose work issued it (through AsyncLocalStorage, so DataLoader
 * batches, transactions and the audit insert all count); background work (the outbox relay, event consumers,
 * delivery workers, timers) runs outside any request and is never counted. The N+1 guard tests read it;
 * production ignores it.
 */
const requestScope = new AsyncLocalStorage<string>();
const bySchema = new Map<string, number>();
const byRequest = new Map<string, number>();
/** Per-request counts kept for the most recent request ids only, so a long-running service does not grow. */
const KEPT_REQUESTS = 1000;

/**
 * Runs a request's work so that the statements it issues are attributed to it.
 * @param requestId - the request id (the gateway forwards one id to every subgraph a request reaches)
 * @param work - the request's work
 * @returns what the work returns
 */
export function attributeStatements<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  return requestScope.run(requestId, work);
}

/**
 * Records one statement against a schema, when issued on behalf of a request.
 * @param schema - the service schema
 */
export function countStatement(schema: string): void {
  const requestId = requestScope.getStore();
  if (requestId === undefined) return;
  bySchema.set(schema, (bySchema.get(schema) ?? 0) + 1);
  const n = byRequest.get(requestId);
  if (n === undefined) {
    byRequest.set(requestId, 1);
    if (byRequest.size > KEPT_REQUESTS) byRequest.delete(byRequest.keys().next().value as string);
  } else {
    byRequest.set(requestId, n + 1);
  }
}

/**
 * Statements issued on behalf of requests so far.
 * @param schema - one schema, or every schema when omitted
 * @returns the count
 */
export function statementCount(schema?: string): number {
  if (schema) return bySchema.get(schema) ?? 0;
  let n = 0;
  for (const v of bySchema.values()) n += v;
  return n;
}

/**
 * Statements one request cost, across every service in this process that served it.
 * @param requestId - the request id
 * @returns the count (0 for an unknown or long-forgotten id)
 */
export function requestStatementCount(requestId: string): number {
  return byRequest.get(requestId) ?? 0;
}
