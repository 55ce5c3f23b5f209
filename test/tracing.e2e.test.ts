/**
 * One trace per request, across processes: the four subgraphs and the gateway run as real processes (their
 * TypeScript entry points) with OTEL_EXPORTER_OTLP_ENDPOINT pointing at an OTLP/HTTP receiver in this test. A
 * placement started through the gateway under a known traceparent must produce, in that one trace, the gateway's and
 * the children service's HTTP spans, SQL spans, the outbox relay's publish span, the notifications consumer's span
 * and the delivery job's span: the context travels through the outbox row, the event job and the delivery job.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { bearer, freshDatabase } from '@hub/service-kit/testing';
import { freePort, Processes, ready, SUBGRAPHS, waitFor } from './harness/processes';

jest.setTimeout(300_000);

interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
}

const spans: OtlpSpan[] = [];
let receiver: http.Server;
let receiverUrl = '';
const procs = new Processes();
let db: Awaited<ReturnType<typeof freshDatabase>>;
let gateway = '';

async function call(query: string, variables: Record<string, unknown>, auth: string, traceparent?: string): Promise<Record<string, any>> {
  const res = await fetch(gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: auth, ...(traceparent ? { traceparent } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

beforeAll(async () => {
  // An OTLP/HTTP (JSON) receiver: every exported span, with its service.name.
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { resourceSpans?: any[] };
      for (const rs of body.resourceSpans ?? []) {
        const service = rs.resource?.attributes?.find((a: any) => a.key === 'service.name')?.value?.stringValue ?? '?';
        for (const ss of rs.scopeSpans ?? []) for (const s of ss.spans ?? []) spans.push({ traceId: s.traceId, spanId: s.spanId, parentSpanId: s.parentSpanId, name: s.name, service });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`;

  db = await freshDatabase('tracing');
  const redisUrl = await procs.redis();
  const common = {
    NODE_ENV: 'development', DATABASE_URL: db.url, REDIS_URL: redisUrl, LOG_LEVEL: 'warn', HOST: '127.0.0.1',
    OTEL_EXPORTER_OTLP_ENDPOINT: receiverUrl, OTEL_BSP_SCHEDULE_DELAY: '100',
  };
  const urls: Record<string, string> = {};
  for (const g of SUBGRAPHS) {
    const port = await freePort();
    urls[g.urlVar] = `http://127.0.0.1:${port}/graphql`;
    const s = procs.service(g.name, `subgraphs/${g.name}/src/main.ts`, { ...common, [g.portVar]: String(port) });
    await ready(`http://127.0.0.1:${port}/readiness`, s);
  }
  const port = await freePort();
  const gw = procs.service('gateway', 'gateway/src/main.ts', { ...common, ...urls, GATEWAY_PORT: String(port) });
  await ready(`http://127.0.0.1:${port}/readiness`, gw);
  gateway = `http://127.0.0.1:${port}/graphql`;
});

afterAll(async () => {
  await procs.stopAll();
  await new Promise<void>((r) => (receiver ? receiver.close(() => r()) : r()));
  await db?.drop();
});

it("carries a mutation's trace from the gateway through SQL, the outbox, the relay and the event job to the delivery job", async () => {
  const ADMIN = bearer('ADMIN', 'HUB');
  const SW = bearer('SOCIAL_WORKER', 'LA-TRC');
  await call('mutation { upsertAuthority(code: "LA-TRC", name: "Trace Council") { code } }', {}, ADMIN);
  await call('mutation { upsertProvider(input: { id: "PRV-TRC", name: "Trace Home", kind: "CHILDRENS_HOME" }) { id } }', {}, ADMIN);
  const child = await call('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Tia', familyName: 'Trace', dateOfBirth: '2013-01-01', placingAuthority: 'LA-TRC', becameLookedAfterOn: '2026-09-01', ethnicity: 'WBRI' },
  }, SW);

  const traceId = randomBytes(16).toString('hex');
  await call('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
    i: { childId: child.registerChild.id, providerId: 'PRV-TRC', startedAt: '2026-09-01T10:00:00+01:00', placementType: 'K2' },
  }, SW, `00-${traceId}-${randomBytes(8).toString('hex')}-01`);

  const inTrace = () => spans.filter((s) => s.traceId === traceId);
  const orphanParents = (list: OtlpSpan[]) => {
    const ids = new Set(list.map((s) => s.spanId));
    return new Set(list.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId)).map((s) => s.parentSpanId));
  };
  // Spans arrive as each process exports them: wait for the delivery span and for the tree to be whole (the only
  // parent not in the trace is the root the test's traceparent named).
  await waitFor('the delivery span of the placement notice, in a whole tree', async () => {
    const list = inTrace();
    return list.some((s) => s.name === 'deliver notification') && orphanParents(list).size === 1;
  }, undefined, 60_000);
  const mine = inTrace();
  const names = (service: string) => mine.filter((s) => s.service === `care-hub-${service}`).map((s) => s.name);

  expect(names('gateway').length).toBeGreaterThan(0);
  expect(names('children')).toEqual(expect.arrayContaining(['publish PlacementStarted']));
  // The instrumentations' own spans: the subgraph's HTTP server, its SQL.
  expect(names('children').some((n) => /^POST/.test(n))).toBe(true);
  expect(names('children').some((n) => /^pg\.query|^(select|insert|update|begin|commit)/i.test(n))).toBe(true);
  expect(names('notifications')).toEqual(expect.arrayContaining(['consume PlacementStarted', 'deliver notification']));
  // The chain: deliver <- consume <- publish.
  const byId = new Map(mine.map((s) => [s.spanId, s]));
  const ancestors = (s: OtlpSpan): string[] => (s.parentSpanId && byId.has(s.parentSpanId) ? [byId.get(s.parentSpanId)!.name, ...ancestors(byId.get(s.parentSpanId)!)] : []);
  const deliver = mine.find((s) => s.name === 'deliver notification')!;
  expect(ancestors(deliver)).toEqual(expect.arrayContaining(['consume PlacementStarted', 'publish PlacementStarted']));
});
