import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { hubCalendar, now as hubNow } from '@hub/service-kit';
import {
  BeyondCalendar, computeDeadlineOrBeyond, computeDuty, Deadline, DeadlineBasis, Duty, HolidayCalendar, ImplementedRuleId,
  isBeyondCalendar, isImplementedRuleId, RuleOverride,
} from '@hub/statutory';
import { DeadlineEntity } from './deadline.entity';
import { RuleOverrideEntity } from './rule-override.entity';

/** What a deadline is about, and whom it concerns. */
export interface LedgerSubject {
  childId: string;
  subjectKey: string;
  placingAuthority: string;
  providerId?: string | null;
  periodId?: string | null;
  placementId?: string | null;
}

/**
 * The authority's overrides of configurable rules, in the engine's shape.
 * @param em - the unit of work
 * @param org - the placing authority
 * @returns its overrides
 */
export async function overridesOf(em: EntityManager, org: string): Promise<RuleOverride[]> {
  return (await em.find(RuleOverrideEntity, { org })).map(toEngineOverride);
}

const toEngineOverride = (r: RuleOverrideEntity): RuleOverride =>
  ({ ruleId: r.ruleId as RuleOverride['ruleId'], enabled: r.enabled, ...(r.count !== null && r.count !== undefined ? { count: r.count } : {}) });

/** What a computation gives the ledger: a deadline, one that waits for a newer calendar, or null (switched off). */
export type Computed = Deadline | BeyondCalendar | null;

/** The basis as stored: the engine's, plus the stage of a multi-stage rule so a waiting entry can be recomputed. */
type StoredBasis = DeadlineBasis & { phase?: string };

/**
 * Computes a rule with the hub calendar and the authority's overrides. A working-day count past the calendar's
 * horizon is not dropped: it yields a BeyondCalendar (the engine refuses to guess, DOMAIN §16 note 4), kept in the
 * ledger with status BEYOND_CALENDAR and computed again when a newer calendar is loaded.
 * @param ruleId - the rule
 * @param anchor - date or instant
 * @param overrides - the placing authority's overrides
 * @returns the deadline, a beyond-calendar result, or null when switched off
 */
export function compute(ruleId: ImplementedRuleId, anchor: string, overrides: readonly RuleOverride[]): Computed {
  return computeDeadlineOrBeyond(ruleId, anchor, { calendar: hubCalendar(), overrides });
}

/**
 * Computes one stage of a multi-stage rule (see `RuleDefinition.phases`) with the hub calendar and the overrides.
 * @param ruleId - the rule
 * @param anchor - date or instant
 * @param overrides - the placing authority's overrides
 * @param phase - the stage
 * @returns the deadline, a beyond-calendar result, or null when switched off
 */
export function computePhase(ruleId: ImplementedRuleId, anchor: string, overrides: readonly RuleOverride[], phase: string): Computed {
  return computeDeadlineOrBeyond(ruleId, anchor, { calendar: hubCalendar(), overrides, phase });
}

function applyComputed(row: DeadlineEntity, d: Deadline | BeyondCalendar, explanation?: string): void {
  const basis: StoredBasis = { ...d.basis, ...(d.phase !== undefined ? { phase: d.phase } : {}) };
  row.title = d.title;
  row.class = d.class;
  if (isBeyondCalendar(d)) {
    row.dueAt = null;
    row.dueDate = null;
  } else {
    row.dueAt = new Date(d.dueAt);
    row.dueDate = d.dueDate;
  }
  row.basis = explanation ? { ...basis, explanation: `${basis.explanation} ${explanation}` } : basis;
}

/**
 * Inserts or recomputes one ledger entry (unique per child, rule and subject). A met or not-applicable entry keeps
 * that state; a rule the authority switched off marks an unmet entry NOT_APPLICABLE; a count past the calendar is
 * kept without a date (BEYOND_CALENDAR) rather than dropped.
 * @param em - the unit of work
 * @param s - the subject
 * @param ruleId - the rule (needed when `d` is null)
 * @param d - the computed deadline (null: switched off; undefined: nothing to record)
 * @param extra - a not-applicable reason to record, or an explanation to append
 * @returns the entry, if any
 */
export async function upsertDeadline(
  em: EntityManager, s: LedgerSubject, ruleId: string, d: Computed | undefined,
  extra: { notApplicableReason?: string; explanation?: string } = {},
): Promise<DeadlineEntity | null> {
  const existing = await em.findOne(DeadlineEntity, { childId: s.childId, ruleId, subjectKey: s.subjectKey });
  if (d === undefined) return existing;
  if (d === null) {
    if (existing && !existing.metAt && !existing.notApplicable) {
      existing.notApplicable = true;
      existing.notApplicableReason = 'switched off by the placing authority (rule override)';
    }
    return existing;
  }
  const row = existing ?? em.create(DeadlineEntity, {
    childId: s.childId, ruleId, subjectKey: s.subjectKey, title: d.title, placingAuthority: s.placingAuthority,
    dueAt: null, dueDate: null, basis: d.basis, class: d.class,
  });
  applyComputed(row, d, extra.explanation);
  row.placingAuthority = s.placingAuthority;
  if (s.providerId && !row.providerId) row.providerId = s.providerId;
  if (s.periodId !== undefined) row.periodId = s.periodId;
  if (s.placementId !== undefined) row.placementId = s.placementId;
  if (extra.notApplicableReason && !row.metAt) {
    row.notApplicable = true;
    row.notApplicableReason = extra.notApplicableReason;
  }
  em.persist(row);
  return row;
}

/**
 * Writes the duties the engine says a fact starts (`dutiesFor`): each computed with the hub calendar and the
 * authority's overrides, on its subject; a duty scoped to the period of care is not tied to a placement.
 * @param em - the unit of work
 * @param base - the child, authority, provider, period and placement the duties concern
 * @param duties - the engine's duties
 * @param overrides - the placing authority's overrides
 * @param explanation - a sentence to append to each entry's explanation
 * @returns the entries by rule id
 */
export async function recordDuties(
  em: EntityManager, base: Omit<LedgerSubject, 'subjectKey'>, duties: readonly Duty[], overrides: readonly RuleOverride[], explanation?: string,
): Promise<Map<string, DeadlineEntity | null>> {
  const out = new Map<string, DeadlineEntity | null>();
  for (const d of duties) {
    const subject: LedgerSubject = { ...base, subjectKey: d.subject, ...(d.scope === 'PERIOD' ? { placementId: null } : {}) };
    const extra = { ...(d.notApplicableReason ? { notApplicableReason: d.notApplicableReason } : {}), ...(explanation ? { explanation } : {}) };
    out.set(d.ruleId, await upsertDeadline(em, subject, d.ruleId, computeDuty(d, { calendar: hubCalendar(), overrides }), extra));
  }
  return out;
}

/** What {@link recomputeBeyondCalendar} did. */
export interface CalendarRecompute {
  /** Entries that now have a due date. */
  dated: number;
  /** Entries whose count still runs past the new calendar. */
  stillWaiting: number;
}

/**
 * Recomputes every unmet entry waiting for a newer calendar (no due date yet) with `calendar` and its authority's
 * overrides (read in one query). Called when a newer calendar is loaded (CalendarUpdated).
 * @param em - the unit of work (the consumer's transaction)
 * @param calendar - the newly loaded calendar
 * @returns how many entries were dated and how many still wait
 */
export async function recomputeBeyondCalendar(em: EntityManager, calendar: HolidayCalendar): Promise<CalendarRecompute> {
  const rows = await em.find(DeadlineEntity, { dueAt: null, metAt: null, notApplicable: false });
  const orgs = [...new Set(rows.map((r) => r.placingAuthority))];
  const overrides = new Map<string, RuleOverride[]>();
  if (orgs.length) {
    for (const o of await em.find(RuleOverrideEntity, { org: { $in: orgs } })) overrides.set(o.org, [...(overrides.get(o.org) ?? []), toEngineOverride(o)]);
  }
  const result: CalendarRecompute = { dated: 0, stillWaiting: 0 };
  for (const row of rows) {
    if (!isImplementedRuleId(row.ruleId)) continue;
    const { anchor, phase } = row.basis as StoredBasis;
    const d = computeDeadlineOrBeyond(row.ruleId, anchor, { calendar, overrides: overrides.get(row.placingAuthority) ?? [], ...(phase !== undefined ? { phase } : {}) });
    if (d === null) {
      row.notApplicable = true;
      row.notApplicableReason = 'switched off by the placing authority (rule override)';
      continue;
    }
    applyComputed(row, d);
    if (isBeyondCalendar(d)) result.stillWaiting++;
    else result.dated++;
  }
  return result;
}

/**
 * The ledger's handling of CalendarUpdated: the waiting entries are recomputed with the calendar the event carries
 * (the process's own calendar is refreshed after the event commits).
 * @param em - the consumer's transaction
 * @param payload - the event payload `{ data, source }`
 * @returns what was recomputed
 */
export function onCalendarUpdated(em: EntityManager, payload: { data?: unknown; source?: unknown }): Promise<CalendarRecompute> {
  const calendar = HolidayCalendar.fromGovUkJson(payload.data, payload.source ? { source: String(payload.source) } : {});
  return recomputeBeyondCalendar(em, calendar);
}

/**
 * Marks unmet entries met (a redelivered event finds them met already and changes nothing).
 * @param em - the unit of work
 * @param where - which entries
 * @param metAt - when the duty was done
 * @returns the entries changed
 */
export async function meetDeadlines(em: EntityManager, where: FilterQuery<DeadlineEntity>, metAt: Date): Promise<DeadlineEntity[]> {
  const rows = await em.find(DeadlineEntity, { $and: [where, { metAt: null, notApplicable: false }] } as FilterQuery<DeadlineEntity>);
  const at = notInFuture(metAt);
  for (const r of rows) r.metAt = at;
  return rows;
}

/**
 * A met time is never later than now: a fact dated today (`endOfLondonDay(today)`, a defaulted date) is recorded
 * as met when it was recorded, not at midnight to come.
 * @param at - when the fact says the duty was done
 * @returns `at`, or now if `at` is still to come
 */
export function notInFuture(at: Date): Date {
  const current = hubNow();
  return at.getTime() > current.getTime() ? current : at;
}

/**
 * The subject of some duties ended (a placement, a period of care). A duty not yet due when it ended no longer
 * applies (NOT_APPLICABLE, with the reason); a duty already overdue then stays a breach, unmet, with the end
 * recorded in its explanation, so drift is never erased from the record.
 * @param em - the unit of work
 * @param where - which entries
 * @param endedAt - when the subject ended
 * @param reason - what ended, in words (e.g. `the placement ended on 2026-12-23`)
 * @returns the entries made NOT_APPLICABLE and those kept as breaches
 */
export async function endSubject(em: EntityManager, where: FilterQuery<DeadlineEntity>, endedAt: Date, reason: string): Promise<{ notApplicable: DeadlineEntity[]; breached: DeadlineEntity[] }> {
  const rows = await em.find(DeadlineEntity, { $and: [where, { metAt: null, notApplicable: false }] } as FilterQuery<DeadlineEntity>);
  const out = { notApplicable: [] as DeadlineEntity[], breached: [] as DeadlineEntity[] };
  for (const r of rows) {
    if (r.dueAt && r.dueAt.getTime() < endedAt.getTime()) {
      r.basis = { ...r.basis, explanation: `${r.basis.explanation} Still a breach: ${reason}, after it fell due unmet.` };
      out.breached.push(r);
    } else {
      r.notApplicable = true;
      r.notApplicableReason = reason;
      out.notApplicable.push(r);
    }
  }
  return out;
}

/**
 * Marks unmet entries NOT_APPLICABLE with a reason.
 * @param em - the unit of work
 * @param where - which entries
 * @param reason - why they no longer apply
 * @returns the entries changed
 */
export async function markNotApplicable(em: EntityManager, where: FilterQuery<DeadlineEntity>, reason: string): Promise<DeadlineEntity[]> {
  const rows = await em.find(DeadlineEntity, { $and: [where, { metAt: null, notApplicable: false }] } as FilterQuery<DeadlineEntity>);
  for (const r of rows) {
    r.notApplicable = true;
    r.notApplicableReason = reason;
  }
  return rows;
}
