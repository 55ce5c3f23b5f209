import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, ForbiddenError, hasRole, InputError, NotFoundError, now as hubNow, parseLocalDate, Principal } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { ChildEntity } from '../child/child.entity';
import { childForWrite, notFuture } from '../child/child.service';
import { PeriodOfCareEntity } from '../period-of-care/period-of-care.entity';
import { LegalStatusEntity } from '../period-of-care/legal-status.entity';
import { PlacementEntity } from '../placement/placement.entity';
import { ACCOM_CODES, ACTIV_CODES, CIN_CODES, formatted, IN_TOUCH_CODES, MISSING_CODES, oneOf, PLACE_PROVIDER_CODES, POSTCODE_PATTERN, UPN_PATTERN, UPN_UNKNOWN, URN_PATTERN } from './codes';
import { CareLeaverStatusEntity, MissingEpisodeEntity, Ssda903ChildEntity, Ssda903PeriodEntity, Ssda903PlacementEntity } from './ssda903.entity';
import type { ChildFacts } from './return-builder';

/** Roles that may read an authority's return: its managers and its case system. */
export const RETURN_READERS = ['TEAM_MANAGER', 'DESIGNATED_MANAGER', 'SERVICE_MANAGER', 'LA_SYSTEM'] as const;

/**
 * Refuses (FORBIDDEN) anyone but the authority's managers and case system.
 * @param p - the caller
 * @param authority - the authority whose return is asked for
 */
export function requireReturnReader(p: Principal, authority: string): void {
  if (!hasRole(p, ...RETURN_READERS) || p.org !== authority) {
    throw new ForbiddenError("only the authority's managers and case system may read its SSDA903 return", { requiredRoles: [...RETURN_READERS] });
  }
}

/** Optional text: blank means none. */
const given = (v: string | null | undefined) => (v == null || v.trim() === '' ? null : v);

/** The return's extra facts: recorded with validation, read back per authority. */
export class Ssda903Service {
  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  /** UPN and MC_DOB of a child. */
  async recordChildDetails(childId: string, input: { upn?: string | null; motherChildDob?: string | null }): Promise<Ssda903ChildEntity> {
    const child = await childForWrite(this.em, this.principal, childId, 'record SSDA903 details');
    const upn = given(input.upn);
    const normal = upn && (UPN_UNKNOWN.includes(upn.trim().toUpperCase()) ? upn.trim().toUpperCase() : formatted(upn, UPN_PATTERN, 'upn'));
    let mcDob = given(input.motherChildDob);
    if (mcDob) {
      mcDob = parseLocalDate(mcDob);
      notFuture(mcDob, 'motherChildDob');
      if (mcDob <= child.dateOfBirth) throw new InputError("a child's child is born after them", { field: 'motherChildDob', reason: 'BEFORE_BIRTH' });
    }
    const row = (await this.em.findOne(Ssda903ChildEntity, { childId })) ?? this.em.create(Ssda903ChildEntity, { childId });
    if (input.upn !== undefined) row.upn = normal;
    if (input.motherChildDob !== undefined) row.motherChildDob = mcDob;
    await this.em.flush();
    return row;
  }

  /** CIN and HOME_POST of a period of care. */
  async recordPeriodDetails(periodOfCareId: string, input: { needCode?: string | null; homePostcode?: string | null }): Promise<Ssda903PeriodEntity> {
    const period = await this.em.findOne(PeriodOfCareEntity, { id: periodOfCareId });
    if (!period) throw new NotFoundError('no such period of care', { periodOfCareId });
    await childForWrite(this.em, this.principal, period.childId, 'record SSDA903 details');
    const row = (await this.em.findOne(Ssda903PeriodEntity, { periodOfCareId })) ?? this.em.create(Ssda903PeriodEntity, { periodOfCareId, childId: period.childId });
    if (input.needCode !== undefined) row.needCode = given(input.needCode) && oneOf(input.needCode!, CIN_CODES, 'needCode');
    if (input.homePostcode !== undefined) row.homePostcode = given(input.homePostcode) && formatted(input.homePostcode!, POSTCODE_PATTERN, 'homePostcode');
    await this.em.flush();
    return row;
  }

  /** PLACE_PROVIDER, PL_POST and URN of a placement. */
  async recordPlacementDetails(placementId: string, input: { placeProvider?: string | null; postcode?: string | null; urn?: string | null }): Promise<Ssda903PlacementEntity> {
    const placement = await this.em.findOne(PlacementEntity, { id: placementId });
    if (!placement) throw new NotFoundError('no such placement', { placementId });
    await childForWrite(this.em, this.principal, placement.childId, 'record SSDA903 details');
    const row = (await this.em.findOne(Ssda903PlacementEntity, { placementId })) ?? this.em.create(Ssda903PlacementEntity, { placementId, childId: placement.childId });
    if (input.placeProvider !== undefined) {
      const code = given(input.placeProvider) && oneOf(input.placeProvider!, PLACE_PROVIDER_CODES, 'placeProvider');
      if (code && (code === 'PR0') !== (placement.placementType === 'P1')) {
        throw new InputError('PR0 (parent or person with parental responsibility) goes with placement type P1, and only with it', { field: 'placeProvider', reason: 'PROVIDER_TYPE_MISMATCH' });
      }
      row.placeProvider = code;
    }
    if (input.postcode !== undefined) row.postcode = given(input.postcode) && formatted(input.postcode!, POSTCODE_PATTERN, 'postcode');
    if (input.urn !== undefined) row.urn = given(input.urn) && formatted(input.urn!, URN_PATTERN, 'urn');
    await this.em.flush();
    return row;
  }

  /** A missing (M) or away without authorisation (A) episode; the same start and kind is the same episode (its end is updated). */
  async recordMissingEpisode(childId: string, input: { kind: string; startedOn: string; endedOn?: string | null }): Promise<MissingEpisodeEntity> {
    const child = await childForWrite(this.em, this.principal, childId, 'record a missing episode');
    const kind = oneOf(input.kind, MISSING_CODES, 'kind');
    const start = parseLocalDate(input.startedOn);
    notFuture(start, 'startedOn');
    if (start < child.dateOfBirth) throw new InputError('a missing episode cannot start before birth', { field: 'startedOn', reason: 'BEFORE_BIRTH' });
    const end = given(input.endedOn) ? parseLocalDate(input.endedOn!) : null;
    if (end) {
      notFuture(end, 'endedOn');
      if (end < start) throw new InputError('a missing episode cannot end before it starts', { field: 'endedOn', reason: 'END_BEFORE_START' });
    }
    const periods = await this.em.find(PeriodOfCareEntity, { childId });
    if (!periods.some((p) => p.startedOn <= start && (!p.endedOn || start <= p.endedOn))) {
      throw new InputError('a missing episode must start while the child is looked after', { field: 'startedOn', reason: 'OUTSIDE_PERIOD_OF_CARE' });
    }
    const row = (await this.em.findOne(MissingEpisodeEntity, { childId, startedOn: start, kind })) ?? this.em.create(MissingEpisodeEntity, { childId, kind, startedOn: start });
    row.endedOn = end;
    await this.em.flush();
    return row;
  }

  /** A care leaver's contact, activity and accommodation around their 17th to 21st birthday (OC3). */
  async recordCareLeaverStatus(childId: string, input: { birthday: number; inTouch: string; activity: string; accommodation: string }): Promise<CareLeaverStatusEntity> {
    const child = await childForWrite(this.em, this.principal, childId, 'record care-leaver status');
    if (!Number.isInteger(input.birthday) || input.birthday < 17 || input.birthday > 21) {
      throw new InputError('birthday must be 17 to 21', { field: 'birthday', reason: 'OUT_OF_RANGE' });
    }
    const [y, md] = [Number(child.dateOfBirth.slice(0, 4)) + input.birthday, child.dateOfBirth.slice(4)];
    const birthdayOn = `${y}${md === '-02-29' ? '-02-28' : md}`;
    if (birthdayOn > londonDate(new Date(hubNow().getTime() + 31 * 86_400_000))) {
      throw new ConflictError('the status is recorded around the birthday, not before it', { reason: 'BIRTHDAY_NOT_REACHED' });
    }
    const values = {
      inTouch: oneOf(input.inTouch, IN_TOUCH_CODES, 'inTouch'),
      activity: oneOf(input.activity, ACTIV_CODES, 'activity'),
      accommodation: oneOf(input.accommodation, ACCOM_CODES, 'accommodation'),
    };
    const row = (await this.em.findOne(CareLeaverStatusEntity, { childId, birthday: input.birthday })) ?? this.em.create(CareLeaverStatusEntity, { childId, birthday: input.birthday, ...values });
    Object.assign(row, values);
    await this.em.flush();
    return row;
  }

  /**
   * Everything the return needs about an authority's children, in one statement per table.
   * @param authority - the placing authority
   * @returns each child's facts
   */
  async authorityFacts(authority: string): Promise<ChildFacts[]> {
    const children = await this.em.find(ChildEntity, { placingAuthority: authority }, { orderBy: { caseReference: 'asc', id: 'asc' } });
    const ids = children.map((c) => c.id);
    const byChild = <T extends { childId: string }>(rows: T[]) => {
      const m = new Map<string, T[]>();
      for (const r of rows) m.set(r.childId, [...(m.get(r.childId) ?? []), r]);
      return (id: string) => m.get(id) ?? [];
    };
    const [periods, statuses, placements, details, periodDetails, placementDetails, missing, leavers] = await Promise.all([
      this.em.find(PeriodOfCareEntity, { childId: { $in: ids } }).then(byChild),
      this.em.find(LegalStatusEntity, { childId: { $in: ids } }).then(byChild),
      this.em.find(PlacementEntity, { childId: { $in: ids } }).then(byChild),
      this.em.find(Ssda903ChildEntity, { childId: { $in: ids } }).then(byChild),
      this.em.find(Ssda903PeriodEntity, { childId: { $in: ids } }).then(byChild),
      this.em.find(Ssda903PlacementEntity, { childId: { $in: ids } }).then(byChild),
      this.em.find(MissingEpisodeEntity, { childId: { $in: ids } }).then(byChild),
      this.em.find(CareLeaverStatusEntity, { childId: { $in: ids } }).then(byChild),
    ]);
    return children.map((c) => {
      const d = details(c.id)[0];
      const pd = new Map(periodDetails(c.id).map((x) => [x.periodOfCareId, x]));
      const pl = new Map(placementDetails(c.id).map((x) => [x.placementId, x]));
      return {
        id: c.id, caseReference: c.caseReference, sex: c.sex, dateOfBirth: c.dateOfBirth, ethnicity: c.ethnicity,
        upn: d?.upn ?? null, motherChildDob: d?.motherChildDob ?? null,
        periods: periods(c.id).map((p) => ({ id: p.id, startedOn: p.startedOn, endedOn: p.endedOn, reasonCeased: p.reasonCeased, shortBreak: p.shortBreak, needCode: pd.get(p.id)?.needCode, homePostcode: pd.get(p.id)?.homePostcode })),
        legalStatuses: statuses(c.id).map((s) => ({ code: s.code, startedOn: s.startedOn, endedOn: s.endedOn })),
        placements: placements(c.id).map((p) => ({
          id: p.id, providerId: p.providerId, startedOn: londonDate(p.startedAt), endedOn: p.endedAt ? londonDate(p.endedAt) : null, placementType: p.placementType,
          endReason: p.endReason, placeProvider: pl.get(p.id)?.placeProvider, postcode: pl.get(p.id)?.postcode, urn: pl.get(p.id)?.urn,
        })),
        missing: missing(c.id).map((m) => ({ kind: m.kind, startedOn: m.startedOn, endedOn: m.endedOn })),
        careLeaver: leavers(c.id).map((l) => ({ birthday: l.birthday, inTouch: l.inTouch, activity: l.activity, accommodation: l.accommodation })),
      };
    });
  }
}
