import jwt, { JwtPayload } from 'jsonwebtoken';
import jwksRsa from 'jwks-rsa';
import type { HubConfig } from '../config';
import { AuthenticationError } from '../graphql/errors';
import { Principal, ROLES, Role } from './principal';

/** What a verifier needs from the configuration. */
export type AuthConfig = Pick<HubConfig, 'jwtSecret' | 'jwksUrl' | 'jwtIssuer' | 'jwtAudience'>;

/** Verifies bearer tokens: HS256 with a shared secret (local use) or RS256/ES256 against a JWKS (production). */
export class TokenVerifier {
  private readonly jwks?: jwksRsa.JwksClient;

  constructor(private readonly config: AuthConfig) {
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
    const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is Role => ROLES.includes(r)) : [];
    if (!payload.sub || typeof payload.org !== 'string' || roles.length === 0) {
      throw new AuthenticationError('the token must carry sub, org and at least one known role');
    }
    return { sub: payload.sub, roles, org: payload.org, name: typeof payload.name === 'string' ? payload.name : undefined, token };
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
  expiresIn = 12 * 3600,
): string {
  return jwt.sign({ roles: claims.roles, org: claims.org, name: claims.name }, secret, {
    algorithm: 'HS256',
    subject: claims.sub,
    expiresIn,
  });
}
