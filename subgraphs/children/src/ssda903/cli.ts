#!/usr/bin/env node
/**
 * The SSDA903 return from the command line, through the gateway:
 *
 *   npm run ssda903:export -- --authority LA-NORTH --year 2025-26 --out dir/
 *
 * HUB_URL (default http://127.0.0.1:$GATEWAY_PORT/graphql) is the gateway; HUB_TOKEN a bearer token of the
 * authority's case system or a manager. Without HUB_TOKEN, outside production, a development LA_SYSTEM token is
 * signed with JWT_SECRET (or the development secret).
 */
import 'reflect-metadata';
import { loadHubConfig, signToken } from '@hub/service-kit';
import { exportReturn, gatewayPost } from './export';

const USAGE = 'usage: npm run ssda903:export -- --authority <CODE> --year <2025-26> --out <dir>';

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

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { flags } = args(rest);
  if (command === 'export') return runExport(flags);
  throw new Error(USAGE);
}

if (require.main === module) {
  main().then((code) => process.exit(code), (err: Error) => {
    process.stderr.write(`ssda903: ${err.message}\n`);
    process.exit(1);
  });
}
