/**
 * `npm start`: the whole hub on one machine. Ensures PostgreSQL and Redis (embedded or started when none
 * answers), starts the four subgraphs and the gateway as child processes (each applies its own migrations),
 * loads the demo data once, and prints what to do next. Ctrl-C stops everything it started.
 */
import 'reflect-metadata';
import { spawn, ChildProcess } from 'node:child_process';
import path from 'node:path';
import fs from 'node:fs';
import { loadHubConfig, portFrom } from '@hub/service-kit';
import { ensurePostgres, ensureRedis, Started, stopProcess } from './infrastructure';
import { devToken, seedDemoData } from './demo-data';

const ROOT = path.resolve(__dirname, '../../..');
const SERVICES = [
  { name: 'children', env: 'CHILDREN_PORT', port: 4001 },
  { name: 'plans', env: 'PLANS_PORT', port: 4002 },
  { name: 'reviews', env: 'REVIEWS_PORT', port: 4003 },
  { name: 'notifications', env: 'NOTIFICATIONS_PORT', port: 4004 },
];

/** A service that exits this many times within the window stops the hub instead of being started again. */
const RESTART_LIMIT = 5;
const RESTART_WINDOW_MS = 60_000;

/** How long a service may take to stop before it is killed (each stops itself within 10 s). */
const CHILD_GRACE_MS = 10_000;

const say = (s: string) => process.stdout.write(`[hub] ${s}\n`);

async function waitReady(url: string, what: string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    if (Date.now() > until) throw new Error(`${what} did not become ready at ${url} within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function run(name: string, script: string, env: NodeJS.ProcessEnv, verbose: boolean): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) => chunk.toString().split('\n').filter(Boolean).map((l) => `[${name}] ${l}\n`).join('');
  child.stdout?.on('data', (c: Buffer) => verbose && process.stdout.write(prefix(c)));
  child.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  return child;
}

async function main() {
  const config = loadHubConfig();
  const dataDir = path.resolve(process.env.HUB_DATA_DIR ?? path.join(ROOT, '.data'));
  fs.mkdirSync(dataDir, { recursive: true });
  const started: Started[] = [];
  const children: ChildProcess[] = [];
  let gatewayProcess: ChildProcess | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    // The gateway first (no new work), then the subgraphs (each finishes its work in flight and exits), then what
    // the launcher started for them (Redis, the embedded PostgreSQL), which they used until they exited.
    await stopProcess(gatewayProcess, 'SIGTERM', CHILD_GRACE_MS);
    await Promise.all(children.map((c) => stopProcess(c, 'SIGTERM', CHILD_GRACE_MS)));
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    process.exit(code);
  };
  /**
   * Starts a service and starts it again when it exits on its own (a crash, a kill): its siblings keep running, and
   * its work waits in the database and the queues meanwhile. Stops the hub only when it keeps crashing
   * (RESTART_LIMIT exits within RESTART_WINDOW_MS).
   */
  const supervise = (name: string, spawnIt: () => ChildProcess, onStart: (c: ChildProcess) => void = () => undefined) => {
    const exits: number[] = [];
    const launch = () => {
      const c = spawnIt();
      children.push(c);
      onStart(c);
      c.once('exit', (code, signal) => {
        children.splice(children.indexOf(c), 1);
        if (stopping) return;
        const now = Date.now();
        exits.push(now);
        while (exits.length && exits[0] < now - RESTART_WINDOW_MS) exits.shift();
        if (exits.length >= RESTART_LIMIT) {
          say(`${name} exited ${exits.length} times within ${RESTART_WINDOW_MS / 1000} s (last: ${code ?? signal}); stopping`);
          return void stop(1);
        }
        const delay = Math.min(500 * 2 ** (exits.length - 1), 5000);
        say(`${name} exited (${code ?? signal}); starting it again in ${delay} ms`);
        setTimeout(() => !stopping && launch(), delay);
      });
    };
    launch();
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    const pg = await ensurePostgres(config.databaseUrl, dataDir, say);
    if (pg.started) started.push(pg.started);
    const redis = await ensureRedis(config.redisUrl, dataDir, say);
    if (redis.started) started.push(redis.started);
    const verbose = process.env.HUB_VERBOSE === '1';
    const host = process.env.HOST ?? '127.0.0.1';
    const baseEnv = { ...process.env, DATABASE_URL: pg.url, REDIS_URL: redis.url, NODE_ENV: config.nodeEnv, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', HOST: host };
    const urls: Record<string, string> = {};
    for (const s of SERVICES) {
      const port = portFrom(process.env, s.env, s.port);
      urls[s.name] = `http://${host}:${port}`;
      supervise(s.name, () => run(s.name, path.join(ROOT, 'subgraphs', s.name, 'dist/main.js'), { ...baseEnv, [s.env]: String(port) }, verbose));
    }
    await Promise.all(SERVICES.map((s) => waitReady(`${urls[s.name]}/readiness`, s.name)));
    const gatewayPort = portFrom(process.env, 'GATEWAY_PORT', 4000);
    supervise('gateway', () => run('gateway', path.join(ROOT, 'gateway/dist/main.js'), {
      ...baseEnv,
      GATEWAY_PORT: String(gatewayPort),
      CHILDREN_URL: `${urls.children}/graphql`,
      PLANS_URL: `${urls.plans}/graphql`,
      REVIEWS_URL: `${urls.reviews}/graphql`,
      NOTIFICATIONS_URL: `${urls.notifications}/graphql`,
    }, verbose), (c) => (gatewayProcess = c));
    const gatewayUrl = `http://${host}:${gatewayPort}`;
    await waitReady(`${gatewayUrl}/readiness`, 'gateway');

    if (process.env.HUB_DEMO_DATA !== '0') {
      const post = async (query: string, variables: Record<string, unknown>, token: string) => {
        const r = await fetch(`${gatewayUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
        return (await r.json()) as { data?: any; errors?: any[] };
      };
      const created = await seedDemoData(post);
      say(created ? `demo data: ${created} fictional children loaded` : 'demo data: already loaded');
    }
    const token = devToken(['SOCIAL_WORKER'], 'LA-NORTH', 'sw-demo');
    process.stdout.write(`
The Care Planning Hub is running.

  GraphQL (and GraphiQL): ${gatewayUrl}/graphql
  Health:                 ${gatewayUrl}/healthcheck   ${gatewayUrl}/readiness

A development token (social worker, LA-NORTH; valid 12 hours; more with \`npm run token -- --role TEAM_MANAGER --org LA-NORTH\`):

  ${token}

A first query:

  curl -s ${gatewayUrl}/graphql -H 'content-type: application/json' \\
    -H "authorization: Bearer ${token}" \\
    -d '{"query":"{ children(first: 3) { totalCount edges { node { name dateOfBirth placingAuthority { name } currentPlacement { startedAt provider { name } } deadlines { ruleId dueAt status } nextReview { dueBy } notifications { ruleId status } } } } }"}'

Press Ctrl-C to stop.
`);
  } catch (err) {
    process.stderr.write(`[hub] ${(err as Error).message}\n`);
    await stop(1);
  }
}

void main();
