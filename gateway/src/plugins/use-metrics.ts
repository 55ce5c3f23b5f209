import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { errorCodeLabel, errorsTotal, operationLabel, operationNameOf, requestDuration, requestsTotal } from '@hub/service-kit';
import type { HubContext } from './use-caller-guard';

const SERVICE = 'gateway';

interface Seen {
  started: bigint;
  operation: string;
}

/** One result's errors, whether a single result, a batch, or none (a stream's events are not counted). */
function errorsOf(result: unknown): Array<{ extensions?: Record<string, unknown> }> {
  const results = Array.isArray(result) ? result : [result];
  return results.flatMap((r) => (r && typeof r === 'object' && Array.isArray((r as { errors?: unknown }).errors) ? (r as { errors: [] }).errors : []));
}

/**
 * Counts the gateway's GraphQL requests for `/metrics`: `hub_graphql_requests_total` and
 * `hub_graphql_request_duration_seconds` by operation name, `hub_graphql_errors_total` by extensions.code (refusals
 * by the guard and the limits included), all with service="gateway". Operation names are bounded as in the kit
 * (at most a fixed number of distinct names; the rest count as `other`).
 * @returns the plugin
 */
export function useMetrics(): GatewayPlugin<HubContext> {
  const seen = new WeakMap<Request, Seen>();
  return {
    onRequest({ request }) {
      seen.set(request, { started: process.hrtime.bigint(), operation: 'anonymous' });
    },
    onParams({ request, params }) {
      const s = seen.get(request);
      if (s) s.operation = operationLabel(operationNameOf(params.operationName, params.query));
    },
    onResultProcess({ request, result }) {
      const s = seen.get(request);
      if (!s) return;
      seen.delete(request);
      requestsTotal.inc({ service: SERVICE, operation: s.operation });
      requestDuration.observe({ service: SERVICE, operation: s.operation }, Number(process.hrtime.bigint() - s.started) / 1e9);
      for (const e of errorsOf(result)) errorsTotal.inc({ service: SERVICE, code: errorCodeLabel(e.extensions?.code) });
    },
  };
}
