import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { openOrm } from '../db/orm';
import { attributeStatements, statementCount } from '../db/statement-counter';
import { ChildAccess } from '../auth/child-access.entity';
import { readRows } from './loaders';

const DB = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/care_hub_test';
const schema = `kit_read_rows_${process.pid}_${Date.now() % 100000}`;
let orm: MikroORM;

beforeAll(async () => {
  orm = await openOrm({ schema, databaseUrl: DB, entities: [], migrations: [] });
  await orm.getSchemaGenerator().createSchema({ schema });
  const em = orm.em.fork();
  em.persist(Object.assign(new ChildAccess(), { childId: 'c-2', placingAuthority: 'LA-NORTH', providerWindows: [{ placementId: 'p-1', providerId: 'PRV-OAK', from: '2026-01-01T00:00:00.000Z', to: null }], iroSub: 'iro-1', updatedAt: new Date('2026-02-01T10:00:00Z') }));
  em.persist(Object.assign(new ChildAccess(), { childId: 'c-1', placingAuthority: 'LA-SOUTH', providerWindows: [], iroSub: null, updatedAt: new Date('2026-03-01T10:00:00Z') }));
  em.persist(Object.assign(new ChildAccess(), { childId: "c-'3", placingAuthority: 'LA-NORTH', providerWindows: [], updatedAt: new Date('2026-04-01T10:00:00Z') }));
  await em.flush();
});

afterAll(async () => {
  await orm.em.getConnection().execute(`drop schema if exists "${schema}" cascade`);
  await orm.close();
});

describe('readRows: plain rows for read paths, by one property', () => {
  it('maps columns to properties as em.find does (JSON parsed, instants as Date), in the order asked', async () => {
    const em = orm.em.fork() as EntityManager;
    const rows = await readRows(em, ChildAccess, { childId: { $in: ['c-1', 'c-2', 'c-9'] } }, { childId: 'desc' });
    const found = await orm.em.fork().find(ChildAccess, { childId: { $in: ['c-1', 'c-2'] } }, { orderBy: { childId: 'desc' } });
    expect(rows.map((r) => r.childId)).toEqual(['c-2', 'c-1']);
    expect(rows).toEqual(found.map((e) => ({ ...e })));
    expect(rows[0].providerWindows[0].providerId).toBe('PRV-OAK');
    expect(rows[0].updatedAt).toEqual(new Date('2026-02-01T10:00:00Z'));
    expect(rows[1].iroSub).toBeNull();
  });

  it('quotes the values it is given (a quote in a key is a value, not SQL)', async () => {
    const rows = await readRows(orm.em.fork() as EntityManager, ChildAccess, { childId: { $in: ["c-'3", "x') or ('1'='1"] } });
    expect(rows.map((r) => r.childId)).toEqual(["c-'3"]);
  });

  it('costs one statement for any number of keys, none for no keys', async () => {
    const em = orm.em.fork() as EntityManager;
    const count = async (keys: string[]) => {
      const before = statementCount(schema);
      await attributeStatements('read-rows-test', () => readRows(em, ChildAccess, { childId: { $in: keys } }));
      return statementCount(schema) - before;
    };
    expect(await count([])).toBe(0);
    expect(await count(['c-1'])).toBe(1);
    expect(await count(Array.from({ length: 500 }, (_, i) => `c-${i}`))).toBe(1);
  });

  it("reads inside a transaction on the transaction's connection, seeing its own writes", async () => {
    await expect(
      (orm.em.fork() as EntityManager).transactional(async (em) => {
        em.persist(Object.assign(new ChildAccess(), { childId: 'c-tx', placingAuthority: 'LA-NORTH', providerWindows: [] }));
        await em.flush();
        const inside = await readRows(em, ChildAccess, { childId: { $in: ['c-tx'] } });
        const outside = await readRows(orm.em.fork() as EntityManager, ChildAccess, { childId: { $in: ['c-tx'] } });
        expect(inside.map((r) => r.childId)).toEqual(['c-tx']);
        expect(outside).toEqual([]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await readRows(orm.em.fork() as EntityManager, ChildAccess, { childId: { $in: ['c-tx'] } })).toEqual([]);
  });

  it('refuses a filter on more than one property', async () => {
    await expect(readRows(orm.em.fork() as EntityManager, ChildAccess, { childId: { $in: ['c-1'] }, placingAuthority: { $in: ['LA-NORTH'] } })).rejects.toThrow('one property');
  });
});
