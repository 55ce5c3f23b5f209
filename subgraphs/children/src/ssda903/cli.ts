#!/usr/bin/env node
/**
 * The SSDA903 return from the command line, through the gateway:
 *
 *   npm run ssda903:export -- --authority LA-NORTH --year 2025-26 --out dir/
 *   npm run ssda903:import -- --authority LA-NORTH [--provider PRV-ID] [--year 2025-26] dir/
 *
 * HUB_URL (default http://127.0.0.1:$GATEWAY_PORT/graphql) is the gateway; HUB_TOKEN a bearer token of the
 * authority's case system or a manager. Without HUB_TOKEN, outside production, a development LA_SYSTEM token is
 * signed with JWT_SECRET (or the development secret).
 */
import 'reflect-metadata';
import { loadHubConfig, signToken } from '@hub/service-kit';
import { exportReturn, gatewayPost } from './export';
import { importReturn, readReturnFiles } from './import';

const USAGE = 'usage: npm run ssda903:export -- --authority <CODE> --year <2025-26> --out <dir>\n       npm run ssda903:import -- --authority <CODE> [--provider <id>] [--year <2025-26>] <dir>';

function args(argv: string[]): { flags: Record<string, string>; rest: string[] } {
  const flags: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i].startsWith('--')) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new Error(`${argv[i]} needs a value`);
      flags[argv[i].slice(2)] = value;
      i++;
    } else rest.push(argv[i]);
  }
  return { flags, rest };
}

/**
 * The bearer token: HUB_TOKEN, or a development LA_SYSTEM token for the authority.
 * @param authority - the authority code
 * @returns the token
 */
export function cliToken(authority: string): string {
  if (process.env.HUB_TOKEN) return process.env.HUB_TOKEN;
  const nodeEnv = process.env.NODE_ENV || 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'test') throw new Error('HUB_TOKEN is required outside development');
  const config = loadHubConfig(process.env);
  if (!config.jwtSecret) throw new Error('HUB_TOKEN is required (JWKS_URL is set: tokens come from the identity provider)');
  return signToken(config.jwtSecret, { sub: `ssda903-${authority.toLowerCase()}`, roles: ['LA_SYSTEM'], org: authority, name: 'SSDA903 command' }, 3600);
}

/** The gateway URL. */
export function cliUrl(): string {
  return process.env.HUB_URL || `http://127.0.0.1:${process.env.GATEWAY_PORT || 4000}/graphql`;
}

async function runExport(flags: Record<string, string>): Promise<number> {
  const { authority, year, out } = flags;
  if (!authority || !year || !out) throw new Error(USAGE);
  const r = await exportReturn(gatewayPost(cliUrl(), cliToken(authority)), authority, year, out);
  for (const f of r.files) process.stdout.write(`wrote ${out.replace(/\/$/, '')}/${f.fileName}: ${f.rows} row(s)\n`);
  for (const o of r.omitted) process.stdout.write(`left out ${o.fileName}: ${o.reason}\n`);
  const count = r.issues.reduce((n, c) => n + c.issues.length, 0);
  for (const c of r.issues) for (const i of c.issues) process.stdout.write(`issue ${c.caseReference ?? c.childId} (${c.name}): ${i.code} ${i.table}.${i.field}: ${i.message}\n`);
  process.stdout.write(`${count} issue(s) for ${r.issues.length} child(ren)${count ? ': fix the records (Query.ssda903Issues) and export again' : ''}\n`);
  return count ? 2 : 0;
}

/**
 * A progress bar on a terminal (one line, redrawn), one line per child otherwise (logs, CI).
 * @param out - where to write
 * @returns the progress callback
 */
export function progressWriter(out: NodeJS.WriteStream): (step: string, done: number, total: number, child: string, outcome: string) => void {
  return (step, done, total, child, outcome) => {
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round((done / Math.max(total, 1)) * width);
      out.write(`\r${step.padEnd(8)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${child} ${outcome}`.padEnd(100).slice(0, 100));
      if (done === total) out.write('\n');
    } else out.write(`${step} ${done}/${total} ${child}: ${outcome}\n`);
  };
}

async function runImport(flags: Record<string, string>, rest: string[]): Promise<number> {
  const { authority, provider, year } = flags;
  const dir = rest[0];
  if (!authority || !dir || rest.length > 1) throw new Error(USAGE);
  const files = await readReturnFiles(dir);
  const r = await importReturn(gatewayPost(cliUrl(), cliToken(authority)), files, { defaultProvider: provider, year, progress: progressWriter(process.stdout) });
  const count = (o: string) => r.children.filter((c) => c.outcome === o).length;
  const held = r.children.reduce((n, c) => n + c.reviewsHeld, 0);
  for (const x of r.refused) process.stdout.write(`refused ${x.file} line ${x.line}${x.child ? ` (CHILD ${x.child})` : ''}: ${x.reason}\n`);
  process.stdout.write(`${count('CREATED')} child(ren) created, ${count('UPDATED')} updated, ${count('UNCHANGED')} unchanged; ${held} review(s) recorded; ${r.refused.length} row(s) refused\n`);
  return r.refused.length ? 2 : 0;
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { flags, rest: positional } = args(rest);
  if (command === 'export') return runExport(flags);
  if (command === 'import') return runImport(flags, positional);
  throw new Error(USAGE);
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err: Error) => {
    process.stderr.write(`ssda903: ${err.message}\n`);
    process.exit(1);
  });
}
