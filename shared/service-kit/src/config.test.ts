import { ConfigError, DEFAULT_JWT_MAX_LIFETIME_S, DEV_JWT_SECRET, loadHubConfig } from './config';

const strong = 'x'.repeat(24) + 'y'.repeat(24);
const signing = 'z'.repeat(40);

describe('loadHubConfig: secrets outside development', () => {
  it.each(['production', 'staging', 'prod', 'Production', 'preprod'])('NODE_ENV=%s is production-like: no default secret', (nodeEnv) => {
    expect(() => loadHubConfig({ NODE_ENV: nodeEnv, GATEWAY_SIGNING_SECRET: signing })).toThrow(ConfigError);
    expect(() => loadHubConfig({ NODE_ENV: nodeEnv, GATEWAY_SIGNING_SECRET: signing, JWT_SECRET: DEV_JWT_SECRET })).toThrow(/development JWT secret/);
    expect(() => loadHubConfig({ NODE_ENV: nodeEnv, GATEWAY_SIGNING_SECRET: signing, JWT_SECRET: 'short-secret' })).toThrow(/at least 32/);
    expect(() => loadHubConfig({ NODE_ENV: nodeEnv, GATEWAY_SIGNING_SECRET: signing, JWT_SECRET: ' '.repeat(40) })).toThrow(/at least 32/);
    const c = loadHubConfig({ NODE_ENV: nodeEnv, GATEWAY_SIGNING_SECRET: signing, JWT_SECRET: strong });
    expect(c).toMatchObject({ nodeEnv: 'production', jwtSecret: strong });
    expect(loadHubConfig({ NODE_ENV: nodeEnv, GATEWAY_SIGNING_SECRET: signing, JWKS_URL: 'https://idp.example/jwks' })).toMatchObject({
      nodeEnv: 'production',
      jwtSecret: undefined,
      jwksUrl: 'https://idp.example/jwks',
    });
  });

  it.each(['development', 'test', undefined, ''])('NODE_ENV=%s gets the development secret', (nodeEnv) => {
    const c = loadHubConfig(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv });
    expect(c.jwtSecret).toBe(DEV_JWT_SECRET);
    expect(c.nodeEnv).toBe(nodeEnv || 'development');
  });

  it('reads JWT_MAX_LIFETIME_S (default 12 h) and refuses nonsense', () => {
    expect(loadHubConfig({ NODE_ENV: 'test' }).jwtMaxLifetimeS).toBe(DEFAULT_JWT_MAX_LIFETIME_S);
    expect(loadHubConfig({ NODE_ENV: 'test', JWT_MAX_LIFETIME_S: '900' }).jwtMaxLifetimeS).toBe(900);
    for (const bad of ['0', '-1', '1.5', 'day']) expect(() => loadHubConfig({ NODE_ENV: 'test', JWT_MAX_LIFETIME_S: bad })).toThrow(ConfigError);
  });

  it('refuses a JWKS_URL that is not http(s)', () => {
    expect(() => loadHubConfig({ NODE_ENV: 'test', JWKS_URL: 'file:///etc/keys' })).toThrow(/JWKS_URL/);
  });

  it('reads CONSISTENCY_TIMEOUT_MS (default 5 s, 1 to 60000)', () => {
    expect(loadHubConfig({ NODE_ENV: 'test' }).consistencyTimeoutMs).toBe(5000);
    expect(loadHubConfig({ NODE_ENV: 'test', CONSISTENCY_TIMEOUT_MS: '250' }).consistencyTimeoutMs).toBe(250);
    for (const bad of ['0', '-1', '1.5', 'soon', '60001']) {
      expect(() => loadHubConfig({ NODE_ENV: 'test', CONSISTENCY_TIMEOUT_MS: bad })).toThrow(/CONSISTENCY_TIMEOUT_MS/);
    }
  });
});
