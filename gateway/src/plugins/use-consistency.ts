import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import type { ExecutionResult } from 'graphql';
import { CONSISTENCY_HEADER, ConsistencyTokenError, decodeConsistencyToken, MAX_TOKEN_EVENTS, mergeConsistencyTokens } from '@hub/service-kit';
import { gatewayError } from '../limits/gateway-errors';
import type { HubContext } from './use-caller-guard';

/** What the subgraph answers of one operation carried. */
interface Collected {
  tokens: string[];
  omitted: number;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value != null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

function clientToken(context: unknown): string | undefined {
  const request = (context as { request?: Request } | undefined)?.request;
  const value = request?.headers?.get?.(CONSISTENCY_HEADER);
  return value === null || value === undefined ? undefined : value;
}

/**
 * Read your own writes through the gateway (the kit's events/consistency.ts does the signing and the waiting):
 * - a client's `x-hub-consistency` token is checked here (a token the hub did not issue: 400 BAD_USER_INPUT
 *   with reason CONSISTENCY_TOKEN_INVALID, before any subgraph is called), then forwarded to every subgraph call
 *   of the operation, and each subgraph waits, bounded, until it has applied the token's events routed to it;
 * - the `extensions.consistency` tokens of the operation's subgraph answers are merged into one token, answered
 *   to the client in `extensions.consistency` (or `extensions.consistencyOmitted` when the operation recorded
 *   more events than one token names).
 * @param secret - GATEWAY_SIGNING_SECRET (tokens are signed with a key derived from it)
 * @returns the plugin
 */
export function useConsistency(secret: string): GatewayPlugin<HubContext> {
  const collected = new WeakMap<object, Collected>();
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const context = args.contextValue as object;
      const sent = clientToken(context);
      if (sent !== undefined) {
        try {
          decodeConsistencyToken(secret, sent);
        } catch (err) {
          if (!(err instanceof ConsistencyTokenError)) throw err;
          setResultAndStopExecution({ errors: [gatewayError('BAD_USER_INPUT', (err as Error).message, { reason: 'CONSISTENCY_TOKEN_INVALID' })] });
          return;
        }
      }
      const mine: Collected = { tokens: [], omitted: 0 };
      collected.set(context, mine);
      return {
        onExecuteDone({ result, setResult }) {
          if (isAsyncIterable(result) || (mine.tokens.length === 0 && mine.omitted === 0)) return;
          const merged = mergeConsistencyTokens(secret, mine.tokens, mine.omitted);
          const { consistency: _token, consistencyOmitted: _omitted, ...rest } = (result.extensions ?? {}) as Record<string, unknown>;
          const extension = merged.token
            ? { consistency: merged.token }
            : merged.omitted
              ? { consistencyOmitted: { events: merged.omitted, limit: MAX_TOKEN_EVENTS } }
              : {};
          setResult({ ...result, extensions: { ...rest, ...extension } } as ExecutionResult);
        },
      };
    },
    onSubgraphExecute({ executionRequest }) {
      const mine = executionRequest.context ? collected.get(executionRequest.context as object) : undefined;
      if (!mine) return;
      return ({ result }) => {
        if (isAsyncIterable(result)) return;
        const ext = (result as ExecutionResult).extensions as { consistency?: unknown; consistencyOmitted?: { events?: unknown } } | undefined;
        if (typeof ext?.consistency === 'string') mine.tokens.push(ext.consistency);
        if (typeof ext?.consistencyOmitted?.events === 'number') mine.omitted += ext.consistencyOmitted.events;
      };
    },
    onFetch({ context, options, setOptions }) {
      const sent = clientToken(context);
      if (sent === undefined) return;
      const headers = new Headers(options.headers as HeadersInit | undefined);
      headers.set(CONSISTENCY_HEADER, sent);
      const plain: Record<string, string> = {};
      headers.forEach((v, k) => (plain[k] = v));
      setOptions({ ...options, headers: plain });
    },
  };
}
