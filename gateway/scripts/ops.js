#!/usr/bin/env node
/**
 * Operations on notifications through the hub's GraphQL ops API (the same checks, and the same ops audit, as any
 * other caller):
 *
 *   npm run ops -- failed [--rule IRO-N3-MISSING] [--first 50]       FAILED notifications, with each attempt
 *   npm run ops -- overdue [--first 50]                              undelivered notifications past their due time
 *   npm run ops -- retry ID                                          one FAILED notification, a fresh attempt budget
 *   npm run ops -- retry --rule IRO-N3-MISSING --since 2026-11-01 [--until 2026-11-30] [--authority LA-NORTH]
 *   npm run ops -- discard ID --reason "..."
 *   npm run ops -- audit [--first 20]                                the ops audit, newest first
 *
 * HUB_URL (default http://127.0.0.1:4000/graphql) and HUB_TOKEN (a bearer token with the role OPS). Without
 * HUB_TOKEN, outside production, a local OPS token is signed with JWT_SECRET (or the development default).
 * Add --json for the raw answer.
 */
'use strict';

const USAGE = `usage: npm run ops -- failed [--rule R] [--first N]
       npm run ops -- overdue [--first N]
       npm run ops -- retry ID
       npm run ops -- retry [--rule R] [--since DATE] [--until DATE] [--authority CODE]
       npm run ops -- discard ID --reason "..."
       npm run ops -- audit [--first N]
env: HUB_URL (default http://127.0.0.1:4000/graphql), HUB_TOKEN (role OPS; a local one is signed outside production)`;

function fail(message, code = 2) {
  process.stderr.write(`ops: ${message}\n`);
  if (code === 2) process.stderr.write(`${USAGE}\n`);
  process.exit(code);
}

const FLAGS = ['--rule', '--since', '--until', '--authority', '--reason', '--first'];

function parseArgs(argv) {
  const out = { positional: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    }
    if (a === '--json') {
      out.json = true;
      continue;
    }
    if (a.startsWith('--')) {
      if (!FLAGS.includes(a)) fail(`unknown option ${a}`);
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) fail(`${a} needs a value`);
      out[a.slice(2)] = v;
      i++;
      continue;
    }
    out.positional.push(a);
  }
  return out;
}

/** A date (YYYY-MM-DD, taken as midnight UTC) or an ISO instant, as an ISO instant. */
function instant(flag, value) {
  const s = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) fail(`${flag} must be a date (YYYY-MM-DD) or an ISO instant, got "${value}"`);
  return d.toISOString();
}

function first(args) {
  if (args.first === undefined) return 50;
  const n = Number(args.first);
  if (!Number.isInteger(n) || n < 1 || n > 200) fail(`--first must be 1–200, got "${args.first}"`);
  return n;
}

function token() {
  if (process.env.HUB_TOKEN) return process.env.HUB_TOKEN;
  const nodeEnv = process.env.NODE_ENV || 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'test') fail(`HUB_TOKEN is required with NODE_ENV=${nodeEnv}`, 1);
  let kit;
  try {
    require('reflect-metadata');
    kit = require('@hub/service-kit');
  } catch (err) {
    fail(`HUB_TOKEN is not set and @hub/service-kit cannot sign a local one (${err.message.split('\n')[0]}); run npm run build`, 1);
  }
  const config = kit.loadHubConfig(process.env);
  if (!config.jwtSecret) fail('HUB_TOKEN is not set and JWT_SECRET is not configured (tokens come from the identity provider)', 1);
  return kit.signToken(config.jwtSecret, { sub: `ops-cli-${process.env.USER || 'local'}`, roles: ['OPS'], org: process.env.HUB_ORG || 'HUB-OPS', name: 'ops command' }, 900);
}

async function call(query, variables) {
  const url = process.env.HUB_URL || 'http://127.0.0.1:4000/graphql';
  let res;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}`, 'x-request-id': `ops-cli-${Date.now()}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (err) {
    fail(`cannot reach the hub at ${url}: ${err.cause?.message ?? err.message}`, 1);
  }
  const body = await res.json().catch(() => fail(`the hub answered HTTP ${res.status} without JSON`, 1));
  if (body.errors?.length) {
    for (const e of body.errors) process.stderr.write(`ops: ${e.extensions?.code ?? 'ERROR'}: ${e.message}\n`);
    process.exit(1);
  }
  return body.data;
}

const NOTIFICATION_FIELDS = `id ruleId status attempts lastError createdAt dueAt overdue eventType
  recipient { kind code name } child { id } attemptLog { at outcome error durationMs }`;

function printNotifications(conn) {
  process.stdout.write(`${conn.totalCount} in all; ${conn.edges.length} shown\n`);
  for (const { node: n } of conn.edges) {
    process.stdout.write(`${n.id}  ${n.ruleId}  ${n.status}${n.overdue ? ' OVERDUE' : ''}  to ${n.recipient.kind} ${n.recipient.code ?? ''}  child ${n.child?.id ?? '-'}  created ${n.createdAt}  due ${n.dueAt}\n`);
    for (const a of n.attemptLog) process.stdout.write(`    ${a.at}  ${a.outcome}  ${a.durationMs} ms${a.error ? `  ${a.error}` : ''}\n`);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const [command, id, ...extra] = args.positional;
  if (extra.length) fail(`unexpected ${extra.join(' ')}`);
  const out = (data, print) => (args.json ? process.stdout.write(`${JSON.stringify(data, null, 2)}\n`) : print(data));
  switch (command) {
    case 'failed':
    case 'overdue': {
      const filter = command === 'failed' ? 'status: FAILED' : 'overdue: true';
      const data = await call(`query Ops($rule: String, $first: Int) { notifications(${filter}, ruleId: $rule, first: $first) {
        totalCount edges { node { ${NOTIFICATION_FIELDS} } } } }`, { rule: args.rule ?? null, first: first(args) });
      return out(data.notifications, printNotifications);
    }
    case 'retry': {
      if (id) {
        if (args.rule || args.since || args.until || args.authority) fail('retry takes an ID or a scope, not both');
        const data = await call('mutation Ops($id: ID!) { retryNotification(id: $id) { id status } }', { id });
        return out(data.retryNotification, (n) => process.stdout.write(`${n.id} ${n.status}\n`));
      }
      if (!args.rule && !args.since && !args.authority) fail('a bulk retry needs a scope: --rule, --since or --authority');
      const filter = {
        ruleId: args.rule ?? null,
        placingAuthority: args.authority ?? null,
        createdAfter: args.since ? instant('--since', args.since) : null,
        createdBefore: args.until ? instant('--until', args.until) : null,
      };
      const data = await call('mutation Ops($filter: RetryNotificationsFilter!) { retryNotifications(filter: $filter) }', { filter });
      return out(data, (d) => process.stdout.write(`${d.retryNotifications} notification(s) retried\n`));
    }
    case 'discard': {
      if (!id) fail('discard needs the notification ID');
      if (!args.reason || !args.reason.trim()) fail('discard needs --reason "..."');
      const data = await call('mutation Ops($id: ID!, $reason: String!) { discardNotification(id: $id, reason: $reason) { id status discardReason } }', { id, reason: args.reason });
      return out(data.discardNotification, (n) => process.stdout.write(`${n.id} ${n.status}: ${n.discardReason}\n`));
    }
    case 'audit': {
      const data = await call('query Ops($first: Int!) { opsActions(first: $first) { at action sub org target scope count reason } }', { first: first(args) });
      return out(data.opsActions, (rows) => {
        for (const r of rows) process.stdout.write(`${r.at}  ${r.action}  by ${r.sub} (${r.org})  ${r.target ?? ''}  ${r.count}  ${r.scope}${r.reason ? `  "${r.reason}"` : ''}\n`);
      });
    }
    default:
      fail(command ? `unknown command ${command}` : 'a command is required');
  }
}

main().catch((err) => fail(err.stack || String(err), 1));
