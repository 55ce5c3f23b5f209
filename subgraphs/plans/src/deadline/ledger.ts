import type { EntityManager } from '@mikro-orm/postgresql';
import type { FilterQuery } from '@mikro-orm/core';
import { hubCalendar } from '@hub/service-kit';
import { CalendarHorizonError, computeDeadline, Deadline, ImplementedRuleId, RuleOverride } from '@hub/statutory';
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
  const rows = await em.find(RuleOverrideEntity, { org });
  return rows.map((r) => ({ ruleId: r.ruleId as RuleOverride['ruleId'], enabled: r.enabled, ...(r.count !== null && r.count !== undefined ? { count: r.count } : {}) }));
}

/**
 * Computes a rule with the hub calendar and the authority's overrides. A count past the calendar's horizon yields
 * no deadline (the engine refuses to guess: DOMAIN §16 note 4); it is computed again when the calendar grows.
 * @param ruleId - the rule
 * @param anchor - date or instant
 * @param overrides - the placing authority's overrides
 * @returns the deadline, null when switched off, undefined when beyond the calendar
 */
export function compute(ruleId: ImplementedRuleId, anchor: string, overrides: readonly RuleOverride[]): Deadline | null | undefined {
  try {
    return computeDeadline(ruleId, anchor, { calendar: hubCalendar(), overrides });
  } catch (e) {
    if (e instanceof CalendarHorizonError) return undefined;
    throw e;
  }
}

/**
 * Inserts or recomputes one ledger entry (unique per child, rule and subject). A met or not-applicable entry keeps
 * that state; a rule the authority switched off marks an unmet entry NOT_APPLICABLE.
 * @param em - the unit of work
 * @param s - the subject
 * @param ruleId - the rule (needed when `d` is null)
 * @param d - the computed deadline (null: switched off; undefined: beyond the calendar)
 * @param extra - a not-applicable reason to record, or an explanation to append
 * @returns the entry, if any
 */
export async function upsertDeadline(
  em: EntityManager, s: LedgerSubject, ruleId: string, d: Deadline | null | undefined,
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
    dueAt: new Date(d.dueAt), dueDate: d.dueDate, basis: d.basis, class: d.class,
  });
  row.title = d.title;
  row.class = d.class;
  row.dueAt = new Date(d.dueAt);
  row.dueDate = d.dueDate;
  row.basis = extra.explanation ? { ...d.basis, explanation: `${d.basis.explanation} ${extra.explanation}` } : d.basis;
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
 * Marks unmet entries met (a redelivered event finds them met already and changes nothing).
 * @param em - the unit of work
 * @param where - which entries
 * @param metAt - when the duty was done
 * @returns the entries changed
 */
export async function meetDeadlines(em: EntityManager, where: FilterQuery<DeadlineEntity>, metAt: Date): Promise<DeadlineEntity[]> {
  const rows = await em.find(DeadlineEntity, { $and: [where, { metAt: null, notApplicable: false }] } as FilterQuery<DeadlineEntity>);
  for (const r of rows) r.metAt = metAt;
  return rows;
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
