import { createHmac, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { EVENT_ROUTES, QUEUES } from '@hub/service-kit';
import type { Logger, TokenVerifier } from '@hub/service-kit';

/** Where the dashboard is served. */
export const OPS_BOARD_PATH = '/ops/queues';
/** The short-lived session cookie set after a token check (so the dashboard's own assets and API calls pass). */
export const OPS_COOKIE = 'hub_ops';

/** Options of {@link opsBoard}. */
export interface OpsBoardOptions {
  redis: IORedis;
  /** The services' BullMQ prefix (BullMQ's default `bull` when unset). */
  queuePrefix?: string;
  verifier: Pick<TokenVerifier, 'verifyHeader'>;
  /** Signs the session cookie (GATEWAY_SIGNING_SECRET). */
  secret: string;
  production: boolean;
  log: Logger;
  /** Lifetime of the session cookie in seconds. @default 900 */
  sessionSeconds?: number;
}

/** A handler for the dashboard's paths: true when it answered the request. */
export type OpsBoard = ((req: http.IncomingMessage, res: http.ServerResponse, path: string) => boolean) & { close(): Promise<void> };

interface Session {
  sub: string;
  org: string;
  roles: string[];
  exp: number;
}

/**
 * Whether a caller may act on jobs from the dashboard (retry, promote, clean). Operations staff see the queues
 * read-only; acting needs OPS together with ADMIN, since an action there bypasses the notification rows' attempt budget
 * and the ops audit: retries of notifications go through `retryNotification(s)` (audited) as a rule.
 * @param roles - the caller's roles
 * @returns true when the dashboard may change jobs for this caller
 */
export function mayActOnJobs(roles: readonly string[]): boolean {
  return roles.includes('OPS') && roles.includes('ADMIN');
}

function sign(secret: string, body: string): string {
  return createHmac('sha256', `ops-board:${secret}`).update(body).digest('base64url');
}

/**
 * A session cookie's value: the caller's subject, organisation and roles with an expiry, signed.
 * @param secret - signing secret
 * @param s - the session
 * @returns the cookie value
 */
export function encodeSession(secret: string, s: Session): string {
  const body = Buffer.from(JSON.stringify(s)).toString('base64url');
  return `${body}.${sign(secret, body)}`;
}

/**
 * Reads a session cookie's value: undefined when the signature is wrong, it is malformed or it has expired.
 * @param secret - signing secret
 * @param value - the cookie value
 * @param now - epoch seconds
 * @returns the session or undefined
 */
export function decodeSession(secret: string, value: string | undefined, now = Math.floor(Date.now() / 1000)): Session | undefined {
  if (!value) return undefined;
  const [body, mac] = value.split('.');
  if (!body || !mac) return undefined;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const s = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Session;
    if (typeof s.exp !== 'number' || s.exp <= now || !Array.isArray(s.roles) || typeof s.sub !== 'string') return undefined;
    return s;
  } catch {
    return undefined;
  }
}

function cookieOf(req: http.IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

function refuse(res: http.ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', ...(status === 401 ? { 'www-authenticate': 'Bearer' } : {}) });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** The queues an operator looks at: every event consumer's queue and the deliveries. */
export function opsQueueNames(): string[] {
  return [...new Set(EVENT_ROUTES.map((r) => r.queue)), QUEUES.deliveries];
}

type NodeHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

function board(queues: Queue[], readOnly: boolean): NodeHandler {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(OPS_BOARD_PATH);
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q, { readOnlyMode: readOnly, allowRetries: !readOnly })),
    // @bull-board/express carries its own copy of @bull-board/api's types (a patch version apart); the same shape.
    serverAdapter: adapter as never,
    options: { uiConfig: { boardTitle: readOnly ? 'Care hub queues (read-only)' : 'Care hub queues' } },
  });
  // The adapter's routes are relative to the base path: the handler strips it before passing the request on.
  return adapter.getRouter() as NodeHandler;
}

/**
 * The operators' queue dashboard (bull-board) at `/ops/queues`. bull-board has no authentication of its own, so
 * nothing is served before a check: a bearer token (`Authorization`, or `?token=` once from a browser, which is then
 * dropped from the address) verified like any GraphQL call and holding the role OPS, after which a signed,
 * HttpOnly, SameSite=Strict cookie scoped to the path carries the check for `sessionSeconds`. Operations staff see
 * it read-only (the queue adapters in read-only mode, and every non-GET request refused here as well); OPS with
 * ADMIN may act on jobs, and each such request is logged with who made it.
 * @param o - options
 * @returns the handler
 */
export function opsBoard(o: OpsBoardOptions): OpsBoard {
  const queues = opsQueueNames().map((name) => {
    const q = new Queue(name, { connection: o.redis, prefix: o.queuePrefix });
    q.on('error', () => undefined);
    return q;
  });
  const readOnlyApp = board(queues, true);
  const actingApp = board(queues, false);
  const lifetime = o.sessionSeconds ?? 900;

  const serve = async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> => {
    let caller: { sub: string; org: string; roles: readonly string[] } | undefined = decodeSession(o.secret, cookieOf(req, OPS_COOKIE));
    const fromQuery = url.searchParams.get('token');
    const header = req.headers.authorization ?? (fromQuery ? `Bearer ${fromQuery}` : undefined);
    let fresh = false;
    if (header) {
      try {
        caller = await o.verifier.verifyHeader(header);
        fresh = true;
      } catch {
        return refuse(res, 401, 'UNAUTHENTICATED', 'a valid bearer token is required');
      }
    }
    if (!caller) return refuse(res, 401, 'UNAUTHENTICATED', 'a valid bearer token is required');
    if (!caller.roles.includes('OPS')) return refuse(res, 403, 'FORBIDDEN', 'the queue dashboard is for operations staff (role OPS)');
    const acting = mayActOnJobs(caller.roles);
    const reading = req.method === 'GET' || req.method === 'HEAD';
    if (!reading && !acting) return refuse(res, 403, 'FORBIDDEN', 'the queue dashboard is read-only for this role');
    if (fresh) {
      const session = encodeSession(o.secret, { sub: caller.sub, org: caller.org, roles: [...caller.roles], exp: Math.floor(Date.now() / 1000) + lifetime });
      const attrs = `Path=${OPS_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${lifetime}${o.production ? '; Secure' : ''}`;
      res.setHeader('set-cookie', `${OPS_COOKIE}=${session}; ${attrs}`);
    }
    if (fromQuery) {
      // The token leaves the address bar (and any history or log of it) at once.
      url.searchParams.delete('token');
      res.writeHead(303, { location: `${url.pathname}${url.search}`, 'referrer-policy': 'no-referrer', 'cache-control': 'no-store' });
      res.end();
      return;
    }
    if (!reading) o.log.info({ sub: caller.sub, org: caller.org, method: req.method, path: url.pathname }, 'ops board: job action');
    res.setHeader('referrer-policy', 'no-referrer');
    res.setHeader('cache-control', 'no-store');
    res.setHeader('x-frame-options', 'DENY');
    const rest = (req.url ?? '').slice(OPS_BOARD_PATH.length);
    req.url = rest.startsWith('/') ? rest : `/${rest}`;
    (acting ? actingApp : readOnlyApp)(req, res);
  };

  const handler = ((req, res, path) => {
    if (path !== OPS_BOARD_PATH && !path.startsWith(`${OPS_BOARD_PATH}/`)) return false;
    const url = new URL(req.url ?? '/', 'http://gateway.invalid');
    serve(req, res, url).catch((err) => {
      o.log.error({ err }, 'ops board failed');
      if (!res.headersSent) refuse(res, 500, 'INTERNAL', 'the queue dashboard failed');
      else res.destroy();
    });
    return true;
  }) as OpsBoard;
  handler.close = async () => {
    await Promise.all(queues.map((q) => q.close().catch(() => undefined)));
  };
  return handler;
}
