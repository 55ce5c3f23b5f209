import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signs a webhook body. The header is `X-Hub-Signature: t=<unix seconds>,v1=<hex>` where
 * `v1 = HMAC-SHA256(secret, "<t>.<raw body>")`. Receivers recompute it over the raw body, compare in constant
 * time, and refuse a `t` older than a few minutes (replay protection). `Idempotency-Key` (the notification id)
 * lets them drop a redelivery.
 * @param secret - the endpoint's shared secret
 * @param body - the exact request body
 * @param unixSeconds - the timestamp to sign
 * @returns the header value
 * @example signWebhook('s3cret', '{"id":"…"}', 1798000000) // 't=1798000000,v1=…'
 */
export function signWebhook(secret: string, body: string, unixSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${v1}`;
}

/**
 * Verifies an `X-Hub-Signature` header (what a receiver does; used by the tests).
 * @param secret - the shared secret
 * @param body - the raw body received
 * @param header - the header value
 * @param nowSeconds - the receiver's clock
 * @param toleranceSeconds - the oldest timestamp accepted. @default 300
 * @returns true when the signature is valid and fresh
 */
export function verifyWebhook(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || !parts.v1 || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhook(secret, body, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return expected.length === given.length && timingSafeEqual(expected, given);
}
