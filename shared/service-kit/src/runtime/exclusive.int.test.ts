import type { MikroORM } from '@mikro-orm/core';
import { openOrm } from '../db/orm';
import { runExclusively } from './exclusive';

const DB = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/care_hub_test';
const key = `kit-exclusive-${process.pid}-${Date.now()}`;
let a: MikroORM;
let b: MikroORM;

// Two ORMs with their own pools stand for two instances of a service.
beforeAll(async () => {
  a = await openOrm({ schema: `kit_excl_a_${process.pid}`, databaseUrl: DB, entities: [], migrations: [] });
  b = await openOrm({ schema: `kit_excl_b_${process.pid}`, databaseUrl: DB, entities: [], migrations: [] });
});
afterAll(async () => {
  await a.close();
  await b.close();
});

it('runs the work in one instance while another holds the lock, and again once it is released', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let entered!: () => void;
  const inside = new Promise<void>((r) => (entered = r));
  const first = runExclusively(a, key, async () => {
    entered();
    await held;
    return 'first';
  });
  await inside;
  let ran = false;
  expect(await runExclusively(b, key, async () => (ran = true))).toBeNull();
  expect(ran).toBe(false);
  release();
  expect(await first).toBe('first');
  expect(await runExclusively(b, key, async () => 'second')).toBe('second');
});

it('releases the lock when the work throws', async () => {
  await expect(runExclusively(a, key, async () => { throw new Error('sweep failed'); })).rejects.toThrow('sweep failed');
  expect(await runExclusively(b, key, async () => 'after a failure')).toBe('after a failure');
});
