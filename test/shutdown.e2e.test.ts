/**
 * A clean stop, with real processes: each built service entry point (subgraphs/*\/dist/main.js,
 * gateway/dist/main.js) and the `npm start` launcher (shared/launcher/dist/hub.js) are spawned against a fresh
 * database and the local Redis; a SIGTERM (a service) or a Ctrl-C (SIGINT to the launcher's process group) must
 * end every process within 10 s, with exit code 0. Nothing is built here: `.ci/run` builds before jest.
 */
import { spawn, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freshDatabase, TEST_REDIS } from '@hub/service-kit/testing';

const ROOT = path.resolve(__dirname, '..');
const SUBGRAPHS = [
  { name: 'children', portVar: 'CHILDREN_PORT', urlVar: 'CHILDREN_URL' },
  { name: 'plans', portVar: 'PLANS_PORT', urlVar: 'PLANS_URL' },
  { name: 'reviews', portVar: 'REVIEWS_PORT', urlVar: 'REVIEWS_URL' },
  { name: 'notifications', portVar: 'NOTIFICATIONS_PORT', urlVar: 'NOTIFICATIONS_URL' },
] as const;
const ENTRY_POINTS = [...SUBGRAPHS.map((s) => path.join(ROOT, 'subgraphs', s.name, 'dist/main.js')), path.join(ROOT, 'gateway/dist/main.js'), path.join(ROOT, 'shared/launcher/dist/hub.js')];
const missing = ENTRY_POINTS.filter((p) => !fs.existsSync(p));
const STOP_WITHIN_MS = 10_000;

if (missing.length) {
  console.warn(`shutdown.e2e: skipped, run \`npm run build\` first (missing ${missing.map((p) => path.relative(ROOT, p)).join(', ')})`);
}
const describeBuilt = missing.length ? describe.skip : describe;

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

interface Spawned {
  child: ChildProcess;
  output: () => string;
}

function start(script: string, env: NodeJS.ProcessEnv, detached = false): Spawned {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached });
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  return { child, output: () => out };
}

async function waitReady(url: string, s: Spawned, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (s.child.exitCode !== null) throw new Error(`exited (${s.child.exitCode}) before ${url} was ready:\n${s.output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) throw new Error(`${url} not ready within ${timeoutMs} ms:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The exit code, or 'still running' if the process has not exited within the limit. */
function exitWithin(child: ChildProcess, ms: number): Promise<number | string | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode ?? child.signalCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve('still running'), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code ?? signal);
    });
  });
}

/** A completed request over a kept-alive connection, so the server holds an idle keep-alive socket (as the gateway does). */
async function holdKeepAliveSocket(url: string, agent: http.Agent): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve());
      })
      .on('error', reject);
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Every descendant of `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      /* gone meanwhile */
    }
  }
  const out: number[] = [];
  const walk = (p: number) => (parents.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

async function goneWithin(pids: number[], ms: number): Promise<number[]> {
  const until = Date.now() + ms;
  for (;;) {
    const left = pids.filter(alive);
    if (left.length === 0 || Date.now() > until) return left;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describeBuilt('clean stop of real processes', () => {
  const spawned: Spawned[] = [];
  let db: Awaited<ReturnType<typeof freshDatabase>>;

  beforeAll(async () => {
    db = await freshDatabase('shutdown');
  });

  afterAll(async () => {
    for (const s of spawned) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await db.drop();
  });

  it('every service finishes and exits 0 within 10 s of SIGTERM, idle keep-alive connections notwithstanding', async () => {
    const common = { NODE_ENV: 'development', DATABASE_URL: db.url, REDIS_URL: TEST_REDIS, LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
    const env: Record<string, string> = { ...common };
    const services: Array<{ name: string; s: Spawned; base: string }> = [];
    // One at a time: each applies its migrations, and the first creates the database.
    for (const g of SUBGRAPHS) {
      const port = await freePort();
      env[g.urlVar] = `http://127.0.0.1:${port}/graphql`;
      const s = start(path.join(ROOT, 'subgraphs', g.name, 'dist/main.js'), { ...common, [g.portVar]: String(port) });
      spawned.push(s);
      await waitReady(`http://127.0.0.1:${port}/readiness`, s);
      services.push({ name: g.name, s, base: `http://127.0.0.1:${port}` });
    }
    const gatewayPort = await freePort();
    const gw = start(path.join(ROOT, 'gateway/dist/main.js'), { ...env, GATEWAY_PORT: String(gatewayPort) });
    spawned.push(gw);
    await waitReady(`http://127.0.0.1:${gatewayPort}/readiness`, gw);

    const agent = new http.Agent({ keepAlive: true });
    for (const { base } of [{ base: `http://127.0.0.1:${gatewayPort}` }, ...services]) await holdKeepAliveSocket(`${base}/healthcheck`, agent);

    const results: Record<string, number | string | null> = {};
    for (const { name, s } of [{ name: 'gateway', s: gw }, ...services]) {
      s.child.kill('SIGTERM');
      results[name] = await exitWithin(s.child, STOP_WITHIN_MS);
    }
    agent.destroy();
    expect(results).toEqual({ gateway: 0, children: 0, plans: 0, reviews: 0, notifications: 0 });
  });

  it('Ctrl-C under the launcher stops every process it started within 10 s and exits 0', async () => {
    const ports = await Promise.all([0, 1, 2, 3, 4].map(() => freePort()));
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-launch-'));
    const launcher = start(
      path.join(ROOT, 'shared/launcher/dist/hub.js'),
      {
        NODE_ENV: 'development',
        DATABASE_URL: db.url,
        REDIS_URL: TEST_REDIS,
        HUB_DEMO_DATA: '0',
        HUB_DATA_DIR: dataDir,
        GATEWAY_PORT: String(ports[0]),
        CHILDREN_PORT: String(ports[1]),
        PLANS_PORT: String(ports[2]),
        REVIEWS_PORT: String(ports[3]),
        NOTIFICATIONS_PORT: String(ports[4]),
      },
      true, // its own process group, so the SIGINT below reaches the launcher and its children as Ctrl-C does
    );
    spawned.push(launcher);
    await waitReady(`http://127.0.0.1:${ports[0]}/readiness`, launcher);
    const started = descendants(launcher.child.pid!);
    expect(started.length).toBeGreaterThanOrEqual(5);

    process.kill(-launcher.child.pid!, 'SIGINT');
    const code = await exitWithin(launcher.child, STOP_WITHIN_MS);
    const left = await goneWithin(started, 500);
    left.forEach((pid) => process.kill(pid, 'SIGKILL'));
    fs.rmSync(dataDir, { recursive: true, force: true });
    expect({ code, left }).toEqual({ code: 0, left: [] });
  });
});
