import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { DEV_JWT_SECRET } from '../config';
import { lifetimeProblem, signToken, TokenVerifier } from './verify';

const verifier = new TokenVerifier({ jwtSecret: DEV_JWT_SECRET, jwtMaxLifetimeS: 3600 });
const now = () => Math.floor(Date.now() / 1000);
/** An HS256 token with exactly these claims (jsonwebtoken would add or drop iat). */
const raw = (payload: Record<string, unknown>) => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${unsigned}.${createHmac('sha256', DEV_JWT_SECRET).update(unsigned).digest('base64url')}`;
};
const claims = { sub: 'sw-1', roles: ['SOCIAL_WORKER'], org: 'LA-NORTH' };

async function refusal(token: string): Promise<{ code?: string; message: string } | undefined> {
  try {
    await verifier.verify(token);
    return undefined;
  } catch (err) {
    return { code: (err as { extensions?: { code?: string } }).extensions?.code, message: (err as Error).message };
  }
}

describe('TokenVerifier: what a token must carry', () => {
  it('accepts a token signed by signToken within the lifetime', async () => {
    const p = await verifier.verify(signToken(DEV_JWT_SECRET, { sub: 'sw-1', roles: ['SOCIAL_WORKER'], org: 'LA-NORTH' }, 3600));
    expect(p).toMatchObject({ sub: 'sw-1', org: 'LA-NORTH', roles: ['SOCIAL_WORKER'] });
  });

  it.each([
    ['no exp at all (a token that never expires)', { ...claims, iat: now() }, 'expiry'],
    ['no exp and no iat', { ...claims }, 'expiry'],
    ['exp - iat over the limit', { ...claims, iat: now(), exp: now() + 3601 }, 'longer'],
    ['exp far ahead with an old iat', { ...claims, iat: now() - 10, exp: now() + 10 * 365 * 86400 }, 'longer'],
    ['exp far ahead, no iat', { ...claims, exp: now() + 7200 }, 'longer'],
    ['iat in the future to stretch the lifetime', { ...claims, iat: now() + 3000, exp: now() + 3500 }, 'future'],
    ['an empty org', { ...claims, org: '', iat: now(), exp: now() + 60 }, 'non-empty'],
    ['a whitespace org', { ...claims, org: '  \t', iat: now(), exp: now() + 60 }, 'non-empty'],
    ['a non-string org', { ...claims, org: 7, iat: now(), exp: now() + 60 }, 'non-empty'],
    ['an empty sub', { ...claims, sub: '', iat: now(), exp: now() + 60 }, 'non-empty'],
    ['a whitespace sub', { ...claims, sub: '   ', iat: now(), exp: now() + 60 }, 'non-empty'],
    ['no known role', { ...claims, roles: ['ROOT'], iat: now(), exp: now() + 60 }, 'role'],
  ])('refuses %s with UNAUTHENTICATED', async (_label, payload, why) => {
    const r = await refusal(raw(payload));
    expect(r?.code).toBe('UNAUTHENTICATED');
    expect(r?.message).toContain(why);
  });

  it('refuses an expired token and a token signed with another secret', async () => {
    expect((await refusal(raw({ ...claims, iat: now() - 120, exp: now() - 60 })))?.code).toBe('UNAUTHENTICATED');
    expect((await refusal(jwt.sign({ ...claims }, 'another-secret-of-sufficient-length!!', { expiresIn: 60 })))?.code).toBe('UNAUTHENTICATED');
  });

  it('defaults the limit to 12 hours: the 12-hour tokens of npm run token and the test helpers pass, 13 hours do not', async () => {
    const dflt = new TokenVerifier({ jwtSecret: DEV_JWT_SECRET });
    await expect(dflt.verify(signToken(DEV_JWT_SECRET, { sub: 'a', roles: ['ADMIN'], org: 'HUB' }))).resolves.toMatchObject({ sub: 'a' });
    await expect(dflt.verify(signToken(DEV_JWT_SECRET, { sub: 'a', roles: ['ADMIN'], org: 'HUB' }, 13 * 3600))).rejects.toMatchObject({
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });
});

describe('TokenVerifier: a verified token is remembered until its expiry, never past it', () => {
  const t0 = 1_900_000_000_000;
  const clocked = () => {
    const clock = { ms: t0 };
    return { clock, v: new TokenVerifier({ jwtSecret: DEV_JWT_SECRET, jwtMaxLifetimeS: 3600 }, () => clock.ms) };
  };
  const token = (exp: number, extra: Record<string, unknown> = {}) => raw({ ...claims, iat: t0 / 1000, exp, ...extra });

  it('answers a second use with the same principal, and each caller gets its own copy of it', async () => {
    const { v } = clocked();
    const tk = token(t0 / 1000 + 600);
    const first = await v.verify(tk);
    first.roles.push('ADMIN');
    first.org = 'LA-SOUTH';
    expect(await v.verify(tk)).toEqual({ sub: 'sw-1', roles: ['SOCIAL_WORKER'], org: 'LA-NORTH', name: undefined, token: tk });
  });

  it('refuses a remembered token once the clock reaches its exp, and keeps refusing it', async () => {
    const { clock, v } = clocked();
    const tk = token(t0 / 1000 + 600);
    await expect(v.verify(tk)).resolves.toMatchObject({ sub: 'sw-1' });
    clock.ms = t0 + 599_999;
    await expect(v.verify(tk)).resolves.toMatchObject({ sub: 'sw-1' });
    clock.ms = t0 + 600_000;
    await expect(v.verify(tk)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    clock.ms = t0 + 1000;
    // jsonwebtoken checks exp against the same clock, so a refused token is refused until it is valid again.
    await expect(v.verify(tk)).resolves.toMatchObject({ sub: 'sw-1' });
  });

  it('does not remember refusals: a token not yet valid (nbf) passes once its time comes', async () => {
    const { clock, v } = clocked();
    const tk = token(t0 / 1000 + 600, { nbf: t0 / 1000 + 60 });
    await expect(v.verify(tk)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    clock.ms = t0 + 60_000;
    await expect(v.verify(tk)).resolves.toMatchObject({ sub: 'sw-1' });
  });

  it('a different token with the same claims but a bad signature is still checked and refused', async () => {
    const { v } = clocked();
    const tk = token(t0 / 1000 + 600);
    await v.verify(tk);
    const forged = `${tk.slice(0, tk.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
    await expect(v.verify(forged)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
  });
});

describe('lifetimeProblem', () => {
  const t = 1_800_000_000;
  it('measures from iat and from now, whichever is stricter', () => {
    expect(lifetimeProblem({ iat: t, exp: t + 100 }, 100, t)).toBeUndefined();
    expect(lifetimeProblem({ iat: t - 50, exp: t + 100 }, 100, t)).toMatch(/longer/);
    expect(lifetimeProblem({ exp: t + 101 }, 100, t)).toMatch(/longer/);
    expect(lifetimeProblem({ iat: t + 30, exp: t + 100 }, 100, t)).toBeUndefined();
    expect(lifetimeProblem({ iat: 'yesterday' as unknown as number, exp: t + 10 }, 100, t)).toMatch(/iat/);
    expect(lifetimeProblem({ exp: Number.NaN }, 100, t)).toMatch(/expiry/);
  });
});
