import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { WebSocketServer } from 'ws';
import { useServer, Extra } from 'graphql-ws/use/ws';
import type { Context } from 'graphql-ws';
import { getGraphQLWSOptions, GatewayRuntime } from '@graphql-hive/gateway-runtime';
import { tokenExpiry, WS_CLOSE } from '@hub/service-kit';
import type { Logger, TokenVerifier } from '@hub/service-kit';
import type { HubContext } from './plugins/use-caller-guard';

/** Options of {@link attachWebSocket}. */
export interface WebSocketOptions {
  /** Path of the GraphQL endpoint; WebSocket upgrades elsewhere are refused. */
  path: string;
  verifier: Pick<TokenVerifier, 'verifyHeader'>;
  log: Logger;
  /** How long `close()` waits for clients to finish the close handshake. @default 1000 */
  closeTimeoutMs?: number;
  /** The largest message a client may send, as for an HTTP body; a larger one closes the socket with 1009. */
  maxPayloadBytes: number;
}

type WsContext = Context<Record<string, unknown> | undefined, Extra>;

/** Reads a value from connectionParams case-insensitively (clients spell `Authorization` either way). */
function param(ctx: WsContext, name: string): string | undefined {
  for (const [k, v] of Object.entries(ctx.connectionParams ?? {})) {
    if (k.toLowerCase() === name && typeof v === 'string' && v) return v;
  }
  return undefined;
}

function header(ctx: WsContext, name: string): string | undefined {
  const v = ctx.extra.request.headers[name];
  return typeof v === 'string' && v ? v : undefined;
}

/** Browsers cannot set headers on a WebSocket upgrade, so connectionParams come first. */
function authorizationOf(ctx: WsContext): string | undefined {
  return param(ctx, 'authorization') ?? header(ctx, 'authorization');
}

/**
 * Serves GraphQL over WebSocket (graphql-ws protocol) on the gateway's HTTP server, through the same Hive
 * runtime and plugins as HTTP. The token comes from `connectionParams.authorization` (or the upgrade request's
 * `Authorization` header) and is verified at `connection_init`: a missing or invalid token closes the socket
 * with 4403 Forbidden before any operation; the token's expiry closes it with 4401 Unauthorized. Each operation then runs with a synthetic Request carrying that
 * `Authorization` and an `x-request-id` (from connectionParams or the upgrade, else a new one per operation),
 * so the caller guard verifies it again and rate-limits it exactly as it does an HTTP request.
 * @param server - the gateway's HTTP server
 * @param runtime - the Hive gateway runtime
 * @param o - options
 * @returns a handle whose `close()` ends every socket (1001 Going away) and the WebSocket server
 */
export function attachWebSocket(
  server: http.Server,
  runtime: GatewayRuntime<HubContext>,
  o: WebSocketOptions,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: o.path, maxPayload: o.maxPayloadBytes });
  const base = getGraphQLWSOptions<HubContext, Extra>(runtime, (ctx) => {
    const headers = new runtime.fetchAPI.Headers();
    const authorization = authorizationOf(ctx);
    if (authorization) headers.set('authorization', authorization);
    headers.set('x-request-id', param(ctx, 'x-request-id') ?? header(ctx, 'x-request-id') ?? randomUUID());
    return {
      req: ctx.extra.request,
      socket: ctx.extra.socket,
      request: new runtime.fetchAPI.Request(`http://gateway${o.path}`, { method: 'POST', headers }),
    };
  });
  const disposable = useServer(
    {
      ...base,
      onConnect: async (ctx) => {
        try {
          await o.verifier.verifyHeader(authorizationOf(ctx));
          // The token's expiry ends the connection and every subscription on it (4401: sign in again).
          const expiresAt = tokenExpiry(authorizationOf(ctx));
          if (expiresAt !== undefined) {
            const timer = setTimeout(() => ctx.extra.socket.close(WS_CLOSE.unauthorized, 'token expired'), Math.min(Math.max(0, expiresAt - Date.now()), 2 ** 31 - 1));
            timer.unref();
            ctx.extra.socket.once('close', () => clearTimeout(timer));
          }
          return true;
        } catch {
          o.log.info({ remote: ctx.extra.request.socket.remoteAddress }, 'websocket refused: no valid bearer token');
          return false;
        }
      },
    },
    wss,
  );

  return {
    async close() {
      // A client that never answers the close handshake must not hold shutdown up.
      const fuse = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
      }, o.closeTimeoutMs ?? 1000);
      fuse.unref();
      try {
        await disposable.dispose();
      } finally {
        clearTimeout(fuse);
      }
    },
  };
}
