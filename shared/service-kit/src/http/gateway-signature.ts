import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header (and WebSocket connectionParam) carrying `v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-hub-signature';
/** Header (and WebSocket connectionParam) carrying the signing time in milliseconds since the epoch. */
export const TIMESTAMP_HEADER = 'x-hub-timestamp';
/**
 * Header carrying the caller's operation name on a forwarded call (for the audit log): the planner's own name
 * for the subgraph operation, if any, is not the caller's. Covered by the signature when present.
 */
export const OPERATION_HEADER = 'x-hub-operation';
/** How far a signature's timestamp may be from the verifier's clock, either way. */
export const DEFAULT_MAX_SKEW_MS = 60_000;

/**
 * What a gateway signature covers. For HTTP: the method, the request target (path and query string), the
 * `Authorization` and `x-request-id` values and the exact body bytes. For a WebSocket connection: method `WS`,
 * an empty target and body, and the `authorization` / `x-request-id` connectionParams.
 */
export interface SignedRequest {
  method: string;
  target: string;
  authorization?: string | null;
  requestId?: string | null;
  /** The caller's operation name ({@link OPERATION_HEADER}), when the gateway forwards one. */
  operation?: string | null;
  body?: string | Uint8Array | null;
}

/** Why a signature was refused: 401 when absent, 403 when present but wrong. */
export type SignatureFailure =
  | { ok: false; status: 401; code: 'GATEWAY_SIGNATURE_REQUIRED'; reason: 'MISSING' }
  | { ok: false; status: 403; code: 'GATEWAY_SIGNATURE_INVALID'; reason: 'MALFORMED' | 'EXPIRED' | 'MISMATCH' };

function digest(secret: string, timestamp: string, r: SignedRequest): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(['v1', timestamp, r.method.toUpperCase(), r.target, r.authorization ?? '', r.requestId ?? '', ''].join('\n'));
  // Only when present, so calls signed without one (WebSocket connections, other signers) keep their signatures.
  if (r.operation) hmac.update(`operation:${r.operation}\n`);
  if (r.body) hmac.update(r.body);
  return `v1=${hmac.digest('hex')}`;
}

/**
 * Signs a request the gateway forwards to a subgraph.
 * @param secret - GATEWAY_SIGNING_SECRET
 * @param r - what to sign
 * @param now - the signing time in milliseconds. @default Date.now()
 * @returns the two headers to add
 * @example fetch(url, { method: 'POST', body, headers: { ...headers, ...signGatewayRequest(secret, { method: 'POST', target: '/graphql', body }) } })
 */
export function signGatewayRequest(secret: string, r: SignedRequest, now = Date.now()): Record<typeof TIMESTAMP_HEADER | typeof SIGNATURE_HEADER, string> {
  const timestamp = String(Math.floor(now));
  return { [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: digest(secret, timestamp, r) };
}

/**
 * Checks a gateway signature: present, well-formed, within the clock skew, and equal (in constant time) to the
 * HMAC of what was received.
 * @param secret - GATEWAY_SIGNING_SECRET
 * @param sent - the timestamp and signature values received
 * @param r - what was received
 * @param o - the verifier's clock and the allowed skew
 * @returns `{ ok: true }` or the refusal
 */
export function verifyGatewaySignature(
  secret: string,
  sent: { timestamp?: unknown; signature?: unknown },
  r: SignedRequest,
  o: { now?: number; maxSkewMs?: number } = {},
): { ok: true } | SignatureFailure {
  const { timestamp, signature } = sent;
  if ((timestamp === undefined || timestamp === '') && (signature === undefined || signature === '')) {
    return { ok: false, status: 401, code: 'GATEWAY_SIGNATURE_REQUIRED', reason: 'MISSING' };
  }
  if (typeof timestamp !== 'string' || !/^\d{1,15}$/.test(timestamp) || typeof signature !== 'string' || !/^v1=[0-9a-f]{64}$/.test(signature)) {
    return { ok: false, status: 403, code: 'GATEWAY_SIGNATURE_INVALID', reason: 'MALFORMED' };
  }
  const expected = Buffer.from(digest(secret, timestamp, r));
  const match = timingSafeEqual(expected, Buffer.from(signature));
  if (!match) return { ok: false, status: 403, code: 'GATEWAY_SIGNATURE_INVALID', reason: 'MISMATCH' };
  if (Math.abs((o.now ?? Date.now()) - Number(timestamp)) > (o.maxSkewMs ?? DEFAULT_MAX_SKEW_MS)) {
    return { ok: false, status: 403, code: 'GATEWAY_SIGNATURE_INVALID', reason: 'EXPIRED' };
  }
  return { ok: true };
}

/**
 * The connectionParams (or upgrade headers) a gateway adds when it opens a WebSocket to a subgraph.
 * @param secret - GATEWAY_SIGNING_SECRET
 * @param authorization - the caller's `Authorization` value
 * @param requestId - the request id sent alongside
 * @param now - the signing time. @default Date.now()
 * @returns the timestamp and signature params
 */
export function signGatewayConnection(secret: string, authorization: string, requestId: string, now = Date.now()) {
  return signGatewayRequest(secret, { method: 'WS', target: '', authorization, requestId }, now);
}

/**
 * Checks a WebSocket connection's gateway signature (for a subgraph's graphql-ws `onConnect`): `connectionParams`
 * first, the upgrade request's headers otherwise.
 * @param secret - GATEWAY_SIGNING_SECRET
 * @param params - the connectionParams, or the upgrade request's headers
 * @param o - clock and skew
 * @returns `{ ok: true }` or the refusal
 */
export function verifyGatewayConnection(
  secret: string,
  params: Record<string, unknown>,
  o: { now?: number; maxSkewMs?: number } = {},
): { ok: true } | SignatureFailure {
  const get = (name: string): string | undefined => {
    for (const [k, v] of Object.entries(params)) if (k.toLowerCase() === name && typeof v === 'string') return v;
    return undefined;
  };
  return verifyGatewaySignature(
    secret,
    { timestamp: get(TIMESTAMP_HEADER), signature: get(SIGNATURE_HEADER) },
    { method: 'WS', target: '', authorization: get('authorization'), requestId: get('x-request-id') },
    o,
  );
}
