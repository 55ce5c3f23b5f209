import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signature (X-Hub-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">)', () => {
  const body = '{"id":"n1"}';
  it('signs "<timestamp>.<body>" with HMAC-SHA256', () => {
    const expected = createHmac('sha256', 'k'.repeat(16)).update(`1798000000.${body}`).digest('hex');
    expect(signWebhook('k'.repeat(16), body, 1798000000)).toBe(`t=1798000000,v1=${expected}`);
  });
  it.each([
    { secret: 'k'.repeat(16), body, now: 1798000010, ok: true, why: 'valid and fresh' },
    { secret: 'x'.repeat(16), body, now: 1798000010, ok: false, why: 'wrong secret' },
    { secret: 'k'.repeat(16), body: '{"id":"n2"}', now: 1798000010, ok: false, why: 'tampered body' },
    { secret: 'k'.repeat(16), body, now: 1798000301, ok: false, why: 'older than five minutes (replay)' },
  ])('$why', ({ secret, body: b, now, ok }) => {
    expect(verifyWebhook(secret, b, signWebhook('k'.repeat(16), body, 1798000000), now)).toBe(ok);
  });
});
