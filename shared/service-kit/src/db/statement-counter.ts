import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Counts the SQL statements issued on behalf of GraphQL requests in this process, per schema and per request id.
 * A statement is attributed to the request whose work issued it (through AsyncLocalStorage, so DataLoader
 * batches, transactions and the audit insert all count); background work (the outbox relay, event consumers,
 * delivery workers, timers) runs outside any request and is never counted. The N+1 guard tests read it, and
 * each service's `hub_sql_statements_per_request` histogram is fed from its per-request tally.
 */
const requestScope = new AsyncLocalStorage<{ requestId: string; tally?: StatementTally }>();

/** A running count of one request's statements in one service (read for the statements-per-request metric). */
export interface StatementTally {
  count: number;
}
const bySchema = new Map<string, number>();
const byRequest = new Map<string, number>();
/** Per-request counts kept for the most recent request ids only, so a long-running service does not grow. */
const KEPT_REQUESTS = 1000;

/**
 * Runs a request's work so that the statements it issues are attributed to it.
 * @param requestId - the request id (the gateway forwards one id to every subgraph a request reaches)
 * @param work - the request's work
 * @param tally - also counts the statements here (one service's share of the request)
 * @returns what the work returns
 */
export function attributeStatements<T>(requestId: string, work: () => Promise<T>, tally?: StatementTally): Promise<T> {
  return requestScope.run({ requestId, tally }, work);
}

/**
 * Records one statement against a schema, when issued on behalf of a request.
 * @param schema - the service schema
 */
export function countStatement(schema: string): void {
  const scope = requestScope.getStore();
  if (scope === undefined) return;
  const { requestId } = scope;
  if (scope.tally) scope.tally.count += 1;
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
