import path from 'node:path';
import { loadGatewayConfig, persistedOptions } from './config';

const dir = '/srv/gateway';

describe('loadGatewayConfig', () => {
  it('has defaults that need no configuration', () => {
    const c = loadGatewayConfig({ NODE_ENV: 'test' }, dir);
    expect(c).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      supergraphPath: path.join(dir, 'supergraph.graphql'),
      subgraphUrls: {},
      persistedMode: 'off',
      maxBodyBytes: 1024 * 1024,
      corsOrigins: undefined,
    });
    expect(c.limits).toEqual({ rateLimit: undefined });
    expect(c.hub.gatewaySigningSecret).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the body limit and the CORS allow-list', () => {
    const c = loadGatewayConfig(
      { NODE_ENV: 'test', GATEWAY_MAX_BODY_BYTES: '65536', CORS_ORIGINS: 'https://case.example.gov.uk, http://localhost:3000' },
      dir,
    );
    expect(c).toMatchObject({ maxBodyBytes: 65536, corsOrigins: ['https://case.example.gov.uk', 'http://localhost:3000'] });
  });

  it('treats any NODE_ENV other than development or test as production: no default token secret, no short one', () => {
    const signing = { GATEWAY_SIGNING_SECRET: 'g'.repeat(40) };
    expect(() => loadGatewayConfig({ NODE_ENV: 'staging', ...signing }, dir)).toThrow(/JWKS_URL/);
    expect(() => loadGatewayConfig({ NODE_ENV: 'staging', ...signing, JWT_SECRET: 'too-short' }, dir)).toThrow(/at least 32/);
    expect(loadGatewayConfig({ NODE_ENV: 'staging', ...signing, JWT_SECRET: 's'.repeat(40) }, dir).hub.nodeEnv).toBe('production');
  });

  it('needs its own signing secret in production and refuses the development one', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: 's'.repeat(40) };
    expect(() => loadGatewayConfig(prod, dir)).toThrow(/GATEWAY_SIGNING_SECRET/);
    const dev = loadGatewayConfig({ NODE_ENV: 'test' }, dir).hub.gatewaySigningSecret;
    expect(() => loadGatewayConfig({ ...prod, GATEWAY_SIGNING_SECRET: dev }, dir)).toThrow(/development gateway signing secret is refused/);
    expect(() => loadGatewayConfig({ ...prod, GATEWAY_SIGNING_SECRET: 'short' }, dir)).toThrow(/at least 32 characters/);
    expect(loadGatewayConfig({ ...prod, GATEWAY_SIGNING_SECRET: 'p'.repeat(48) }, dir).hub.gatewaySigningSecret).toBe('p'.repeat(48));
  });

  it('reads ports, URLs, limits and the persisted-operation mode', () => {
    const c = loadGatewayConfig(
      {
        NODE_ENV: 'test',
        GATEWAY_PORT: '4100',
        HOST: '0.0.0.0',
        PLANS_URL: 'http://plans:4002/graphql',
        GATEWAY_MAX_DEPTH: '10',
        GATEWAY_RATE_LIMIT: '50',
        PERSISTED_OPERATIONS_MODE: 'required',
        PERSISTED_OPERATIONS_PATH: '/etc/ops.json',
      },
      dir,
    );
    expect(c).toMatchObject({ port: 4100, host: '0.0.0.0', subgraphUrls: { plans: 'http://plans:4002/graphql' }, persistedMode: 'required' });
    expect(c.limits).toMatchObject({ maxDepth: 10, rateLimit: { requests: 50, windowMs: 10_000 } });
  });

  it('turns the rate limit off with GATEWAY_RATE_LIMIT=off', () => {
    expect(loadGatewayConfig({ NODE_ENV: 'test', GATEWAY_RATE_LIMIT: 'off' }, dir).limits.rateLimit).toBe(false);
  });

  it.each([
    { env: { GATEWAY_PORT: 'x' }, error: /GATEWAY_PORT/, why: 'a non-numeric port' },
    { env: { CHILDREN_URL: 'children:4001' }, error: /CHILDREN_URL must be an http/, why: 'a URL without scheme' },
    { env: { GATEWAY_MAX_COST: '0' }, error: /GATEWAY_MAX_COST must be a positive integer/, why: 'a zero limit' },
    { env: { PERSISTED_OPERATIONS_MODE: 'strict' }, error: /PERSISTED_OPERATIONS_MODE must be one of/, why: 'an unknown mode' },
    { env: { PERSISTED_OPERATIONS_MODE: 'required' }, error: /needs PERSISTED_OPERATIONS_PATH/, why: 'a mode without a store' },
    { env: { GATEWAY_MAX_BODY_BYTES: '-5' }, error: /GATEWAY_MAX_BODY_BYTES must be a positive integer/, why: 'a negative body limit' },
    { env: { CORS_ORIGINS: '*' }, error: /CORS_ORIGINS: "\*" is not an origin/, why: 'a wildcard origin' },
    { env: { CORS_ORIGINS: 'https://a.example/path' }, error: /CORS_ORIGINS/, why: 'an origin with a path' },
  ])('refuses $why', ({ env, error }) => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'test', ...env }, dir)).toThrow(error);
  });
});

describe('persistedOptions', () => {
  it('accepts an object of documents and refuses anything else', () => {
    expect(persistedOptions({ abc: '{ a }' }, 'required')).toEqual({ mode: 'required', store: { abc: '{ a }' } });
    expect(() => persistedOptions(['{ a }'], 'required')).toThrow(/JSON object/);
    expect(() => persistedOptions({ abc: 1 }, 'required')).toThrow(/"abc" must be a non-empty string/);
  });
});
