/**
 * Real processes for end-to-end tests: services started from their TypeScript entry points (through run-ts.js, no
 * build needed), a redis-server of the test's own, free ports, readiness waits and a clean stop of everything.
 */
import { spawn, ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
const RUN_TS = path.join(ROOT, 'test/harness/run-ts.js');

export const SUBGRAPHS = [
  { name: 'children', portVar: 'CHILDREN_PORT', urlVar: 'CHILDREN_URL' },
  { name: 'plans', portVar: 'PLANS_PORT', urlVar: 'PLANS_URL' },
  { name: 'reviews', portVar: 'REVIEWS_PORT', urlVar: 'REVIEWS_URL' },
  { name: 'notifications', portVar: 'NOTIFICATIONS_PORT', urlVar: 'NOTIFICATIONS_URL' },
] as const;

export interface Spawned {
  name: string;
  child: ChildProcess;
  output: () => string;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

/** Processes started by one test file, stopped together by {@link Processes.stopAll}. */
export class Processes {
  readonly spawned: Spawned[] = [];

  start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Spawned {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
    child.stderr!.on('data', (c: Buffer) => (out = (out + c.toString()).slice(-20_000)));
    const s = { name, child, output: () => out };
    this.spawned.push(s);
    return s;
  }

  /** A service's TypeScript entry point, e.g. `subgraphs/plans/src/main.ts`, with extra arguments (`--role worker`). */
  service(name: string, entry: string, env: NodeJS.ProcessEnv, args: string[] = []): Spawned {
    return this.start(name, process.execPath, ['-r', RUN_TS, path.join(ROOT, entry), ...args], env);
  }

  /** A redis-server of the test's own (no persistence). */
  async redis(): Promise<string> {
    const port = await freePort();
    const s = this.start('redis', 'redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1']);
    await waitFor('redis listening', () => new Promise<boolean>((resolve) => {
      const c = net.connect(port, '127.0.0.1', () => (c.destroy(), resolve(true)));
      c.on('error', () => resolve(false));
    }), s, 10_000);
    return `redis://127.0.0.1:${port}`;
  }

  /** SIGTERM to every process still running (SIGKILL after 10 s). */
  async stopAll(): Promise<void> {
    await Promise.all(this.spawned.map((s) => stop(s)));
  }
}

/**
 * Stops one process: SIGTERM, then SIGKILL after `graceMs`.
 * @param s - the process
 * @param graceMs - how long to wait for a clean exit
 */
export async function stop(s: Spawned, graceMs = 10_000): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const gone = new Promise((r) => s.child.once('exit', r));
  s.child.kill('SIGTERM');
  const fuse = setTimeout(() => s.child.kill('SIGKILL'), graceMs);
  await gone;
  clearTimeout(fuse);
}

/**
 * Polls until `probe` answers true.
 * @param what - for the error
 * @param probe - the check
 * @param s - a process whose exit ends the wait with its output
 * @param timeoutMs - the limit
 */
export async function waitFor(what: string, probe: () => Promise<boolean>, s?: Spawned, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (s && s.child.exitCode !== null) throw new Error(`${s.name} exited (${s.child.exitCode}) before ${what}:\n${s.output()}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > until) throw new Error(`${what}: not within ${timeoutMs} ms${s ? `\n${s.output()}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits for a URL to answer 200. */
export const ready = (url: string, s: Spawned, timeoutMs?: number) => waitFor(`${url} ready`, async () => (await fetch(url)).ok, s, timeoutMs);
