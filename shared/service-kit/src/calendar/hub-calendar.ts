import type { EntityManager } from '@mikro-orm/core';
import { HolidayCalendar } from '@hub/statutory';
import { CalendarVersion } from './calendar-version.entity';

let current: HolidayCalendar = HolidayCalendar.default();
let currentId: string | null = null;

/**
 * The bank-holiday calendar in force in this process: the newest one an administrator loaded, else the one
 * shipped with the hub. Deadline computations take it as a parameter (the rules engine stays pure).
 * @returns the calendar
 */
export function hubCalendar(): HolidayCalendar {
  return current;
}

/** Which loaded calendar is in force (null: the shipped one). @returns the version id */
export function hubCalendarVersion(): string | null {
  return currentId;
}

/**
 * Reads the newest loaded calendar of this service's schema and makes it current.
 * @param anyEm - any EntityManager of the service (a fork is used)
 */
export async function refreshCalendar(anyEm: EntityManager): Promise<void> {
  const em = anyEm.fork();
  const [latest] = await em.find(CalendarVersion, {}, { orderBy: { loadedAt: 'desc' }, limit: 1 });
  if (!latest) {
    current = HolidayCalendar.default();
    currentId = null;
    return;
  }
  if (latest.id === currentId) return;
  current = HolidayCalendar.fromGovUkJson(latest.data, { source: latest.source });
  currentId = latest.id;
}

/**
 * Stores a calendar carried by a `CalendarUpdated` event (idempotent) and makes it current.
 * @param anyEm - any EntityManager of the service (a fork is used)
 * @param e - event id, payload `{ data, source, loadedBy }`
 */
export async function storeCalendar(anyEm: EntityManager, e: { id: string; payload: Record<string, unknown> }): Promise<void> {
  const em = anyEm.fork();
  if (!(await em.findOne(CalendarVersion, { id: e.id }))) {
    em.create(CalendarVersion, {
      id: e.id,
      loadedAt: new Date(),
      loadedBy: String(e.payload.loadedBy ?? 'unknown'),
      source: String(e.payload.source ?? 'administrator upload'),
      data: e.payload.data as Record<string, unknown>,
    });
    await em.flush();
  }
  await refreshCalendar(em);
}

/** Test hook: back to the shipped calendar. */
export function resetCalendar(): void {
  current = HolidayCalendar.default();
  currentId = null;
}
