import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * How many deadlines in the whole ledger (every authority) are overdue at `asOf`: open, and due before it.
 * Whole UTC days before `asOf`'s come from the per-day counts the ledger's triggers keep
 * (open_deadline_day); the part of `asOf`'s own day before it is counted from the open-deadline index. The same
 * number as `count(*) … where met_at is null and not not_applicable and due_at < asOf`, without reading every
 * open row (and without the visibility map a VACUUM would set for an index-only scan).
 * @param em - the plans EntityManager
 * @param asOf - the instant
 * @returns the count
 */
export async function nationalOverdueCount(em: EntityManager, asOf: Date): Promise<number> {
  const rows = await em.getConnection().execute<Array<{ n: string | number }>>(
    `select coalesce((select sum("open") from "plans"."open_deadline_day" where "due_day" < (?::timestamptz at time zone 'UTC')::date), 0)
          + (select count(*) from "plans"."deadline"
              where "met_at" is null and "not_applicable" = false
                and "due_at" >= date_trunc('day', ?::timestamptz at time zone 'UTC') at time zone 'UTC' and "due_at" < ?::timestamptz) as n`,
    [asOf.toISOString(), asOf.toISOString(), asOf.toISOString()],
  );
  return Number(rows[0].n);
}
