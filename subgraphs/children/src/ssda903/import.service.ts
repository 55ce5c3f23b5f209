import type { EntityManager } from '@mikro-orm/postgresql';
import { ConflictError, ForbiddenError, hasRole, InputError, parseLocalDate, Principal } from '@hub/service-kit';
import { londonDate } from '@hub/statutory';
import { ChildEntity } from '../child/child.entity';
import { ChildService } from '../child/child.service';
import { RegisterChildInput } from '../child/child.input';
import { PeriodOfCareEntity } from '../period-of-care/period-of-care.entity';
import { PeriodOfCareService } from '../period-of-care/period-of-care.service';
import { LegalStatusEntity } from '../period-of-care/legal-status.entity';
import { PlacementEntity } from '../placement/placement.entity';
import { PlacementService } from '../placement/placement.service';
import { CareLeaverStatusEntity, MissingEpisodeEntity, Ssda903ChildEntity, Ssda903PeriodEntity } from './ssda903.entity';
import { Ssda903Service } from './ssda903.service';
import type { Ssda903ImportChildInput, Ssda903ImportPeriodInput } from './import.type';

/** The case system of the authority imports its return. */
export const IMPORTERS = ['LA_SYSTEM'] as const;

/** Names are not in the return: an imported child is registered as "SSDA903 <CHILD>" until the record is updated. */
export const IMPORTED_GIVEN_NAME = 'SSDA903';

/**
 * Instants for facts the return dates by day (London dates): placements change at noon UTC (the same London date
 * all year), and a period of care ends two hours later, after the last placement's start on the same day.
 */
const changeAt = (date: string) => new Date(`${date}T12:00:00Z`);
const ceaseAt = (date: string) => new Date(`${date}T14:00:00Z`);

const conflict = (what: string) => new ConflictError(`the hub's record of this child differs from the return: ${what}`, { reason: 'CONFLICTS_WITH_RECORD', detail: what });

/** What importing one child did. */
export interface ChildImportResult {
  childId: string;
  caseReference: string;
  outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED';
  recorded: string[];
}

/**
 * Imports one child of an authority's previous SSDA903 return, in the caller's transaction, through the same
 * services as the individual mutations (registerChild, startPeriodOfCare, recordLegalStatus, startPlacement,
 * endPlacement, ceaseLookedAfter and the SSDA903 details), so the same checks apply and the same events are
 * recorded in the outbox, in the order of the facts' dates: the deadline ledger and the review cycle follow as if
 * the facts had been entered one by one.
 *
 * The child is found by its case reference (CHILD), unique in the authority. Facts already recorded are left as
 * they are (a second import of the same return changes nothing); a period of care the hub holds with the same
 * start must hold the return's legal statuses, placements and end; a new period must follow every recorded one.
 * Anything else is CONFLICT (CONFLICTS_WITH_RECORD) and, the caller's transaction rolling back, nothing of the
 * child is recorded.
 */
export class Ssda903ImportService {
  private readonly recorded: string[] = [];

  constructor(private readonly em: EntityManager, private readonly principal: Principal) {}

  async importChild(input: Ssda903ImportChildInput): Promise<ChildImportResult> {
    const p = this.principal;
    if (!hasRole(p, ...IMPORTERS) || !p.org) throw new ForbiddenError("only the authority's case system may import its SSDA903 return", { requiredRoles: [...IMPORTERS] });
    const caseReference = input.caseReference.trim();
    if (!caseReference) throw new InputError('CHILD is required', { field: 'caseReference', reason: 'REQUIRED' });
    const dob = parseLocalDate(input.dateOfBirth, 'dateOfBirth');
    let child = await this.em.findOne(ChildEntity, { placingAuthority: p.org, caseReference });
    let created = false;
    if (child) {
      if (child.dateOfBirth !== dob) throw conflict(`DOB ${dob}, recorded ${child.dateOfBirth}`);
    } else {
      child = await new ChildService(this.em, p).register(Object.assign(new RegisterChildInput(), {
        givenName: IMPORTED_GIVEN_NAME, familyName: caseReference, dateOfBirth: dob, placingAuthority: p.org, caseReference,
        sex: input.sex ?? undefined, ethnicity: input.ethnicity ?? undefined,
      }));
      created = true;
      this.recorded.push(`registered child ${caseReference}`);
    }
    const childId = child.id;
    const details = new Ssda903Service(this.em, p);

    const known = await this.em.findOne(Ssda903ChildEntity, { childId });
    const childDetails: { upn?: string; motherChildDob?: string } = {};
    for (const [field, value, have] of [['upn', input.upn, known?.upn], ['motherChildDob', input.motherChildDob, known?.motherChildDob]] as const) {
      if (!value) continue;
      if (have && have !== value) throw conflict(`${field} ${value}, recorded ${have}`);
      if (!have) childDetails[field] = value;
    }
    if (Object.keys(childDetails).length) {
      await details.recordChildDetails(childId, childDetails);
      this.recorded.push(`recorded ${Object.keys(childDetails).join(', ')}`);
    }

    for (const period of [...input.periods].sort((a, b) => a.startedOn.localeCompare(b.startedOn))) await this.period(child, period);

    for (const m of input.missing) {
      const start = parseLocalDate(m.startedOn, 'startedOn');
      const have = await this.em.findOne(MissingEpisodeEntity, { childId, startedOn: start, kind: m.kind });
      if (have && (have.endedOn ?? null) === (m.endedOn ?? null)) continue;
      // An episode open at the end of last year's return may have ended since; the end is added, never replaced.
      if (have?.endedOn && have.endedOn !== m.endedOn) {
        if (!m.endedOn) continue;
        throw conflict(`missing episode from ${start} ends ${m.endedOn}, recorded ${have.endedOn}`);
      }
      await details.recordMissingEpisode(childId, m);
      this.recorded.push(`recorded missing episode ${m.kind} from ${start}`);
    }

    for (const c of input.careLeaver) {
      const have = await this.em.findOne(CareLeaverStatusEntity, { childId, birthday: c.birthday });
      if (have) {
        if (have.inTouch !== c.inTouch || have.activity !== c.activity || have.accommodation !== c.accommodation) {
          throw conflict(`OC3 at the ${c.birthday}th birthday ${c.inTouch}/${c.activity}/${c.accommodation}, recorded ${have.inTouch}/${have.activity}/${have.accommodation}`);
        }
        continue;
      }
      await details.recordCareLeaverStatus(childId, c);
      this.recorded.push(`recorded care-leaver status at the ${c.birthday}th birthday`);
    }
    await this.em.flush();
    return { childId, caseReference, outcome: created ? 'CREATED' : this.recorded.length ? 'UPDATED' : 'UNCHANGED', recorded: this.recorded };
  }

  /** One period of care: checked against the hub's when it holds one with the same start, replayed otherwise. */
  private async period(child: ChildEntity, input: Ssda903ImportPeriodInput): Promise<void> {
    const childId = child.id;
    const start = parseLocalDate(input.startedOn, 'startedOn');
    const end = input.endedOn ? parseLocalDate(input.endedOn, 'endedOn') : null;
    const statuses = [...input.legalStatuses].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
    const placements = [...input.placements].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
    if (statuses[0]?.startedOn !== start) throw new InputError(`the period of care from ${start} needs a legal status from its first day`, { field: 'legalStatuses', reason: 'NO_LEGAL_STATUS' });
    for (const x of [...statuses, ...placements]) {
      if (x.startedOn < start || (end && x.startedOn > end)) throw new InputError(`${x.startedOn} is outside the period of care from ${start}`, { field: 'startedOn', reason: 'OUTSIDE_PERIOD_OF_CARE' });
    }

    const existing = await this.em.findOne(PeriodOfCareEntity, { childId, startedOn: start });
    if (existing) {
      await this.checkRecorded(existing, input, end);
      return;
    }
    const later = await this.em.findOne(PeriodOfCareEntity, { childId, $or: [{ endedOn: null }, { endedOn: { $gt: start } }] });
    if (later) throw conflict(`the period of care from ${start} overlaps the one recorded from ${later.startedOn}`);

    const p = this.principal;
    const periods = new PeriodOfCareService(this.em, p);
    const placing = new PlacementService(this.em, p);
    const details = new Ssda903Service(this.em, p);
    const period = await periods.start(childId, start, statuses[0].code);
    this.recorded.push(`started period of care ${start} (${statuses[0].code})`);
    if (input.needCode || input.homePostcode) await details.recordPeriodDetails(period.id, { needCode: input.needCode ?? null, homePostcode: input.homePostcode ?? null });

    // Each day's changes in the order the return implies: the placement ending, the new legal status, the new placement.
    const days = [...new Set([...statuses.slice(1).map((s) => s.startedOn), ...placements.flatMap((x) => [x.startedOn, ...(x.endedOn ? [x.endedOn] : [])])])].sort();
    const open = new Map<number, string>();
    for (const day of days) {
      for (const [i, x] of placements.entries()) {
        if (x.endedOn !== day || !open.has(i)) continue;
        await placing.end({ placementId: open.get(i)!, endedAt: changeAt(day), reason: x.endReason ?? undefined });
        open.delete(i);
      }
      for (const s of statuses.slice(1).filter((s) => s.startedOn === day)) {
        await periods.recordLegalStatus(childId, s.code, day);
        this.recorded.push(`recorded legal status ${s.code} from ${day}`);
      }
      for (const [i, x] of placements.entries()) {
        if (x.startedOn !== day) continue;
        const placement = await placing.start({ childId, providerId: x.providerId, startedAt: changeAt(day), placementType: x.placementType, isEmergency: false, isOutOfArea: false, intendedUntil18: false, custody: false });
        if (x.placeProvider || x.postcode || x.urn) await details.recordPlacementDetails(placement.id, { placeProvider: x.placeProvider ?? null, postcode: x.postcode ?? null, urn: x.urn ?? null });
        open.set(i, placement.id);
        this.recorded.push(`started placement ${x.placementType} with ${x.providerId} on ${day}`);
      }
    }
    if (end) {
      if (!input.reasonCeased) throw new InputError(`the period of care ending ${end} needs its REC`, { field: 'reasonCeased', reason: 'REQUIRED' });
      await periods.cease(childId, ceaseAt(end), input.reasonCeased);
      this.recorded.push(`ended period of care on ${end} (${input.reasonCeased})`);
    }
  }

  /** A period the hub holds already: it must hold the return's facts (the hub may know more, e.g. what followed). */
  private async checkRecorded(period: PeriodOfCareEntity, input: Ssda903ImportPeriodInput, end: string | null): Promise<void> {
    const [statuses, placements, details] = await Promise.all([
      this.em.find(LegalStatusEntity, { childId: period.childId, startedOn: { $gte: period.startedOn } }),
      this.em.find(PlacementEntity, { periodOfCareId: period.id }),
      this.em.findOne(Ssda903PeriodEntity, { periodOfCareId: period.id }),
    ]);
    const where = `period of care from ${period.startedOn}`;
    if (end && (period.endedOn !== end || period.reasonCeased !== input.reasonCeased)) {
      throw conflict(`${where} ends ${end} (${input.reasonCeased}), recorded ${period.endedOn ?? 'open'}${period.reasonCeased ? ` (${period.reasonCeased})` : ''}`);
    }
    for (const s of input.legalStatuses) {
      if (!statuses.some((x) => x.code === s.code && x.startedOn === s.startedOn)) throw conflict(`${where}: legal status ${s.code} from ${s.startedOn} is not recorded`);
    }
    for (const x of input.placements) {
      if (!placements.some((r) => r.placementType === x.placementType && londonDate(r.startedAt) === x.startedOn)) throw conflict(`${where}: placement ${x.placementType} from ${x.startedOn} is not recorded`);
    }
    if ((input.needCode && details?.needCode !== input.needCode) || (input.homePostcode && details?.homePostcode !== input.homePostcode)) {
      throw conflict(`${where}: CIN or HOME_POST differs`);
    }
  }
}
