import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { OPERATION_HEADER, signGatewayRequest } from '@hub/service-kit';
import type { HubContext } from './use-caller-guard';

type HeaderBag = Record<string, string>;

function plainHeaders(headers: unknown): HeaderBag {
  const out: HeaderBag = {};
  if (!headers) return out;
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
    (headers as Headers).forEach((v, k) => (out[k.toLowerCase()] = v));
    return out;
  }
  const entries = Array.isArray(headers) ? (headers as [string, string][]) : Object.entries(headers as Record<string, string>);
  for (const [k, v] of entries) if (v !== undefined && v !== null) out[k.toLowerCase()] = String(v);
  return out;
}

/**
 * Signs every HTTP call the gateway makes to a subgraph (queries, mutations, entity fetches), as the last step
 * before it leaves: `x-hub-timestamp` and `x-hub-signature` (HMAC-SHA256 with GATEWAY_SIGNING_SECRET over the
 * method, path and query string, `Authorization`, `x-request-id`, the caller's operation name and the exact
 * body). Subgraphs refuse calls
 * without it. WebSocket connections are signed in their connectionParams instead (see upstream.ts).
 * @param secret - GATEWAY_SIGNING_SECRET
 * @returns the plugin
 */
export function useUpstreamSignature(secret: string): GatewayPlugin<HubContext> {
  return {
    onFetch({ url, options, setOptions }) {
      const headers = plainHeaders(options.headers);
      const { pathname, search } = new URL(url);
      const body = options.body;
      const signed = typeof body === 'string' || body instanceof Uint8Array ? body : undefined;
      setOptions({
        ...options,
        headers: {
          ...headers,
          ...signGatewayRequest(secret, {
            method: options.method ?? 'GET',
            target: pathname + search,
            authorization: headers.authorization,
            requestId: headers['x-request-id'],
            operation: headers[OPERATION_HEADER],
            body: signed,
          }),
        },
      });
    },
  };
}
