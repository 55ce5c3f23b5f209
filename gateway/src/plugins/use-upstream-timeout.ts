import { setMaxListeners } from 'node:events';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, Kind } from 'graphql';
import type { DocumentNode } from 'graphql';

/** A request fans out to many subgraph calls, each listening on the client's signal; more than Node's default 10. */
const LISTENERS_PER_REQUEST = 1000;

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return value != null && typeof (value as PromiseLike<unknown>).then === 'function';
}

function operationType(request: { operationType?: string; document?: DocumentNode; operationName?: string }): string | undefined {
  if (request.operationType) return request.operationType;
  const operations = (request.document?.definitions ?? []).filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = request.operationName ? operations.find((d) => d.name?.value === request.operationName) : operations[0];
  return chosen?.operation;
}

/**
 * How long one call to a subgraph may take (UPSTREAM_TIMEOUT_MS), its retries included: a query or mutation call
 * that has not answered in time is aborted (its HTTP request too) and answered GATEWAY_TIMEOUT (504).
 *
 * A subscription is not timed: it lives as long as its client keeps it (a token's expiry ends it in the
 * subgraph). Hive Gateway's own `upstreamTimeout` timed subscriptions too: a subscription call returns its stream
 * synchronously, so the timer's rejection reached nobody and, 10 s after any subscription opened, surfaced as an
 * unhandled rejection (which stops a Node process). Here every timer is cleared when its call settles, and no
 * promise is left that can reject unobserved.
 * @param timeoutMs - the bound on one call
 * @returns the plugin
 */
export function useUpstreamTimeout(timeoutMs: number): GatewayPlugin {
  return {
    onSubgraphExecute({ executionRequest, executor, setExecutor, subgraphName }) {
      if (operationType(executionRequest) === 'subscription') return;
      const timedExecutor = (request: Parameters<typeof executor>[0]): ReturnType<typeof executor> => {
        const controller = new AbortController();
        const client = request.signal;
        if (client) {
          setMaxListeners(LISTENERS_PER_REQUEST, client);
          if (client.aborted) controller.abort(client.reason);
        }
        const onClientAbort = () => controller.abort(client?.reason);
        client?.addEventListener('abort', onClientAbort, { once: true });
        let timer: NodeJS.Timeout | undefined;
        const settle = () => {
          if (timer) clearTimeout(timer);
          client?.removeEventListener('abort', onClientAbort);
        };
        let result: ReturnType<typeof executor>;
        try {
          result = executor({ ...request, signal: controller.signal });
        } catch (e) {
          settle();
          throw e;
        }
        if (!isPromiseLike(result)) {
          settle();
          return result;
        }
        const timedOut = new Promise<never>((_, reject) => {
          timer = setTimeout(() => {
            const error = new GraphQLError(`The ${subgraphName} service did not answer within ${timeoutMs} ms`, {
              extensions: { code: 'GATEWAY_TIMEOUT', http: { status: 504 } },
            });
            controller.abort(error);
            reject(error);
          }, timeoutMs);
          timer.unref();
        });
        // Both branches are observed by the race; the loser's later settlement is ignored.
        return Promise.race([Promise.resolve(result), timedOut]).finally(settle) as ReturnType<typeof executor>;
      };
      setExecutor(timedExecutor as typeof executor);
    },
  };
}
