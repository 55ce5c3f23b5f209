import DataLoader from 'dataloader';
import type { EntityClass, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A per-request loader of one value per key. The batch function runs ONE query for all keys; results are
 * returned in key order with `null` for missing keys.
 * @param batch - fetches every row for the keys
 * @param keyOf - the key of a fetched row
 * @returns a DataLoader
 * @example const byId = keyedLoader((ids) => em.find(Child, { id: { $in: [...ids] } }), (c) => c.id);
 */
export function keyedLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const rows = await batch(keys);
    const map = new Map<K, V>();
    for (const r of rows) map.set(keyOf(r), r);
    return keys.map((k) => map.get(k) ?? null);
  });
}

/**
 * A per-request loader of a list per key (one-to-many), in one query for all keys.
 * @param batch - fetches every row for the keys
 * @param keyOf - the parent key of a fetched row
 * @returns a DataLoader returning `[]` for keys without rows
 */
export function groupedLoader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>, keyOf: (v: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const rows = await batch(keys);
    const map = new Map<K, V[]>();
    for (const r of rows) {
      const k = keyOf(r);
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

/**
 * Reads rows of an entity as plain values for a read path: the query builder maps columns to properties (JSON
 * parsed, instants as Date) but builds, hydrates, registers and snapshots no entity per row, which cost more than
 * the query itself on the lists the caseload reads. The rows are not managed: a change to one is never saved, so
 * a mutation loads what it changes with `em.find`/`em.findOne`.
 * @param em - the request's EntityManager
 * @param entity - the entity class (its table and column mapping)
 * @param where - a MikroORM filter
 * @param orderBy - the order
 * @returns the rows, typed as the entity's properties
 * @example placementsByChild: groupedLoader((ids) => readRows(em, PlacementEntity, { childId: { $in: [...ids] } }, { startedAt: 'asc' }), (p) => p.childId)
 */
export function readRows<T extends object>(em: EntityManager, entity: EntityClass<T>, where: FilterQuery<T>, orderBy?: QueryOrderMap<T>): Promise<T[]> {
  const qb = em.createQueryBuilder(entity).select('*').where(where);
  if (orderBy) qb.orderBy(orderBy);
  return qb.execute<T[]>('all', true);
}
