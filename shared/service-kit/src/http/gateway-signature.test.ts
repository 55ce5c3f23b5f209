import { signGatewayConnection, signGatewayRequest, verifyGatewayConnection, verifyGatewaySignature, SignedRequest } from './gateway-signature';

const secret = 'a-shared-secret-of-at-least-32-characters';
const at = 1_700_000_000_000;
const request: SignedRequest = {
  method: 'POST',
  target: '/graphql',
  authorization: 'Bearer token-a',
  requestId: 'req-1',
  body: '{"query":"{ children { totalCount } }"}',
};

function check(changed: Partial<SignedRequest>, o: { now?: number; secret?: string } = {}) {
  const h = signGatewayRequest(o.secret ?? secret, request, at);
  return verifyGatewaySignature(secret, { timestamp: h['x-hub-timestamp'], signature: h['x-hub-signature'] }, { ...request, ...changed }, { now: o.now ?? at });
}

describe('gateway signatures', () => {
  it('accepts what was signed, as a string or as the received bytes', () => {
    expect(check({})).toEqual({ ok: true });
    expect(check({ body: Buffer.from(request.body as string) })).toEqual({ ok: true });
  });

  it.each([
    { why: 'another body', changed: { body: '{"query":"{ overdue { ruleId } }"}' } },
    { why: 'another token', changed: { authorization: 'Bearer token-b' } },
    { why: 'another method', changed: { method: 'GET' } },
    { why: 'another target (query string)', changed: { target: '/graphql?query=%7Ba%7D' } },
    { why: 'another request id', changed: { requestId: 'req-2' } },
    { why: 'no body', changed: { body: undefined } },
  ])('refuses $why as MISMATCH (403)', ({ changed }) => {
    expect(check(changed)).toMatchObject({ ok: false, status: 403, code: 'GATEWAY_SIGNATURE_INVALID', reason: 'MISMATCH' });
  });

  it("covers the caller's operation name when one is forwarded: added, removed or changed, it no longer verifies", () => {
    const named = { ...request, operation: 'Caseload' };
    const h = signGatewayRequest(secret, named, at);
    const verify = (r: SignedRequest) => verifyGatewaySignature(secret, { timestamp: h['x-hub-timestamp'], signature: h['x-hub-signature'] }, r, { now: at });
    expect(verify(named)).toEqual({ ok: true });
    expect(verify({ ...named, operation: 'Other' })).toMatchObject({ reason: 'MISMATCH' });
    expect(verify(request)).toMatchObject({ reason: 'MISMATCH' });
    expect(check({ operation: 'Caseload' })).toMatchObject({ reason: 'MISMATCH' });
    // A call signed without one keeps the signature it always had.
    expect(check({ operation: '' })).toEqual({ ok: true });
  });

  it('refuses a signature made with another secret', () => {
    expect(check({}, { secret: 'not-the-shared-secret-but-long-enough!!' })).toMatchObject({ reason: 'MISMATCH' });
  });

  it.each([
    { skewMs: 60_000, ok: true, why: 'exactly the allowed skew, late' },
    { skewMs: -60_000, ok: true, why: 'exactly the allowed skew, early' },
    { skewMs: 60_001, ok: false, why: 'past the allowed skew (a replay)' },
    { skewMs: -60_001, ok: false, why: 'too far in the future' },
  ])('bounds the clock skew: $why', ({ skewMs, ok }) => {
    const r = check({}, { now: at + skewMs });
    expect(r.ok).toBe(ok);
    if (!ok) expect(r).toMatchObject({ status: 403, reason: 'EXPIRED' });
  });

  it.each([
    { sent: {}, expected: { status: 401, code: 'GATEWAY_SIGNATURE_REQUIRED', reason: 'MISSING' }, why: 'no headers' },
    { sent: { timestamp: String(at) }, expected: { status: 403, reason: 'MALFORMED' }, why: 'a timestamp alone' },
    { sent: { timestamp: 'yesterday', signature: `v1=${'0'.repeat(64)}` }, expected: { status: 403, reason: 'MALFORMED' }, why: 'a non-numeric timestamp' },
    { sent: { timestamp: String(at), signature: 'v1=abc' }, expected: { status: 403, reason: 'MALFORMED' }, why: 'a short signature' },
    { sent: { timestamp: String(at), signature: ['v1=', 'v1='] }, expected: { status: 403, reason: 'MALFORMED' }, why: 'a repeated header' },
    { sent: { timestamp: String(at), signature: `v1=${'0'.repeat(64)}` }, expected: { status: 403, reason: 'MISMATCH' }, why: 'a forged signature' },
  ])('refuses $why', ({ sent, expected }) => {
    expect(verifyGatewaySignature(secret, sent, request, { now: at })).toMatchObject({ ok: false, ...expected });
  });

  it('signs WebSocket connections separately from HTTP requests', () => {
    const params = { authorization: 'Bearer token-a', 'x-request-id': 'req-1', ...signGatewayConnection(secret, 'Bearer token-a', 'req-1', at) };
    expect(verifyGatewayConnection(secret, params, { now: at })).toEqual({ ok: true });
    // header names are case-insensitive, as in an upgrade request
    expect(verifyGatewayConnection(secret, { Authorization: 'Bearer token-a', 'X-Request-Id': 'req-1', 'X-Hub-Timestamp': params['x-hub-timestamp'], 'X-Hub-Signature': params['x-hub-signature'] }, { now: at })).toEqual({ ok: true });
    expect(verifyGatewayConnection(secret, { ...params, authorization: 'Bearer token-b' }, { now: at })).toMatchObject({ reason: 'MISMATCH' });
    expect(verifyGatewayConnection(secret, { authorization: 'Bearer token-a' }, { now: at })).toMatchObject({ status: 401, reason: 'MISSING' });
    // a connection signature does not authorise an HTTP request with an empty body
    const http = verifyGatewaySignature(secret, { timestamp: params['x-hub-timestamp'], signature: params['x-hub-signature'] }, { method: 'GET', target: '', authorization: 'Bearer token-a', requestId: 'req-1' }, { now: at });
    expect(http).toMatchObject({ reason: 'MISMATCH' });
  });
});
