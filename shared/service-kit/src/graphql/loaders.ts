import DataLoader from 'dataloader';
import type { EntityClass } from '@mikro-orm/core';
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

/** What {@link readRows} reads: one property's values (`{ childId: { $in: ids } }`). */
export type RowsWhereIn<T> = { [K in keyof T & string]?: { $in: readonly unknown[] } };

/** The SELECT of one entity by one property, built once per entity, property and order. */
const selects = new Map<string, string>();

/**
 * Reads rows of an entity as plain values for a read path, by one property's values: one statement, with MikroORM's
 * own column-to-property mapping (JSON parsed, instants as Date) but no query builder and no entity built,
 * hydrated, registered or snapshotted per row, which together cost more than the query itself on the lists the
 * caseload reads. The rows are not managed: a change to one is never saved, so a mutation loads what it changes
 * with `em.find`/`em.findOne`.
 * @param em - the request's EntityManager
 * @param entity - the entity class (its table and column mapping)
 * @param where - one property and its values
 * @param orderBy - the order, by properties
 * @param o - `columns`: SQL read in place of a property's column (named in the cache key `variant`), e.g. a JSON
 *   column without the keys a read path does not need
 * @returns the rows, typed as the entity's properties
 * @example placementsByChild: groupedLoader((ids) => readRows(em, PlacementEntity, { childId: { $in: [...ids] } }, { startedAt: 'asc' }), (p) => p.childId)
 */
export async function readRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: RowsWhereIn<T>,
  orderBy?: Partial<Record<keyof T & string, 'asc' | 'desc'>>,
  o: { variant: string; columns: Partial<Record<keyof T & string, string>> } = { variant: '', columns: {} },
): Promise<T[]> {
  const keys = Object.keys(where) as Array<keyof T & string>;
  if (keys.length !== 1) throw new Error(`readRows reads by one property, got ${keys.length}`);
  const values = where[keys[0]]!.$in;
  if (values.length === 0) return [];
  const meta = em.getMetadata().get<T>(entity.name);
  const order = Object.entries(orderBy ?? {}) as Array<[string, 'asc' | 'desc']>;
  const cacheKey = `${em.config.get('schema')}.${meta.className}:${keys[0]}:${order.map(([k, d]) => `${k} ${d}`).join(',')}:${o.variant}`;
  let sql = selects.get(cacheKey);
  if (sql === undefined) {
    const column = (prop: string) => {
      const p = (meta.properties as Record<string, { fieldNames?: string[] }>)[prop];
      if (!p?.fieldNames?.[0]) throw new Error(`${meta.className} has no column for ${prop}`);
      return `"${p.fieldNames[0]}"`;
    };
    const table = `"${meta.schema ?? em.config.get('schema')}"."${meta.tableName}"`;
    const replaced = Object.entries(o.columns) as Array<[string, string]>;
    const select = replaced.length === 0 ? '*' : meta.props
      .filter((p) => p.fieldNames?.length === 1 && p.persist !== false)
      .map((p) => {
        const expr = (o.columns as Record<string, string>)[p.name];
        return expr === undefined ? `"${p.fieldNames[0]}"` : `${expr} as "${p.fieldNames[0]}"`;
      }).join(', ');
    sql = `select ${select} from ${table} where ${column(keys[0])} in (?)${order.length ? ` order by ${order.map(([k, d]) => `${column(k)} ${d === 'desc' ? 'desc' : 'asc'}`).join(', ')}` : ''}`;
    selects.set(cacheKey, sql);
  }
  // Inside a transaction (an EntityManager from em.transactional), on its connection: it sees its own writes.
  const rows = await em.getConnection().execute<Array<Record<string, unknown>>>(sql, [[...values]], 'all', em.getTransactionContext());
  const comparator = em.getComparator();
  return rows.map((r) => comparator.mapResult(meta.className, r) as T);
}

/** A row property that keys a loader: its values are strings (an id, a code). */
type KeyOf<T> = { [K in keyof T & string]: T[K] extends string | null | undefined ? K : never }[keyof T & string];

/**
 * A per-request loader of one plain row per key ({@link readRows}): one statement per batch.
 * @param em - the request's EntityManager
 * @param entity - the entity class
 * @param key - the property the rows are found by
 * @returns a DataLoader answering `null` for keys without a row
 * @example placementById: rowByKey(em, PlacementEntity, 'id')
 */
export function rowByKey<T extends object>(em: EntityManager, entity: EntityClass<T>, key: KeyOf<T>): DataLoader<string, T | null> {
  return keyedLoader((ids) => readRows(em, entity, { [key]: { $in: ids } } as RowsWhereIn<T>), (r) => r[key] as string);
}

/**
 * A per-request loader of the plain rows sharing a key ({@link readRows}), in the order given: one statement per
 * batch.
 * @param em - the request's EntityManager
 * @param entity - the entity class
 * @param key - the property grouping the rows (e.g. `childId`)
 * @param orderBy - the order within a group
 * @param o - a {@link readRows} variant
 * @returns a DataLoader answering `[]` for keys without rows
 * @example placementsByChild: rowsGroupedBy(em, PlacementEntity, 'childId', { startedAt: 'asc' })
 */
export function rowsGroupedBy<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  key: KeyOf<T>,
  orderBy?: Partial<Record<keyof T & string, 'asc' | 'desc'>>,
  o?: { variant: string; columns: Partial<Record<keyof T & string, string>> },
): DataLoader<string, T[]> {
  return groupedLoader((ids) => readRows(em, entity, { [key]: { $in: ids } } as RowsWhereIn<T>, orderBy, o), (r) => r[key] as string);
}
