import fs from 'node:fs';
import path from 'node:path';

// js-yaml is present as a dependency of the lint toolchain; it has no bundled types.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface Service {
  ports?: string[];
  environment?: Record<string, string>;
  command?: string[];
  healthcheck?: { test: string[] };
  image?: string;
}

const ROOT = path.resolve(__dirname, '../../..');
const compose = yaml.load(fs.readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const { postgres, redis, gateway } = compose.services;
/** The hub's own containers: every service from the one image, each subgraph as an API and a worker. */
const hubServices = Object.entries(compose.services).filter(([, s]) => s.image === 'care-hub');

describe('docker-compose.yml', () => {
  it('publishes no port beyond the loopback interface', () => {
    for (const [name, s] of Object.entries(compose.services)) {
      for (const p of s.ports ?? []) expect({ name, port: p }).toEqual({ name, port: expect.stringMatching(/^127\.0\.0\.1:\d+:\d+$/) });
    }
  });

  it('gives Redis a password from a required variable, and its health check uses it', () => {
    expect(redis.command!.join(' ')).toMatch(/--requirepass "\$\$REDIS_PASSWORD"/);
    expect(redis.environment!.REDIS_PASSWORD).toBe('${REDIS_PASSWORD:?set REDIS_PASSWORD}');
    expect(redis.healthcheck!.test.join(' ')).toContain('REDISCLI_AUTH');
    for (const [, hub] of hubServices) expect(hub.environment!.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?[^}]*\}@redis:6379$/);
  });

  it('takes the PostgreSQL password from a required variable, never a committed one', () => {
    expect(postgres.environment!.POSTGRES_PASSWORD).toMatch(/^\$\{POSTGRES_PASSWORD:\?/);
    for (const [, hub] of hubServices) expect(hub.environment!.DATABASE_URL).toMatch(/^postgres:\/\/postgres:\$\{POSTGRES_PASSWORD:\?[^}]*\}@postgres:5432\//);
  });

  it('runs the hub in production with its secrets from the environment and no demo data', () => {
    for (const [, hub] of hubServices) {
      const env = hub.environment!;
      expect(env.NODE_ENV).toBe('production');
      expect(env.GATEWAY_SIGNING_SECRET).toMatch(/^\$\{GATEWAY_SIGNING_SECRET:\?/);
      expect(env.JWT_SECRET).toBe('${JWT_SECRET:-}');
      expect(env.JWKS_URL).toBe('${JWKS_URL:-}');
      // Each service runs on its own: no launcher, so no demo data.
      expect(hub.command!.join(' ')).not.toMatch(/npm start|launch|NODE_ENV=development/);
    }
  });

  it('runs each service in a container of its own, every subgraph as an API and a worker', () => {
    const commands = hubServices.map(([, s]) => s.command!.join(' ')).sort();
    expect(commands).toEqual([
      'children --role api', 'children --role worker', 'gateway', 'notifications --role api', 'notifications --role worker',
      'plans --role api', 'plans --role worker', 'reviews --role api', 'reviews --role worker',
    ]);
    expect(gateway.environment!.PLANS_URL).toBe('http://plans:4002/graphql');
    // Only the gateway (and the state, for `npm start` on the host) is published.
    expect(hubServices.filter(([, s]) => s.ports?.length).map(([name]) => name)).toEqual(['gateway']);
  });

  it('commits no secret values: .env.example has every variable empty', () => {
    const example = fs.readFileSync(path.join(ROOT, '.env.example'), 'utf8');
    const values = example.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => l.split('=')[1]);
    expect(values.length).toBeGreaterThanOrEqual(5);
    expect(values.every((v) => v === '')).toBe(true);
  });
});
