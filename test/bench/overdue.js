#!/usr/bin/env node
/**
 * npm run bench:overdue — loads England's whole looked-after population (85,000 children by default) into the
 * plans service's ledger and times Query.overdue: for one authority (HTTP, through the subgraph's GraphQL
 * endpoint with a token), for one provider (HTTP), and nationally (the same SQL without the authority filter;
 * no API role may read every authority's children).
 *
 * One template child is built through the real event handler (ChildRegistered, PeriodOfCareStarted,
 * PlacementStarted, VisitRecorded), then its rows are copied in bulk with SQL to 85,000 children across 153
 * authorities and 2,500 providers, with their dates spread over the past 200 days.
 *
 * The national count reads the per-day counts the ledger's triggers keep (nationalOverdueCount); it is timed beside
 * the plain count(*) over the open rows. The tables are ANALYZEd after loading, never VACUUMed, as a ledger just
 * filled in bulk would be.
 *
 *   npm run bench:overdue [-- --children 85000 --runs 200 --unmet 0.1]      (--unmet 1: every deadline unmet)
 */
require('../harness/run-ts.js');
require('reflect-metadata');
const { randomUUID } = require('node:crypto');
const { Client } = require('pg');
const kit = require('@hub/service-kit');
const { gql } = require('@hub/service-kit/testing');
const { plansSubgraph } = require('@hub/plans');
const { nationalOverdueCount } = require('../../subgraphs/plans/src/deadline/overdue-count');

const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const CHILDREN = arg('children', 85000);
const RUNS = arg('runs', 200);
/** Share of children whose deadlines are still unmet (the rest were met on time), as in practice. */
const UNMET = arg('unmet', 0.1);
const BASE = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function main() {
  const dbName = `care_hub_bench_${process.pid}`;
  const url = new URL(BASE);
  url.pathname = `/${dbName}`;
  const config = { ...kit.loadHubConfig({ NODE_ENV: 'test' }), databaseUrl: url.toString(), redisUrl: process.env.REDIS_URL || 'redis://127.0.0.1:6379' };
  const log = kit.createLogger('bench', 'silent');
  const sg = await kit.startSubgraph(plansSubgraph, { config, port: 0, log, relay: false, workers: false, queuePrefix: `bench${process.pid}` });
  const pg = new Client({ connectionString: url.toString() });
  await pg.connect();
  try {
    // 1. A template child through the real handler.
    const child = randomUUID();
    const period = randomUUID();
    const placement = randomUUID();
    const ev = (type, payload) => ({ id: randomUUID(), type, source: 'children', occurredAt: new Date().toISOString(), aggregateType: 'Child', aggregateId: child, childId: child, payload, actor: null });
    const today = new Date();
    const start = new Date(today.getTime() - 30 * 864e5).toISOString();
    const startDate = start.slice(0, 10);
    for (const e of [
      ev('ChildRegistered', { childId: child, placingAuthority: 'LA-TPL', dateOfBirth: '2012-03-01', dateOfDeath: null, name: 'Template' }),
      ev('PeriodOfCareStarted', { childId: child, periodOfCareId: period, startedOn: startDate, shortBreak: false, legalStatus: 'C2', placingAuthority: 'LA-TPL', dateOfBirth: '2012-03-01' }),
      ev('PlacementStarted', { childId: child, placementId: placement, periodOfCareId: period, periodStartedOn: startDate, firstInPeriod: true, providerId: 'PRV-TPL', providerName: 'T', providerKind: 'CHILDRENS_HOME', hostAuthority: 'LA-TPL', placingAuthority: 'LA-TPL', startedAt: start, endedAt: null, endReason: null, placementType: 'K2', isEmergency: true, isOutOfArea: false, intendedUntil18: false, custody: false }),
    ]) {
      await sg.orm.em.fork().transactional((tem) => kit.applyAccessEvent(tem, e));
      await plansSubgraph.consumes.handle(sg.orm, e, log);
    }
    // The template child's plans, through the API: a care plan and a placement plan.
    const sw = `Bearer ${kit.signToken(config.jwtSecret, { sub: 'bench-sw', roles: ['SOCIAL_WORKER'], org: 'LA-TPL' })}`;
    for (const kind of ['CARE', 'PLACEMENT']) {
      const r = await gql(sg.url, 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id } }', { i: { childId: child, kind, content: { summary: `${kind} plan` } } }, sw);
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
    const template = await pg.query('select count(*)::int n from plans.deadline where child_id = $1', [child]);
    console.log(`template child: ${template.rows[0].n} deadlines`);

    // 2. Copy it to CHILDREN children.
    const t0 = Date.now();
    await pg.query(`create temporary table kids as
      select n, gen_random_uuid() as child_id, 'LA-' || lpad((n % 153)::text, 3, '0') as authority,
             'PRV-' || lpad((n % 2500)::text, 4, '0') as provider, ((n * 7919) % 200) as shift
        from generate_series(1, $1) n`, [CHILDREN]);
    const tables = (await pg.query(`select table_name from information_schema.columns where table_schema = 'plans' and column_name = 'child_id' and table_name not in ('outbox_event', 'audit_entry')`)).rows.map((r) => r.table_name);
    for (const table of tables) {
      const cols = (await pg.query(`select column_name, data_type from information_schema.columns where table_schema = 'plans' and table_name = $1 order by ordinal_position`, [table])).rows;
      const expr = cols.map(({ column_name: c, data_type: t }) => {
        if (c === 'child_id') return t === 'uuid' ? 'k.child_id' : 'k.child_id::text';
        if (c === 'id' && t === 'uuid') return 'gen_random_uuid()';
        if (c === 'placing_authority') return 'k.authority';
        if (c === 'provider_id') return 'k.provider';
        if (c === 'due_at' || c === 'started_at') return `t.${c} - make_interval(days => k.shift)`;
        if (c === 'due_date') return `(t.${c} - k.shift)`;
        if (c === 'provider_windows') return `jsonb_build_array(jsonb_build_object('placementId', gen_random_uuid(), 'providerId', k.provider, 'from', '2020-01-01T00:00:00.000Z', 'to', null))`;
        return `t.${c}`;
      });
      const r = await pg.query(`insert into plans.${table} (${cols.map((c) => `"${c.column_name}"`).join(', ')})
        select ${expr.join(', ')} from plans.${table} t cross join kids k where t.child_id::text = $1`, [child]);
      console.log(`  ${table}: ${r.rowCount} rows`);
    }
    // Plan versions hang off plans, not children: copy them onto each copied plan of the same kind.
    const vcols = (await pg.query(`select column_name from information_schema.columns where table_schema = 'plans' and table_name = 'plan_version' order by ordinal_position`)).rows.map((r) => r.column_name);
    const vexpr = vcols.map((c) => (c === 'id' ? 'gen_random_uuid()' : c === 'plan_id' ? 'p.id' : `tv.${c}`));
    const pv = await pg.query(`insert into plans.plan_version (${vcols.map((c) => `"${c}"`).join(', ')})
      select ${vexpr.join(', ')} from plans.plan_version tv
        join plans.plan tp on tp.id = tv.plan_id and tp.child_id = $1
        join plans.plan p on p.kind = tp.kind and p.child_id <> $1`, [child]);
    console.log(`  plan_version: ${pv.rowCount} rows`);
    // Most duties are met on time in practice: all but a share of the children have theirs met.
    await pg.query(`update plans.deadline d set met_at = d.due_at - interval '1 day' from kids k
                     where d.child_id = k.child_id and (k.n % 1000) >= $1`, [Math.round(UNMET * 1000)]);
    await pg.query('analyze');
    const total = (await pg.query('select count(*)::int n, count(*) filter (where met_at is null and not not_applicable and due_at < now())::int open from plans.deadline')).rows[0];
    console.log(`loaded ${CHILDREN} children, ${total.n} deadlines (${total.open} overdue now) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

    // 3. Time the queries.
    const q = 'query($a: String, $p: String) { overdue(authority: $a, provider: $p, first: 50) { totalCount edges { node { ruleId dueAt status child { id } } } } }';
    const time = async (label, auth, vars) => {
      const ms = [];
      for (let i = 0; i < RUNS; i++) {
        const s = process.hrtime.bigint();
        const r = await gql(sg.url, q, vars, auth);
        ms.push(Number(process.hrtime.bigint() - s) / 1e6);
        if (r.errors) throw new Error(JSON.stringify(r.errors));
        if (i === 0) console.log(`  ${label}: totalCount ${r.data.overdue.totalCount}`);
      }
      console.log(`  ${label}: p50 ${pct(ms, 50).toFixed(1)} ms, p95 ${pct(ms, 95).toFixed(1)} ms (${RUNS} runs)`);
    };
    const la = `Bearer ${kit.signToken(config.jwtSecret, { sub: 'bench', roles: ['TEAM_MANAGER'], org: 'LA-007' })}`;
    const prv = `Bearer ${kit.signToken(config.jwtSecret, { sub: 'bench', roles: ['PROVIDER_MANAGER'], org: 'PRV-0007' })}`;
    console.log('Query.overdue over HTTP:');
    await time('one authority (LA-007)', la, { a: 'LA-007' });
    await time('one provider (PRV-0007)', prv, { p: 'PRV-0007' });
    const nat = [];
    const plain = [];
    const em = sg.orm.em.fork();
    const natSql = `select id, child_id, rule_id, due_at from plans.deadline where met_at is null and not_applicable = false and due_at < now() order by due_at, id limit 51`;
    const natCount = `select count(*) from plans.deadline where met_at is null and not_applicable = false and due_at < now()`;
    for (let i = 0; i < RUNS; i++) {
      const s = process.hrtime.bigint();
      const [, n] = await Promise.all([pg.query(natSql), nationalOverdueCount(em, new Date())]);
      nat.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (i === 0) console.log(`  national: totalCount ${n}`);
    }
    console.log(`national (all authorities, page of 50 + count from the per-day counts): p50 ${pct(nat, 50).toFixed(1)} ms, p95 ${pct(nat, 95).toFixed(1)} ms (${RUNS} runs)`);
    for (let i = 0; i < Math.min(RUNS, 20); i++) {
      const s = process.hrtime.bigint();
      const r = await pg.query(natCount);
      plain.push(Number(process.hrtime.bigint() - s) / 1e6);
      if (i === 0) console.log(`  national count(*) over the open rows: ${r.rows[0].count}`);
    }
    console.log(`national count(*) over the open rows, for comparison: p50 ${pct(plain, 50).toFixed(1)} ms, p95 ${pct(plain, 95).toFixed(1)} ms (${plain.length} runs)`);
  } finally {
    await pg.end();
    await sg.stop();
    const admin = new Client({ connectionString: BASE });
    await admin.connect();
    await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
