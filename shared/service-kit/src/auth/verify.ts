import jwt, { JwtPayload } from 'jsonwebtoken';
import jwksRsa from 'jwks-rsa';
import { DEFAULT_JWT_MAX_LIFETIME_S, HubConfig } from '../config';
import { AuthenticationError } from '../graphql/errors';
import { Principal, ROLES, Role } from './principal';

/** What a verifier needs from the configuration. */
export type AuthConfig = Pick<HubConfig, 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'> & Partial<Pick<HubConfig, 'jwtMaxLifetimeS'>>;

/** Clock skew tolerated on `iat` (a token issued "in the future" by a few seconds is fine). */
const IAT_SKEW_S = 60;

/**
 * Checks the time claims the signature check leaves optional: `exp` must be present, and the token may not live
 * longer than `maxLifetimeS`, measured from `iat` (when present, and not in the future) and from now.
 * @param payload - the verified payload
 * @param maxLifetimeS - the longest lifetime accepted
 * @param nowS - the current time in seconds
 * @returns why the token is refused, or undefined when it is acceptable
 */
export function lifetimeProblem(payload: JwtPayload, maxLifetimeS: number, nowS = Math.floor(Date.now() / 1000)): string | undefined {
  if (typeof payload.exp !== 'number' || !Number.isFinite(payload.exp)) return 'the token must carry an expiry (exp)';
  if (payload.iat !== undefined) {
    if (typeof payload.iat !== 'number' || !Number.isFinite(payload.iat)) return 'the token has an invalid iat';
    if (payload.iat > nowS + IAT_SKEW_S) return 'the token was issued in the future (iat)';
    if (payload.exp - payload.iat > maxLifetimeS) return `the token lives longer than the ${maxLifetimeS} s allowed`;
  }
  if (payload.exp - nowS > maxLifetimeS) return `the token lives longer than the ${maxLifetimeS} s allowed`;
  return undefined;
}

const nonBlank = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** How many verified tokens a verifier remembers (the oldest is forgotten first). */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Verifies bearer tokens: HS256 with a shared secret (local use) or RS256/ES256 against a JWKS (production).
 *
 * A token that passed is remembered until its `exp` (at most {@link VERIFIED_TOKEN_CACHE_SIZE} of them), so the
 * gateway and each subgraph verify a caller's token once rather than on every request: every check made here
 * depends only on the token's bytes and the clock, and each one that passed stays passed until `exp` except the
 * expiry itself, which is checked on every use. Only successes are remembered; a refused token is checked again.
 */
export class TokenVerifier {
  private readonly jwks?: jwksRsa.JwksClient;
  private readonly verified = new Map<string, { principal: Principal; expMs: number }>();
  private readonly now: () => number;

  /**
   * @param config - secret or JWKS, issuer, audience and the longest lifetime accepted
   * @param clock - the current time in milliseconds (tests move it). @default Date.now
   */
  constructor(
    private readonly config: AuthConfig,
    clock: () => number = Date.now,
  ) {
    this.now = clock;
    if (config.jwksUrl) {
      this.jwks = jwksRsa({ jwksUri: config.jwksUrl, cache: true, rateLimit: true, jwksRequestsPerMinute: 10 });
    }
    if (!config.jwksUrl && !config.jwtSecret) throw new Error('TokenVerifier needs jwksUrl or jwtSecret');
  }

  /**
   * Verifies an `Authorization` header value.
   * @param header - e.g. `Bearer eyJ...`; missing or malformed gives UNAUTHENTICATED
   * @returns the principal
   */
  async verifyHeader(header: string | null | undefined): Promise<Principal> {
    const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
    if (!m) throw new AuthenticationError();
    return this.verify(m[1]);
  }

  /**
   * Verifies a token and reads the hub's claims.
   * @param token - the compact JWT
   * @returns the principal
   */
  async verify(token: string): Promise<Principal> {
    const known = this.verified.get(token);
    if (known) {
      if (this.now() < known.expMs) return { ...known.principal, roles: [...known.principal.roles] };
      this.verified.delete(token);
    }
    const { principal, exp } = await this.check(token);
    if (this.verified.size >= VERIFIED_TOKEN_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { principal, expMs: exp * 1000 });
    return { ...principal, roles: [...principal.roles] };
  }

  /** The full check: signature, issuer, audience, expiry, lifetime and the hub's claims. */
  private async check(token: string): Promise<{ principal: Principal; exp: number }> {
    let payload: JwtPayload;
    try {
      payload = await new Promise<JwtPayload>((resolve, reject) => {
        const key: jwt.Secret | jwt.GetPublicKeyOrSecret = this.jwks
          ? (header, cb) => {
              this.jwks!.getSigningKey(header.kid).then((k) => cb(null, k.getPublicKey()), (e) => cb(e as Error));
            }
          : this.config.jwtSecret!;
        jwt.verify(
          token,
          key,
          {
            clockTimestamp: Math.floor(this.now() / 1000),
            algorithms: this.jwks ? ['RS256', 'ES256', 'PS256'] : ['HS256'],
            issuer: this.config.jwtIssuer,
            audience: this.config.jwtAudience,
          },
          (err, decoded) => (err || !decoded || typeof decoded === 'string' ? reject(err ?? new Error('bad token')) : resolve(decoded)),
        );
      });
    } catch {
      throw new AuthenticationError('the bearer token is invalid or expired');
    }
    const expired = lifetimeProblem(payload, this.config.jwtMaxLifetimeS ?? DEFAULT_JWT_MAX_LIFETIME_S, Math.floor(this.now() / 1000));
    if (expired) throw new AuthenticationError(expired);
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r)) : [];
    if (!nonBlank(payload.sub) || !nonBlank(payload.org) || roles.length === 0) {
      throw new AuthenticationError('the token must carry a non-empty sub and org and at least one known role');
    }
    const principal = { sub: payload.sub, roles, org: payload.org, name: typeof payload.name === 'string' ? payload.name : undefined, token };
    // lifetimeProblem has checked that exp is a finite number.
    return { principal, exp: payload.exp as number };
  }
}

/**
 * Signs a local HS256 token (development and tests only).
 * @param secret - the shared secret
 * @param claims - subject, roles, organisation and optional name
 * @param expiresIn - lifetime in seconds
 * @returns a compact JWT
 * @example signToken(secret, { sub: 'sw-1', roles: ['SOCIAL_WORKER'], org: 'LA-NORTH' })
 */
export function signToken(
  secret: string,
  claims: { sub: string; roles: Role[]; org: string; name?: string },
  expiresIn = DEFAULT_JWT_MAX_LIFETIME_S,
): string {
  return jwt.sign({ roles: claims.roles, org: claims.org, name: claims.name }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn,
  });
}
