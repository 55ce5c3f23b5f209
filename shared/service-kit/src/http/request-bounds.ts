import type http from 'node:http';

/** A request id is kept only when it is short and plain, so it is safe in logs, headers and the audit table. */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Longest operation name accepted (the audit table's column is this wide). */
export const MAX_OPERATION_NAME_LENGTH = 128;

/** Default request body limit of the gateway (GATEWAY_MAX_BODY_BYTES). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * A client's request id when it is safe to keep, else undefined (the server then generates one).
 * @param value - the `x-request-id` header value (node gives an array for repeated headers)
 * @returns the id, or undefined
 * @example safeRequestId('req-1') // 'req-1'; safeRequestId('a'.repeat(65)) // undefined
 */
export function safeRequestId(value: string | string[] | null | undefined): string | undefined {
  return typeof value === 'string' && SAFE_REQUEST_ID.test(value) ? value : undefined;
}

/** The outcome of {@link readBoundedBody}. */
export type BoundedBody = { ok: true; body: Buffer } | { ok: false; tooLarge: true; received: number };

/**
 * Reads a request body of at most `maxBytes`. Past the limit it keeps reading and discarding, so the client
 * finishes sending and can read the 413 that follows instead of seeing its connection reset; a client that
 * keeps sending past `drainBytes` has its socket destroyed (the promise then settles as too large).
 * @param req - the request
 * @param maxBytes - the limit
 * @param drainBytes - how much to discard before giving up on the client. @default 16 × maxBytes, at least 16 MiB
 * @returns the body, or `tooLarge`
 * @example const r = await readBoundedBody(req, 1 << 20); if (!r.ok) return sendPayloadTooLarge(res, 1 << 20);
 */
export function readBoundedBody(req: http.IncomingMessage, maxBytes: number, drainBytes = Math.max(16 * maxBytes, 16 << 20)): Promise<BoundedBody> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    let received = 0;
    let tooLarge = Number.isFinite(declared) && declared > maxBytes;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      received += c.length;
      if (received > maxBytes) tooLarge = true;
      if (tooLarge) {
        chunks.length = 0;
        if (received > drainBytes) {
          req.destroy();
          resolve({ ok: false, tooLarge: true, received });
        }
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(tooLarge ? { ok: false, tooLarge: true, received } : { ok: true, body: Buffer.concat(chunks) }));
    req.on('error', (err) => (tooLarge ? resolve({ ok: false, tooLarge: true, received }) : reject(err)));
  });
}

/**
 * Answers a GraphQL error as JSON with a stable code and closes the connection afterwards.
 * @param res - the response
 * @param status - HTTP status
 * @param code - `extensions.code`
 * @param message - a message with no internals
 * @param extra - more extensions
 * @param close - send `Connection: close` (after a discarded body)
 */
export function sendGraphQLError(
  res: http.ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
  close = false,
): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...(close ? { connection: 'close' } : {}),
  });
  res.end(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));
}

/**
 * The 413 both servers send for an oversized body: PAYLOAD_TOO_LARGE with the limit, then the connection closes.
 * @param res - the response
 * @param maxBytes - the limit that was exceeded
 */
export function sendPayloadTooLarge(res: http.ServerResponse, maxBytes: number): void {
  sendGraphQLError(res, 413, 'PAYLOAD_TOO_LARGE', `the request body exceeds ${maxBytes} bytes`, { limit: maxBytes }, true);
}
