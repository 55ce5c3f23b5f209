#!/usr/bin/env node
/**
 * npm run bench:caseload — the caseload page (the `CASELOAD` query of test/harness/caseload-query.ts: children with
 * their placement, plans, deadlines, reviews and notifications, across all four subgraphs) through the hub's
 * gateway and through @apollo/gateway 2.14 over the same supergraph and the same subgraph processes, in
 * alternating rounds.
 *
 * 1. A fresh database; the four subgraphs, the hub's gateway and Apollo's gateway each in their own process
 *    (test/bench/caseload-process.js, sources run without a build), like a deployment on one machine.
 * 2. The demo data through the API (50 children, 25 of them LA-NORTH's, with events relayed and consumed), then
 *    LA-NORTH's children copied with SQL, inside each service's own schema (every row tied to a child, ids
 *    remapped consistently), until the authority has `--children` (2,000) children.
 * 3. For page sizes 25 and 100: a warm-up, SQL statements per request (the services' own statement counters,
 *    over sequential requests), then `--rounds` rounds of `--seconds` s per gateway, alternating which goes first,
 *    with `--clients` concurrent clients on keep-alive connections.
 * 4. Prints requests/s, p50, p99, statements and CPU (per process, PostgreSQL included) per request and hub/Apollo, with the machine's load before and
 *    after, and writes the table into README.md between the bench:caseload markers (`--no-readme` to skip).
 *
 *   npm run bench:caseload [-- --children 2000 --clients 10 --seconds 10 --rounds 3 --pages 25,100 --no-readme]
 *   npm run bench:caseload -- --keep ...           leaves the loaded database; --database NAME measures it again
 *   BENCH_CPU_PROF=plans,children npm run bench:caseload -- --pages 25 --no-readme
 *     profiles the named processes over each gateway's first round (in /tmp/caseload-prof, BENCH_CPU_PROF_DIR)
 */
require('../harness/run-ts.js');
require('reflect-metadata');
const { fork } = require('node:child_process');
const os = require('node:os');
const fs = require('node:fs');
const path = require('node:path');
const { Client } = require('pg');
const { parse } = require('graphql');
const { composeServices } = require('@apollo/composition');
const { Queue } = require('bullmq');

const ROOT = path.resolve(__dirname, '../..');
const arg = (name, d) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : d;
};
const CHILDREN = arg('children', 2000);
const CLIENTS = arg('clients', 10);
const SECONDS = arg('seconds', 10);
const ROUNDS = arg('rounds', 3);
const PAGES = process.argv.includes('--pages') ? process.argv[process.argv.indexOf('--pages') + 1].split(',').map(Number) : [25, 100];
/** Processes to profile over the measured rounds (e.g. `plans,children,hub-gateway`), into BENCH_CPU_PROF_DIR. */
const PROFILE = (process.env.BENCH_CPU_PROF ?? '').split(',').filter(Boolean);
const WRITE_README = !process.argv.includes('--no-readme');
const BASE = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const AUTHORITY = 'LA-NORTH';
/** The hub's gateway's query planner (GATEWAY_QUERY_PLANNER, passed on to its process). */
const PLANNER = require('../../gateway/src/query-planner').queryPlannerFrom(process.env);

const { CASELOAD } = require('../harness/caseload-query');

const say = (s) => process.stdout.write(`${s}\n`);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

/** Forks one bench process and waits for it to report ready. */
function start(args, extraEnv) {
  const child = fork(path.join(__dirname, 'caseload-process.js'), args, {
    execArgv: ['-r', path.join(ROOT, 'test/harness/run-ts.js')],
    env: { ...process.env, ...extraEnv },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)));
    child.once('message', (m) => (m.ready ? resolve({ child, ...m.ready }) : reject(new Error(JSON.stringify(m)))));
  });
}

/** Sends a command to a bench process and waits for its answer's `key`. */
const request = (child, cmd, key, extra = {}) => new Promise((resolve) => {
  const on = (m) => {
    if (m[key] === undefined) return;
    child.off('message', on);
    resolve(m[key]);
  };
  child.on('message', on);
  child.send({ cmd, ...extra });
});
const ask = (child) => request(child, 'statements', 'statements');

/** CPU used so far by every PostgreSQL process on the machine (ms), from /proc. */
function postgresCpuMs() {
  const tick = 1000 / 100;
  let ms = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ms += (Number(f[11]) + Number(f[12])) * tick;
    } catch {
      // gone meanwhile
    }
  }
  return ms;
}

async function post(url, query, variables, authorization) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json();
}

/** Every row tied to LA-NORTH's children, copied with remapped ids until the authority has CHILDREN children. */
async function copyCaseload(pg) {
  const template = (await pg.query(`select id from children.child where placing_authority = $1`, [AUTHORITY])).rows.map((r) => r.id);
  const copies = Math.max(0, Math.ceil((CHILDREN - template.length) / template.length));
  await pg.query('create temporary table copies as select n from generate_series(1, $1) n', [copies]);
  // The ids of every copied row, so that each uuid (or *_id text) value that names one is remapped the same way
  // in every table and every service: md5(id || copy number).
  await pg.query('create temporary table copied (id text primary key)');
  await pg.query('insert into copied select unnest($1::text[]) on conflict do nothing', [template]);
  const tables = (await pg.query(`
    select c.table_schema s, c.table_name t from information_schema.columns c
      join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name and tb.table_type = 'BASE TABLE'
     where c.table_schema in ('children', 'plans', 'reviews', 'notifications') and c.column_name = 'child_id'
       and c.table_name not in ('outbox_event', 'audit_entry', 'processed_event', 'change_log', 'event_log')
     order by 1, 2`)).rows;
  tables.unshift({ s: 'children', t: 'child', key: 'id' });
  const colsOf = async (s, t) => (await pg.query(`select column_name c, data_type d, column_default def, is_identity ident
      from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`, [s, t])).rows;
  // First pass: the ids of the rows being copied.
  for (const { s, t, key } of tables) {
    const cols = await colsOf(s, t);
    if (cols.some((c) => c.c === 'id')) {
      await pg.query(`insert into copied select id::text from "${s}"."${t}" where ${key ?? 'child_id'}::text = any($1) on conflict do nothing`, [template]);
    }
  }
  // Rows hanging off copied rows rather than children (plan versions and the like), by foreign key.
  const fks = (await pg.query(`
    select cl.relname t, ns.relname s, a.attname col, rcl.relname rt, rns.nspname rs
      from pg_constraint con join pg_class cl on cl.oid = con.conrelid join pg_namespace n2 on n2.oid = cl.relnamespace
      join lateral (select n2.nspname relname) ns on true
      join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
      join pg_class rcl on rcl.oid = con.confrelid join pg_namespace rns on rns.oid = rcl.relnamespace
     where con.contype = 'f' and n2.nspname in ('children', 'plans', 'reviews', 'notifications')`)).rows;
  const direct = new Set(tables.map((x) => `${x.s}.${x.t}`));
  const hanging = fks.filter((f) => !direct.has(`${f.s}.${f.t}`) && direct.has(`${f.rs}.${f.rt}`) && !['outbox_event', 'audit_entry'].includes(f.t));
  // A row's own id and the event it came from are always new; other ids are remapped when they name a copied row.
  const mapped = (col, type) => {
    const v = `x."${col}"::text`;
    if (type === 'uuid' && (col === 'id' || col.endsWith('event_id'))) return `md5(${v} || ':' || k.n)::uuid`;
    const m = `(select md5(cp.id || ':' || k.n)::uuid from copied cp where cp.id = ${v})`;
    if (type === 'uuid') return `coalesce(${m}, x."${col}")`;
    return `coalesce(${m}::text, x."${col}")`;
  };
  const copyRows = async (s, t, where, params) => {
    const cols = (await colsOf(s, t)).filter((c) => c.ident !== 'YES' && !(c.def ?? '').startsWith('nextval('));
    const expr = cols.map(({ c, d }) => {
      if (d === 'uuid' || (d === 'text' || d === 'character varying') && (c === 'id' || c.endsWith('_id'))) return mapped(c, d);
      if (s === 'children' && t === 'child' && (c === 'given_name' || c === 'name')) return `x."${c}" || ' ' || k.n`;
      return `x."${c}"`;
    });
    const r = await pg.query(`insert into "${s}"."${t}" (${cols.map((c) => `"${c.c}"`).join(', ')})
      select ${expr.join(', ')} from "${s}"."${t}" x cross join copies k where ${where}`, params);
    return r.rowCount;
  };
  const counts = [];
  for (const { s, t, key } of tables) counts.push(`${s}.${t} ${await copyRows(s, t, `x.${key ?? 'child_id'}::text = any($1)`, [template])}`);
  for (const f of hanging) {
    counts.push(`${f.s}.${f.t} ${await copyRows(f.s, f.t, `x."${f.col}"::text in (select id from copied)`, [])}`);
  }
  await pg.query('analyze');
  const n = (await pg.query(`select count(*)::int n from children.child where placing_authority = $1`, [AUTHORITY])).rows[0].n;
  say(`copied ${copies} times: ${counts.join(', ')}`);
  return n;
}

async function main() {
  const startedAt = new Date();
  const loadBefore = load();
  say(`caseload benchmark, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), node ${process.version}, load ${loadBefore}, hub gateway's query planner: ${PLANNER}`);
  // --database NAME: a database loaded by an earlier run with --keep (loading is skipped); --keep leaves it.
  const reuse = process.argv.includes('--database') ? process.argv[process.argv.indexOf('--database') + 1] : undefined;
  const keep = process.argv.includes('--keep') || reuse !== undefined;
  const dbName = reuse ?? `care_hub_caseload_${process.pid}`;
  const url = new URL(BASE);
  url.pathname = `/${dbName}`;
  const admin = new Client({ connectionString: BASE });
  await admin.connect();
  if (!reuse) await admin.query(`create database "${dbName}"`);
  const queuePrefix = `benchcl${process.pid}`;
  const procs = [];
  const env = { BENCH_DATABASE_URL: url.toString(), BENCH_QUEUE_PREFIX: queuePrefix, REDIS_URL: REDIS };
  const pg = new Client({ connectionString: url.toString() });
  try {
    // 1. The processes. Services one after the other: each applies its migrations.
    const services = {};
    for (const name of ['children', 'plans', 'reviews', 'notifications']) {
      services[name] = await start(['service', name], env);
      procs.push(services[name].child);
    }
    const composed = composeServices(Object.entries(services).map(([name, s]) => ({ name, typeDefs: parse(s.sdl), url: s.url })));
    if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('; '));
    const gwEnv = { ...env, BENCH_SUPERGRAPH: composed.supergraphSdl };
    const hub = await start(['hub-gateway'], gwEnv);
    procs.push(hub.child);
    const apollo = await start(['apollo-gateway'], gwEnv);
    procs.push(apollo.child);
    const kit = require('@hub/service-kit');
    const { seedDemoData } = require('../../shared/launcher/src/demo-data');

    // 2. The data.
    await pg.connect();
    const seeded = reuse ? 'no new' : await seedDemoData((q, v, token) => post(hub.url, q, v, `Bearer ${token}`));
    const queues = [...new Set(kit.EVENT_ROUTES.map((r) => r.queue)), kit.QUEUES.deliveries].map((n) => new Queue(n, { connection: { url: REDIS }, prefix: queuePrefix }));
    for (let quiet = 0; quiet < 3;) {
      let busy = 0;
      for (const s of Object.keys(services)) busy += (await pg.query(`select count(*)::int n from "${s}".outbox_event where published_at is null`)).rows[0].n;
      for (const q of queues) {
        const c = await q.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        busy += c.waiting + c.active + c.prioritized;
      }
      quiet = busy === 0 ? quiet + 1 : 0;
      await new Promise((r) => setTimeout(r, 200));
    }
    for (const q of queues) await q.close();
    const children = reuse
      ? (await pg.query(`select count(*)::int n from children.child where placing_authority = $1`, [AUTHORITY])).rows[0].n
      : await copyCaseload(pg);
    const rows = (await pg.query(`select
        (select count(*) from plans.deadline d join children.child c on c.id::text = d.child_id::text where c.placing_authority = $1)::int deadlines,
        (select count(*) from notifications.notification n join children.child c on c.id::text = n.child_id::text where c.placing_authority = $1)::int notifications`, [AUTHORITY])).rows[0];
    say(`seeded ${seeded} demo children; ${AUTHORITY} now has ${children} children, ${rows.deadlines} deadlines, ${rows.notifications} notifications`);

    // 3. The measurements.
    const token = `Bearer ${kit.signToken(kit.loadHubConfig({ NODE_ENV: 'test' }).jwtSecret, { sub: 'bench-sw', roles: ['SOCIAL_WORKER'], org: AUTHORITY })}`;
    const gateways = { hub, apollo };
    // Where each request's CPU goes: every bench process, PostgreSQL, and this process's clients.
    const procsByName = { ...Object.fromEntries(Object.entries(services).map(([k, v]) => [k, v.child])), 'hub-gateway': hub.child, 'apollo-gateway': apollo.child };
    const cpuNow = async () => {
      const out = {};
      await Promise.all(Object.entries(procsByName).map(async ([k, c]) => { out[k] = (await request(c, 'cpu', 'cpu')) / 1000; }));
      out.postgres = postgresCpuMs();
      const own = process.cpuUsage();
      out['bench clients'] = (own.user + own.system) / 1000;
      return out;
    };
    // Idle cost: what the processes burn with no request in flight (relays polling, metrics, workers).
    {
      const a = await cpuNow();
      await new Promise((r) => setTimeout(r, 5000));
      const b = await cpuNow();
      say(`idle CPU over 5 s (ms): ${Object.keys(b).map((k) => `${k} ${(b[k] - a[k]).toFixed(0)}`).join(', ')}`);
    }
    const statementsNow = async () => (await Promise.all(Object.values(services).map((s) => ask(s.child)))).reduce((a, b) => a + b, 0);
    const results = [];
    for (const n of PAGES) {
      const body = JSON.stringify({ query: CASELOAD, variables: { n } });
      const once = async (gw) => {
        const res = await fetch(gw.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: token }, body });
        const text = await res.text();
        if (!res.ok || text.includes('"errors"')) throw new Error(`${gw === hub ? 'hub' : 'apollo'}: ${res.status} ${text.slice(0, 500)}`);
        return text;
      };
      // Both answer the same page, without errors.
      const [a, b] = [JSON.parse(await once(hub)), JSON.parse(await once(apollo))];
      if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`the gateways disagree on the ${n}-child page`);
      if (a.data.children.edges.length !== n) throw new Error(`expected ${n} children, got ${a.data.children.edges.length}`);
      const perChild = a.data.children.edges.reduce((s, e) => s + e.node.deadlines.length, 0);
      const stats = {};
      for (const [name, gw] of Object.entries(gateways)) {
        const warmUntil = Date.now() + 2000;
        while (Date.now() < warmUntil) await once(gw);
        const before = await statementsNow();
        for (let i = 0; i < 10; i++) await once(gw);
        stats[name] = { statements: (await statementsNow() - before) / 10, ms: [], count: 0, seconds: 0, cpu: {} };
      }
      for (let r = 0; r < ROUNDS; r++) {
        const order = r % 2 === 0 ? ['hub', 'apollo'] : ['apollo', 'hub'];
        for (const name of order) {
          const profiled = r === 0 ? PROFILE.filter((p) => procsByName[p]) : [];
          await Promise.all(profiled.map((p) => request(procsByName[p], 'profile-start', 'profiling')));
          const st = stats[name];
          const cpu0 = await cpuNow();
          const until = Date.now() + SECONDS * 1000;
          const t0 = Date.now();
          await Promise.all(Array.from({ length: CLIENTS }, async () => {
            while (Date.now() < until) {
              const s = process.hrtime.bigint();
              await once(gateways[name]);
              st.ms.push(Number(process.hrtime.bigint() - s) / 1e6);
              st.count++;
            }
          }));
          st.seconds += (Date.now() - t0) / 1000;
          const cpu1 = await cpuNow();
          for (const k of Object.keys(cpu1)) st.cpu[k] = (st.cpu[k] ?? 0) + cpu1[k] - cpu0[k];
          const dir = process.env.BENCH_CPU_PROF_DIR ?? '/tmp/caseload-prof';
          await Promise.all(profiled.map((p) => request(procsByName[p], 'profile-stop', 'profiled', { dir, name: `${p}.${name}-rounds.${n}` })));
        }
      }
      for (const [name, st] of Object.entries(stats)) {
        st.ms.sort((x, y) => x - y);
        st.rps = st.count / st.seconds;
        st.p50 = pct(st.ms, 50);
        st.p99 = pct(st.ms, 99);
        say(`${n} children (${perChild} deadline rows), ${name}: ${st.rps.toFixed(1)} req/s, p50 ${st.p50.toFixed(0)} ms, p99 ${st.p99.toFixed(0)} ms, ${st.statements} SQL statements/request`);
        st.cpuPerRequest = Object.fromEntries(Object.entries(st.cpu).map(([k, v]) => [k, v / st.count]));
        const total = Object.values(st.cpuPerRequest).reduce((a, b) => a + b, 0);
        say(`  CPU per request (ms): ${Object.entries(st.cpuPerRequest).filter(([, v]) => v >= 0.05).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; total ${total.toFixed(1)}`);
      }
      say(`${n} children: hub/Apollo ${(stats.hub.rps / stats.apollo.rps).toFixed(2)}x requests/s`);
      results.push({ n, perChild, stats });
    }
    const loadAfter = load();
    say(`load average after: ${loadAfter}`);
    if (WRITE_README) writeReadme({ startedAt, children, rows, results, loadBefore, loadAfter });
  } finally {
    for (const c of procs.reverse()) {
      const exited = new Promise((r) => c.once('exit', r));
      c.send({ cmd: 'stop' });
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (c.exitCode === null) c.kill('SIGKILL');
    }
    await pg.end().catch(() => undefined);
    if (keep) say(`database kept: ${dbName} (run again with --database ${dbName})`);
    else await admin.query(`drop database if exists "${dbName}" with (force)`);
    await admin.end();
  }
}

/** Replaces the table between the bench:caseload markers in README.md. */
function writeReadme({ startedAt, children, rows, results, loadBefore, loadAfter }) {
  const file = path.join(ROOT, 'README.md');
  const begin = '<!-- bench:caseload -->';
  const end = '<!-- /bench:caseload -->';
  const text = fs.readFileSync(file, 'utf8');
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return say('README.md has no bench:caseload markers; table not written');
  const cpu = os.cpus();
  const lines = [
    begin,
    `${startedAt.toISOString().slice(0, 10)}, ${cpu.length} × ${cpu[0]?.model?.trim() ?? 'CPU'}, node ${process.version}; ${children} children of one authority (${rows.deadlines} deadlines, ${rows.notifications} notifications); ${CLIENTS} clients, ${ROUNDS} alternating rounds of ${SECONDS} s per gateway; load average at the start ${loadBefore}, at the end ${loadAfter}.`,
    '',
    '| page | gateway | requests/s | p50 | p99 | SQL statements/request | hub/Apollo |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    for (const name of ['hub', 'apollo']) {
      const s = r.stats[name];
      const ratio = name === 'hub' ? `${(r.stats.hub.rps / r.stats.apollo.rps).toFixed(2)}x` : '';
      lines.push(`| ${r.n} children (${r.perChild} deadlines) | ${name === 'hub' ? `the hub's gateway (${PLANNER} planner)` : '@apollo/gateway 2.14'} | ${s.rps.toFixed(1)} | ${s.p50.toFixed(0)} ms | ${s.p99.toFixed(0)} ms | ${s.statements} | ${ratio} |`);
    }
  }
  // Where each request's CPU went (ms of CPU per request, over the measured rounds): the shared subgraphs and
  // PostgreSQL, the gateway measured, and the bench's own clients.
  const procs = ['children', 'plans', 'reviews', 'notifications', 'postgres'];
  lines.push('', 'CPU per request (ms, all processes over the measured rounds):', '',
    `| page | gateway | the gateway | ${procs.join(' | ')} | bench clients | total |`,
    `|---|---|---|${procs.map(() => '---|').join('')}---|---|`);
  for (const r of results) {
    for (const name of ['hub', 'apollo']) {
      const c = r.stats[name].cpuPerRequest;
      const own = c[name === 'hub' ? 'hub-gateway' : 'apollo-gateway'];
      const total = Object.values(c).reduce((x, y) => x + y, 0);
      lines.push(`| ${r.n} children | ${name === 'hub' ? `the hub's (${PLANNER})` : 'Apollo'} | ${own.toFixed(1)} | ${procs.map((k) => (c[k] ?? 0).toFixed(1)).join(' | ')} | ${c['bench clients'].toFixed(1)} | ${total.toFixed(1)} |`);
    }
  }
  lines.push(end);
  fs.writeFileSync(file, text.slice(0, a) + lines.join('\n') + text.slice(b + end.length));
  say('README.md: table written');
}

main().then(() => process.exit(0), (e) => {
  console.error(e);
  process.exit(1);
});
