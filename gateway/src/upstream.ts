import type { TransportEntryAdditions } from '@graphql-hive/gateway-runtime';

/**
 * Header templates Hive interpolates per subgraph request from the GraphQL context, which the caller guard
 * filled with the verified caller (`context.hub`). Empty values are dropped by Hive, but no operation runs
 * without `hub`.
 */
const FORWARDED: Record<string, string> = {
  authorization: '{context.hub.authorization}',
  'x-request-id': '{context.hub.requestId}',
  // The caller's operation name, for each subgraph's audit lines (a planner may name its subgraph operations
  // otherwise, or not at all). Hive drops it when the operation has no name.
  'x-hub-operation': '{context.hub.operationName}',
};

/**
 * What an upstream WebSocket carries besides: the gateway's signature of the connection (method `WS`, the
 * caller's `Authorization` and the request id), made per operation by the caller guard. HTTP calls are signed
 * over their body in `onFetch` (plugins/use-upstream-signature.ts) instead.
 */
const WS_SIGNED: Record<string, string> = {
  ...FORWARDED,
  'x-hub-timestamp': '{context.hub.wsTimestamp}',
  'x-hub-signature': '{context.hub.wsSignature}',
};

/**
 * How the gateway reaches its subgraphs (Hive `transportEntries`):
 * - every subgraph at its routing URL, overridable by name;
 * - queries and mutations over HTTP carrying the caller's `Authorization` and the `x-request-id`;
 * - in-flight de-duplication OFF: Hive's HTTP executor (on by default) shares one upstream response between
 *   identical concurrent queries. Its key includes headers only when they are set on the transport or through
 *   `extensions.headers` (as here and as `propagateHeaders` does), not headers added in an `onFetch` hook:
 *   with Authorization forwarded from `onFetch` and de-duplication on, the integration test measured bob
 *   receiving alice's `whoami`. Off, no future header plumbing can reintroduce that leak;
 * - subscriptions over graphql-ws at the same URL (`http` becomes `ws`), with `authorization`,
 *   `x-request-id` and the gateway's connection signature (`x-hub-timestamp`, `x-hub-signature`) both in
 *   `connectionParams` and on the upgrade request. Hive pools upstream sockets by
 *   those values, so callers never share a socket (one upstream socket per client subscription, since the
 *   request id differs per operation).
 * @param urls - GraphQL URL by subgraph name
 * @returns the transport entries
 */
export function upstreamTransportEntries(urls: Record<string, string>): TransportEntryAdditions {
  const headers = Object.entries(FORWARDED) as [string, string][];
  const entries: TransportEntryAdditions = {
    '*.http': {
      headers,
      options: {
        deduplicateInflightRequests: false,
        subscriptions: {
          kind: 'ws',
          headers: Object.entries(WS_SIGNED) as [string, string][],
          // Sockets are per caller and operation (see above), so none is ever reused: close it when the
          // subscription ends rather than after graphql-ws's lazy 3 s.
          options: { connectionParams: { ...WS_SIGNED }, lazyCloseTimeout: 0 },
        },
      },
    },
  };
  // Per-subgraph entries only set the location; Hive merges '*.http' over them, so never put a location there.
  for (const [name, url] of Object.entries(urls)) entries[name] = { location: url };
  return entries;
}
