#!/usr/bin/env node
/**
 * Prints a development bearer token (HS256, signed with JWT_SECRET or the development default).
 *
 *   npm run token -- --role SOCIAL_WORKER --org LA-NORTH [--role TEAM_MANAGER ...] [--sub someone] [--name "…"] [--hours 12]
 *
 * Refused when NODE_ENV=production: production tokens come from the identity provider.
 */
'use strict';

require('reflect-metadata');

const USAGE =
  'usage: npm run token -- --role <ROLE> [--role <ROLE> ...] --org <ORG> [--sub <id>] [--name "<name>"] [--hours <n>]';

function fail(message) {
  process.stderr.write(`token: ${message}\n${USAGE}\n`);
  process.exit(1);
}

function parseArgs(argv) {
  const out = { roles: [] };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (!['--role', '--org', '--sub', '--name', '--hours'].includes(flag)) fail(`unknown argument ${flag}`);
    if (value === undefined || value.startsWith('--')) fail(`${flag} needs a value`);
    i++;
    if (flag === '--role') out.roles.push(value);
    else out[flag.slice(2)] = value;
  }
  return out;
}

function main() {
  const nodeEnv = process.env.NODE_ENV || 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'test') {
    fail(`refusing to sign a development token with NODE_ENV=${nodeEnv}`);
  }
  const args = parseArgs(process.argv.slice(2));
  let kit;
  try {
    kit = require('@hub/service-kit');
  } catch (err) {
    fail(`cannot load @hub/service-kit (${err.message.split('\n')[0]}). Build the workspace first: npm run build`);
  }
  const config = kit.loadHubConfig(process.env);
  if (!config.jwtSecret) fail('JWT_SECRET is not set (JWKS_URL is set: tokens must come from the identity provider)');
  if (!args.roles.length) fail('at least one --role is required');
  const unknown = args.roles.filter((r) => !kit.ROLES.includes(r));
  if (unknown.length) fail(`unknown role(s) ${unknown.join(', ')}; known: ${kit.ROLES.join(', ')}`);
  if (!args.org) fail('--org is required (a local authority code or a provider id)');
  if (!args.org.trim()) fail('--org must not be blank');
  const maxHours = config.jwtMaxLifetimeS / 3600;
  const hours = args.hours === undefined ? Math.min(12, maxHours) : Number(args.hours);
  if (!(hours > 0) || !Number.isFinite(hours)) fail(`--hours must be a positive number, got "${args.hours}"`);
  if (hours > maxHours) fail(`--hours may be at most ${maxHours} (JWT_MAX_LIFETIME_S=${config.jwtMaxLifetimeS}); longer tokens are refused`);
  if (args.sub !== undefined && !args.sub.trim()) fail('--sub must not be blank');
  const sub = args.sub || `dev-${args.roles[0].toLowerCase().replace(/_/g, '-')}`;
  const token = kit.signToken(config.jwtSecret, { sub, roles: args.roles, org: args.org, name: args.name }, Math.round(hours * 3600));
  process.stdout.write(`${token}\n`);
}

main();
