import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { Counter, Gauge } from 'prom-client';
import { EVENT_ROUTES, EVENT_SOURCE, EVENT_TYPES, EventType } from './contracts';
import { metricsRegistry } from '../runtime/metrics';

/**
 * Read your own writes across services. A mutation that records events answers a consistency token naming them
 * (`extensions.consistency`); a later request that sends the token back in {@link CONSISTENCY_HEADER} is held by
 * each subgraph it reaches until that subgraph's consumer has applied every event of the token routed to it
 * (its `processed_event` holds their ids), for at most the configured bound, after which it answers
 * CONSISTENCY_TIMEOUT. Tokens are signed with a key derived from GATEWAY_SIGNING_SECRET: a client cannot forge
 * one, nor make a service wait for events that were never recorded.
 */

/** The request header a client sends a token back in; the gateway forwards it to every subgraph it calls. */
export const CONSISTENCY_HEADER = 'x-hub-consistency';

/** Most events one token names (bulk changes name more: their answer says so instead of carrying a token). */
export const MAX_TOKEN_EVENTS = 200;

/** Default bound of a wait (CONSISTENCY_TIMEOUT_MS). */
export const DEFAULT_CONSISTENCY_TIMEOUT_MS = 5000;

/** Longest token accepted, in characters (MAX_TOKEN_EVENTS events with room to spare). */
const MAX_TOKEN_LENGTH = 16_384;

const PREFIX = 'c1';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KNOWN_TYPES = new Set<string>(EVENT_TYPES);

/** One event a token names. */
export interface TokenEvent {
  id: string;
  type: EventType;
}

/** A token that the hub did not issue, or that was altered: refused with BAD_USER_INPUT. */
export class ConsistencyTokenError extends Error {
  override name = 'ConsistencyTokenError';
}

function keyOf(secret: string): Buffer {
  return createHmac('sha256', secret).update('hub-consistency-token-v1').digest();
}

function mac(secret: string, body: string): Buffer {
  return createHmac('sha256', keyOf(secret)).update(`${PREFIX}.${body}`).digest();
}

function idToText(id: string): string {
  return Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url');
}

function idFromText(text: string): string {
  const hex = Buffer.from(text, 'base64url').toString('hex');
  if (hex.length !== 32) throw new ConsistencyTokenError('the consistency token names a malformed event id');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function unique(events: Iterable<TokenEvent>): TokenEvent[] {
  const seen = new Map<string, TokenEvent>();
  for (const e of events) seen.set(e.id.toLowerCase(), { id: e.id.toLowerCase(), type: e.type });
  return [...seen.values()];
}

/**
 * Encodes and signs a token naming events: `c1.<payload>.<signature>`, both base64url; the payload groups
 * the event ids (16 bytes each) by type. Clients treat it as opaque.
 * @param secret - GATEWAY_SIGNING_SECRET
 * @param events - the events (duplicates are named once)
 * @returns the token, or undefined when there is no event or more than {@link MAX_TOKEN_EVENTS}
 */
export function encodeConsistencyToken(secret: string, events: Iterable<TokenEvent>): string | undefined {
  const list = unique(events);
  if (list.length === 0 || list.length > MAX_TOKEN_EVENTS) return undefined;
  const byType: Record<string, string[]> = {};
  for (const e of list) {
    if (!UUID.test(e.id) || !KNOWN_TYPES.has(e.type)) throw new Error(`not an event of the hub: ${e.type} ${e.id}`);
    (byType[e.type] ??= []).push(idToText(e.id));
  }
  const body = Buffer.from(JSON.stringify({ e: byType })).toString('base64url');
  return `${PREFIX}.${body}.${mac(secret, body).toString('base64url')}`;
}

/**
 * Checks a token's signature and reads the events it names. Types the running code does not know (a token issued
 * by a newer release) are left out: no route leads them to this service.
 * @param secret - GATEWAY_SIGNING_SECRET
 * @param token - the token as the client sent it
 * @returns the events
 * @throws ConsistencyTokenError when the token is malformed, too long or not signed by the hub
 */
export function decodeConsistencyToken(secret: string, token: string): TokenEvent[] {
  if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
    throw new ConsistencyTokenError('the consistency token is empty or too long');
  }
  const parts = token.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[A-Za-z0-9_-]+$/.test(parts[1]) || !/^[A-Za-z0-9_-]+$/.test(parts[2])) {
    throw new ConsistencyTokenError('the consistency token is malformed');
  }
  const expected = mac(secret, parts[1]);
  const given = Buffer.from(parts[2], 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new ConsistencyTokenError('the consistency token was not issued by the hub');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    throw new ConsistencyTokenError('the consistency token is malformed');
  }
  const byType = (parsed as { e?: unknown })?.e;
  if (!byType || typeof byType !== 'object' || Array.isArray(byType)) throw new ConsistencyTokenError('the consistency token is malformed');
  const events: TokenEvent[] = [];
  for (const [type, ids] of Object.entries(byType as Record<string, unknown>)) {
    if (!Array.isArray(ids) || ids.some((i) => typeof i !== 'string')) throw new ConsistencyTokenError('the consistency token is malformed');
    if (!KNOWN_TYPES.has(type)) continue;
    for (const id of ids as string[]) events.push({ id: idFromText(id), type: type as EventType });
  }
  return events;
}

/** What a merge of the tokens of one operation's subgraph answers gives. */
export interface MergedToken {
  /** The token naming every event of the operation (absent when there is none or too many). */
  token?: string;
  /** How many events the operation recorded, when they were too many for one token. */
  omitted?: number;
}

/**
 * Merges the tokens of the subgraph answers of one operation into one (the gateway answers it to the client).
 * Tokens that fail their signature are ignored: they did not come from a subgraph.
 * @param secret - GATEWAY_SIGNING_SECRET
 * @param tokens - the subgraph tokens
 * @param omitted - events named by subgraph answers too large for a token
 * @returns the merged token, or the count of events when they are too many
 */
export function mergeConsistencyTokens(secret: string, tokens: Iterable<string>, omitted = 0): MergedToken {
  const events: TokenEvent[] = [];
  for (const t of tokens) {
    try {
      events.push(...decodeConsistencyToken(secret, t));
    } catch {
      // not a subgraph's token: nothing to wait for
    }
  }
  const list = unique(events);
  if (omitted > 0 || list.length > MAX_TOKEN_EVENTS) return { omitted: omitted + list.length };
  return list.length ? { token: encodeConsistencyToken(secret, list) } : {};
}

/**
 * The events of a token that the given consumer queue applies (by EVENT_ROUTES), i.e. what a service with that
 * queue waits for.
 * @param events - the token's events
 * @param queue - the service's consumer queue
 * @returns the ids to wait for
 */
export function eventsRoutedTo(events: readonly TokenEvent[], queue: string): string[] {
  return events.filter((e) => EVENT_ROUTES.some((r) => r.queue === queue && r.accepts(e.type, EVENT_SOURCE[e.type]))).map((e) => e.id);
}

// ---- what one request records ---------------------------------------------------------------------------------

const recording = new AsyncLocalStorage<TokenEvent[]>();

/**
 * Runs one request's work, collecting the events it records through recordEvent (in its transactions or not:
 * the caller keeps only those that committed).
 * @param work - the request
 * @returns its result and the events recorded
 */
export async function collectRecordedEvents<T>(work: () => Promise<T>): Promise<{ result: T; recorded: TokenEvent[] }> {
  const recorded: TokenEvent[] = [];
  const result = await recording.run(recorded, work);
  return { result, recorded };
}

/**
 * Notes an event recorded by the current request (called by recordEvent; nothing outside a request).
 * @param event - the outbox row's id and type
 */
export function noteRecordedEvent(event: TokenEvent): void {
  recording.getStore()?.push(event);
}

// ---- waiting ----------------------------------------------------------------------------------------------------

/** Waits for consistency tokens, by service and outcome (`applied` at once, `waited` then applied, `timeout`). */
export const consistencyWaits = new Counter({
  name: 'hub_consistency_waits_total',
  help: 'Requests carrying a consistency token, by service and outcome (applied at once, waited, timeout)',
  labelNames: ['service', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Requests waiting for their token's events right now, by service. */
export const consistencyWaiting = new Gauge({
  name: 'hub_consistency_waiting',
  help: 'Requests waiting for the events of their consistency token, by service',
  labelNames: ['service'] as const,
  registers: [metricsRegistry],
});

/** Options of {@link awaitApplied}. */
export interface AwaitAppliedOptions {
  service: string;
  /** The ids to wait for. */
  ids: readonly string[];
  /** Which of `ids` the service's consumer has applied (its processed-event record). */
  applied(ids: readonly string[]): Promise<Set<string>>;
  /** The bound. */
  timeoutMs: number;
  /** Interval between checks. @default 20 */
  pollMs?: number;
}

/** How a wait ended. */
export type AwaitOutcome = { ok: true; waited: boolean } | { ok: false; pending: string[] };

/**
 * Waits until every id is applied, checking at `pollMs`, for at most `timeoutMs`.
 * @param o - options
 * @returns ok (and whether it had to wait), or the ids still pending when the bound passed
 */
export async function awaitApplied(o: AwaitAppliedOptions): Promise<AwaitOutcome> {
  let pending = [...o.ids];
  if (pending.length === 0) return { ok: true, waited: false };
  const done = await o.applied(pending);
  pending = pending.filter((id) => !done.has(id));
  if (pending.length === 0) {
    consistencyWaits.inc({ service: o.service, outcome: 'applied' });
    return { ok: true, waited: false };
  }
  const until = Date.now() + o.timeoutMs;
  consistencyWaiting.inc({ service: o.service });
  try {
    while (Date.now() < until) {
      await new Promise((r) => setTimeout(r, Math.min(o.pollMs ?? 20, Math.max(1, until - Date.now()))));
      const now = await o.applied(pending);
      pending = pending.filter((id) => !now.has(id));
      if (pending.length === 0) {
        consistencyWaits.inc({ service: o.service, outcome: 'waited' });
        return { ok: true, waited: true };
      }
    }
  } finally {
    consistencyWaiting.dec({ service: o.service });
  }
  consistencyWaits.inc({ service: o.service, outcome: 'timeout' });
  return { ok: false, pending };
}
