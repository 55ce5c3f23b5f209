import DataLoader from 'dataloader';

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
