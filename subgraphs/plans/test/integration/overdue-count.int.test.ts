import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestSubgraph } from '@hub/service-kit/testing';
import { plansSubgraph } from '../../src/definition';
import { nationalOverdueCount } from '../../src/deadline/overdue-count';
import { lookedAfterChild } from './support';

let sg: Awaited<ReturnType<typeof startTestSubgraph>>;
let em: EntityManager;

beforeAll(async () => {
  sg = await startTestSubgraph(plansSubgraph, { workers: false });
  em = sg.orm.em.fork() as EntityManager;
  for (const [authority, startedAt] of [
    ['LA-NORTH', '2026-03-28T23:30:00+00:00'],
    ['LA-NORTH', '2026-10-24T22:15:00+00:00'],
    ['LA-SOUTH', '2026-12-21T15:00:00+00:00'],
    ['LA-EAST', '2027-01-04T00:30:00+00:00'],
  ]) {
    await lookedAfterChild(sg.orm, { authority, startedAt });
  }
});
afterAll(() => sg?.stopAll());

const exact = async (asOf: Date) =>
  Number((await em.getConnection().execute(
    `select count(*) n from plans.deadline where met_at is null and not_applicable = false and due_at < ?`, [asOf.toISOString()]))[0].n);

/** Every due instant in the ledger, a millisecond either side, and midnights around them: where a count can be off by one. */
async function probes(): Promise<Date[]> {
  const rows = await em.getConnection().execute<Array<{ due_at: Date }>>(`select distinct due_at from plans.deadline where due_at is not null`);
  const out: Date[] = [new Date('2020-01-01T00:00:00Z'), new Date('2035-01-01T00:00:00Z')];
  for (const { due_at: d } of rows) {
    const t = new Date(d).getTime();
    const midnight = Math.floor(t / 86_400_000) * 86_400_000;
    out.push(new Date(t - 1), new Date(t), new Date(t + 1), new Date(midnight), new Date(midnight - 1), new Date(midnight + 86_400_000));
  }
  return out;
}

async function expectSameEverywhere() {
  const all = await probes();
  const got = await Promise.all(all.map(async (asOf) => [asOf.toISOString(), await nationalOverdueCount(em, asOf)]));
  const want = await Promise.all(all.map(async (asOf) => [asOf.toISOString(), await exact(asOf)]));
  expect(got).toEqual(want);
}

describe('the national overdue count from the per-day counts the ledger triggers keep', () => {
  it('equals counting the open rows, at every due instant, either side of it and at the midnights around it', async () => {
    const open = Number((await em.getConnection().execute(`select count(*) n from plans.deadline where met_at is null and not not_applicable`))[0].n);
    expect(open).toBeGreaterThan(10);
    await expectSameEverywhere();
  });

  it('follows deadlines met, marked not applicable, reopened, moved to another day, undated and deleted, many in one statement', async () => {
    const c = em.getConnection();
    await c.execute(`update plans.deadline set met_at = due_at - interval '1 hour' where id in (select id from plans.deadline where met_at is null order by due_at limit 3)`);
    await expectSameEverywhere();
    await c.execute(`update plans.deadline set not_applicable = true where id in (select id from plans.deadline where met_at is null and not not_applicable order by due_at desc limit 2)`);
    await expectSameEverywhere();
    await c.execute(`update plans.deadline set met_at = null, not_applicable = false where id in (select id from plans.deadline where met_at is not null or not_applicable limit 2)`);
    await expectSameEverywhere();
    await c.execute(`update plans.deadline set due_at = due_at + interval '3 days 5 hours' where id in (select id from plans.deadline where met_at is null order by id limit 4)`);
    await expectSameEverywhere();
    await c.execute(`update plans.deadline set due_at = null where id in (select id from plans.deadline where due_at is not null and met_at is null order by id desc limit 1)`);
    await expectSameEverywhere();
    await c.execute(`delete from plans.deadline where id in (select id from plans.deadline order by due_at nulls first limit 3)`);
    await expectSameEverywhere();
    // Nothing changed by an update that touches no counted column.
    await c.execute(`update plans.deadline set title = title`);
    await expectSameEverywhere();
  });

  it('keeps one row per day and no day below zero', async () => {
    const rows = await em.getConnection().execute<Array<{ open: number }>>(`select open from plans.open_deadline_day`);
    expect(rows.every((r) => r.open >= 0)).toBe(true);
  });
});
