import { addMonths, leavingCareStatus } from '@hub/statutory';
import {
  ACCOM_CODES, ACTIV_CODES, CIN_CODES, IN_TOUCH_CODES, LS_CODES, NO_PROVIDER_PLACES, PLACE_PROVIDER_CODES, placeCodes, POSTCODE_PATTERN,
  REASON_PLACE_CHANGE_CODES, REC_CODES, REVIEW_CODES, SHORT_BREAK_LS, UPN_PATTERN, UPN_UNKNOWN, URN_PATTERN, YearSpan,
} from './codes';

/** The DfE ethnicity codes the Header table accepts. */
export const ETHNIC_CODES = ['WBRI', 'WIRI', 'WOTH', 'WIRT', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT'];

/** The tables of the return, with the DfE's file and column names. */
export const TABLES = {
  Header: { fileName: 'header.csv', columns: ['CHILD', 'SEX', 'DOB', 'ETHNIC', 'UPN', 'MOTHER', 'MC_DOB'] },
  Episodes: { fileName: 'episodes.csv', columns: ['CHILD', 'DECOM', 'RNE', 'LS', 'CIN', 'PLACE', 'PLACE_PROVIDER', 'DEC', 'REC', 'REASON_PLACE_CHANGE', 'HOME_POST', 'PL_POST', 'URN'] },
  Reviews: { fileName: 'reviews.csv', columns: ['CHILD', 'DOB', 'REVIEW', 'REVIEW_CODE'] },
  Missing: { fileName: 'missing.csv', columns: ['CHILD', 'DOB', 'MISSING', 'MIS_START', 'MIS_END'] },
  OC3: { fileName: 'oc3.csv', columns: ['CHILD', 'DOB', 'IN_TOUCH', 'ACTIV', 'ACCOM'] },
} as const;
export type TableName = keyof typeof TABLES;

/** Tables of the return the hub does not fill, and why. */
export const OMITTED_TABLES: Array<{ table: string; fileName: string; reason: string }> = [
  { table: 'UASC', fileName: 'uasc.csv', reason: 'the hub does not record unaccompanied asylum-seeking status or its end date (DUC)' },
  { table: 'OC2', fileName: 'oc2.csv', reason: 'the hub does not record health checks, immunisations, SDQ scores, convictions or substance misuse' },
  { table: 'AD1', fileName: 'ad1.csv', reason: 'the hub does not record adoption decisions, matches or adopters' },
  { table: 'PlacedAdoption', fileName: 'placed_for_adoption.csv', reason: 'the hub does not record the decision that a child should be placed for adoption' },
  { table: 'PrevPerm', fileName: 'previous_permanence.csv', reason: 'the hub does not record permanence orders held before the child became looked after' },
  { table: 'SWEpisodes', fileName: 'sw_episodes.csv', reason: 'the hub keeps the current social worker by name only, without a worker id or a history of changes' },
];

/** One fact a child's record lacks or contradicts: the return would fail on it. */
export interface ReturnIssue {
  code: string;
  table: TableName;
  field: string;
  message: string;
}

/** The facts about one child the return is built from (the children service's own tables). */
export interface ChildFacts {
  id: string;
  caseReference?: string | null;
  sex?: string | null;
  dateOfBirth: string;
  ethnicity?: string | null;
  upn?: string | null;
  motherChildDob?: string | null;
  periods: Array<{ id: string; startedOn: string; endedOn?: string | null; reasonCeased?: string | null; shortBreak: boolean; needCode?: string | null; homePostcode?: string | null }>;
  legalStatuses: Array<{ code: string; startedOn: string; endedOn?: string | null }>;
  /** Placement dates are London dates. */
  placements: Array<{ id: string; providerId: string; startedOn: string; endedOn?: string | null; placementType: string; endReason?: string | null; placeProvider?: string | null; postcode?: string | null; urn?: string | null }>;
  missing: Array<{ kind: string; startedOn: string; endedOn?: string | null }>;
  careLeaver: Array<{ birthday: number; inTouch: string; activity: string; accommodation: string }>;
}

/** A review held, as the reviews service reports it for the return. */
export interface ReviewFact {
  childId: string;
  heldOn: string;
  participation?: string | null;
}

/** One derived episode, before it is cut to the collection year. */
export interface Episode {
  periodOfCareId: string;
  decom: string;
  rne: string;
  ls: string | null;
  placementId: string | null;
  place: string | null;
  placeProvider: string | null;
  dec: string | null;
  rec: string | null;
  reasonPlaceChange: string | null;
  cin: string | null;
  homePost: string | null;
  plPost: string | null;
  urn: string | null;
}

type Period = ChildFacts['periods'][number];
type Placement = ChildFacts['placements'][number];

/**
 * Episodes of one period of care: a new one on each change of legal status or placement, with its reason (RNE):
 * S first; L legal status only; P placement and carer; B placement with the same carer (provider); T legal
 * status and placement with a new carer; U legal status and placement with the same carer. An episode followed
 * by another in the same period ends on the day it starts with REC X1; the last ends with the period.
 * @param facts - the child's facts
 * @param period - the period of care
 * @returns the episodes, oldest first
 */
export function deriveEpisodes(facts: ChildFacts, period: Period): Episode[] {
  const within = (d: string) => d >= period.startedOn && (!period.endedOn || d <= period.endedOn);
  const statuses = facts.legalStatuses.filter((s) => within(s.startedOn)).sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const placements = facts.placements.filter((p) => within(p.startedOn)).sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  const dates = [...new Set([period.startedOn, ...statuses.map((s) => s.startedOn), ...placements.map((p) => p.startedOn)])]
    .filter((d) => !period.endedOn || d < period.endedOn || d === period.startedOn)
    .sort();
  const out: Episode[] = [];
  let prev: { ls: string | null; placement: Placement | null } | null = null;
  for (const d of dates) {
    const ls = [...statuses].reverse().find((s) => s.startedOn <= d)?.code ?? null;
    const placement = [...placements].reverse().find((p) => p.startedOn <= d && (!p.endedOn || p.endedOn > d)) ?? null;
    if (prev && prev.ls === ls && prev.placement?.id === placement?.id) continue;
    let rne = 'S';
    if (prev) {
      const lsChanged = prev.ls !== ls;
      const placeChanged = prev.placement?.id !== placement?.id;
      const sameCarer = !!prev.placement && !!placement && prev.placement.providerId === placement.providerId;
      rne = lsChanged && placeChanged ? (sameCarer ? 'U' : 'T') : lsChanged ? 'L' : sameCarer ? 'B' : 'P';
      const last = out[out.length - 1];
      last.dec = d;
      last.rec = 'X1';
      if (placeChanged) last.reasonPlaceChange = prev.placement?.endReason ?? null;
    }
    out.push({
      periodOfCareId: period.id, decom: d, rne, ls, placementId: placement?.id ?? null, place: placement?.placementType ?? null,
      placeProvider: placement?.placeProvider ?? null, dec: null, rec: null, reasonPlaceChange: null,
      cin: period.needCode ?? null, homePost: period.homePostcode ?? null, plPost: placement?.postcode ?? null, urn: placement?.urn ?? null,
    });
    prev = { ls, placement };
  }
  const last = out[out.length - 1];
  if (last && period.endedOn) {
    last.dec = period.endedOn;
    last.rec = period.reasonCeased ?? null;
  }
  return out;
}

/** A row of a table: column name to value (null = blank). */
export type Row = Record<string, string | null>;

/** The return for one child: its rows in each table and what would fail. */
export interface ChildReturn {
  childId: string;
  child: string;
  included: boolean;
  rows: Record<TableName, Row[]>;
  issues: ReturnIssue[];
}

const age = (dob: string, on: string) => {
  let years = Number(on.slice(0, 4)) - Number(dob.slice(0, 4));
  if (on.slice(5) < dob.slice(5)) years--;
  return years;
};

/**
 * The SEX code of a collection year: 1 male, 2 female until 2023–24; M, F or U (not known) from 2024–25.
 * @param sex - the recorded sex
 * @param year - the collection year
 * @returns the code, or null when the record cannot give one
 */
export function sexCode(sex: string | null | undefined, year: string): string | null {
  const s = (sex ?? '').trim().toUpperCase();
  const male = ['1', 'M', 'MALE'].includes(s);
  const female = ['2', 'F', 'FEMALE'].includes(s);
  if (year >= '2024-25') return male ? 'M' : female ? 'F' : ['U', 'UNKNOWN', 'NOT KNOWN'].includes(s) ? 'U' : null;
  return male ? '1' : female ? '2' : null;
}

/** Columns holding dates: written DD/MM/YYYY, as the DfE's CSV files have them. */
export const DATE_COLUMNS = ['DOB', 'MC_DOB', 'DECOM', 'DEC', 'REVIEW', 'MIS_START', 'MIS_END'];

/**
 * A row as the file has it: dates DD/MM/YYYY, blanks null.
 * @param row - the row with ISO dates
 * @returns the row for the file
 */
export function fileRow(row: Row): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = v && DATE_COLUMNS.includes(k) ? `${v.slice(8, 10)}/${v.slice(5, 7)}/${v.slice(0, 4)}` : v;
  return out;
}

/**
 * The child's part of the return for a collection year, and the issues that would make it fail: episodes open
 * during the year (an episode still open on 31 March is left without DEC, REC and REASON_PLACE_CHANGE), reviews
 * held in the year (none for short-break children, rule 399), missing episodes in the year, and the OC3 row of a
 * care leaver whose 17th to 21st birthday falls in the year.
 * @param facts - the child's facts
 * @param reviews - the reviews the reviews service reports for the child
 * @param span - the collection year
 * @returns the rows and the issues
 */
export function childReturn(facts: ChildFacts, reviews: ReviewFact[], span: YearSpan): ChildReturn {
  const issues: ReturnIssue[] = [];
  const issue = (code: string, table: TableName, field: string, message: string) => {
    if (!issues.some((i) => i.code === code && i.field === field && i.message === message)) issues.push({ code, table, field, message });
  };
  const child = facts.caseReference ?? '';
  const dob = facts.dateOfBirth;
  const rows: Record<TableName, Row[]> = { Header: [], Episodes: [], Reviews: [], Missing: [], OC3: [] };

  // Episodes open at any time during the year.
  const periods = [...facts.periods].sort((a, b) => a.startedOn.localeCompare(b.startedOn));
  for (const [i, p] of periods.entries()) {
    const next = periods[i + 1];
    if (!p.endedOn && next) issue('PERIOD_OPEN_BEFORE_ANOTHER', 'Episodes', 'DEC', `the period of care from ${p.startedOn} has no end but another starts ${next.startedOn}`);
  }
  const episodes = periods.flatMap((p) => deriveEpisodes(facts, p)).filter((e) => e.decom <= span.end && (!e.dec || e.dec >= span.start));
  const places = placeCodes(span.year);
  for (const e of episodes) {
    const where = `episode from ${e.decom}`;
    if (!e.ls || !(LS_CODES as readonly string[]).includes(e.ls)) issue('MISSING_LEGAL_STATUS', 'Episodes', 'LS', `${where}: no legal status is recorded`);
    if (!e.place) issue('NO_PLACEMENT', 'Episodes', 'PLACE', `${where}: no placement covers this date`);
    else if (!places.includes(e.place)) issue('PLACE_NOT_VALID_IN_YEAR', 'Episodes', 'PLACE', `${where}: placement type ${e.place} is not valid in ${span.year}`);
    if (e.place && !NO_PROVIDER_PLACES.includes(e.place)) {
      if (!e.placeProvider) issue('MISSING_PLACE_PROVIDER', 'Episodes', 'PLACE_PROVIDER', `${where}: the placement has no PLACE_PROVIDER`);
      else if (!(PLACE_PROVIDER_CODES as readonly string[]).includes(e.placeProvider)) issue('BAD_PLACE_PROVIDER', 'Episodes', 'PLACE_PROVIDER', `${where}: ${e.placeProvider} is not a PLACE_PROVIDER code`);
      else if ((e.placeProvider === 'PR0') !== (e.place === 'P1')) issue('PLACE_PROVIDER_MISMATCH', 'Episodes', 'PLACE_PROVIDER', `${where}: PR0 goes with P1 and only with P1`);
      if (!e.plPost) issue('MISSING_PL_POST', 'Episodes', 'PL_POST', `${where}: the placement has no postcode`);
      if (!e.urn) issue('MISSING_URN', 'Episodes', 'URN', `${where}: the placement has no URN (XXXXXXX where the setting has none)`);
    }
    const periodStart = periods.find((p) => p.id === e.periodOfCareId)?.startedOn;
    if (!e.cin) issue('MISSING_CIN', 'Episodes', 'CIN', `period of care from ${periodStart}: no category of need`);
    if (!e.homePost) issue('MISSING_HOME_POST', 'Episodes', 'HOME_POST', `period of care from ${periodStart}: no home postcode`);
    const closedInYear = !!e.dec && e.dec <= span.end;
    if (closedInYear) {
      if (!e.rec || !(REC_CODES as readonly string[]).includes(e.rec)) issue('MISSING_REC', 'Episodes', 'REC', `${where}: the reason the period of care ended is not recorded`);
      if (e.rec === 'X1' && e.placementId && e.reasonPlaceChange === null && episodes.some((n) => n.decom === e.dec && ['P', 'B', 'T', 'U'].includes(n.rne))) {
        issue('MISSING_REASON_PLACE_CHANGE', 'Episodes', 'REASON_PLACE_CHANGE', `${where}: the placement ended without a reason`);
      }
      if (e.reasonPlaceChange && !(REASON_PLACE_CHANGE_CODES as readonly string[]).includes(e.reasonPlaceChange)) issue('BAD_REASON_PLACE_CHANGE', 'Episodes', 'REASON_PLACE_CHANGE', `${where}: ${e.reasonPlaceChange} is not a reason for a change of placement`);
    }
    if (e.dec && e.dec < e.decom) issue('EPISODE_ENDS_BEFORE_START', 'Episodes', 'DEC', `${where}: ends before it starts`);
    rows.Episodes.push({
      CHILD: child, DECOM: e.decom, RNE: e.rne, LS: e.ls, CIN: e.cin, PLACE: e.place, PLACE_PROVIDER: e.place && NO_PROVIDER_PLACES.includes(e.place) ? null : e.placeProvider,
      DEC: closedInYear ? e.dec : null, REC: closedInYear ? e.rec : null, REASON_PLACE_CHANGE: closedInYear && e.rec === 'X1' ? e.reasonPlaceChange : null,
      HOME_POST: e.homePost, PL_POST: e.plPost, URN: e.urn,
    });
  }
  for (const p of facts.placements) {
    const period = periods.find((x) => p.startedOn >= x.startedOn && (!x.endedOn || p.startedOn <= x.endedOn));
    if (!period && p.startedOn <= span.end && (!p.endedOn || p.endedOn >= span.start)) issue('PLACEMENT_OUTSIDE_PERIOD', 'Episodes', 'DECOM', `placement from ${p.startedOn} is outside every period of care`);
  }
  if (episodes.length && episodes[0].decom < dob) issue('EPISODE_BEFORE_BIRTH', 'Episodes', 'DECOM', 'an episode starts before the date of birth');
  const inCare = episodes.length > 0;
  const shortBreaksOnly = inCare && episodes.every((e) => e.ls && SHORT_BREAK_LS.includes(e.ls));

  // Reviews held in the year (none for short-break children).
  if (inCare && !shortBreaksOnly) {
    for (const r of [...reviews].sort((a, b) => a.heldOn.localeCompare(b.heldOn))) {
      if (r.heldOn < span.start || r.heldOn > span.end) continue;
      const code = r.participation ?? null;
      if (!code || !(REVIEW_CODES as readonly string[]).includes(code)) issue('MISSING_REVIEW_CODE', 'Reviews', 'REVIEW_CODE', `review of ${r.heldOn}: no participation code`);
      else if ((code === 'PN0') !== (age(dob, r.heldOn) < 4)) issue('REVIEW_CODE_AGE', 'Reviews', 'REVIEW_CODE', `review of ${r.heldOn}: PN0 is for a child under 4, PN1–PN7 for 4 and over`);
      if (!episodes.some((e) => r.heldOn >= e.decom && (!e.dec || r.heldOn <= e.dec))) issue('REVIEW_OUTSIDE_EPISODE', 'Reviews', 'REVIEW', `review of ${r.heldOn}: held when the child was not looked after`);
      rows.Reviews.push({ CHILD: child, DOB: dob, REVIEW: r.heldOn, REVIEW_CODE: code });
    }
  }

  // Missing and away-without-authorisation episodes in the year.
  if (inCare) {
    for (const m of [...facts.missing].sort((a, b) => a.startedOn.localeCompare(b.startedOn))) {
      if (m.startedOn > span.end || (m.endedOn && m.endedOn < span.start)) continue;
      if (m.endedOn && m.endedOn < m.startedOn) issue('MISSING_ENDS_BEFORE_START', 'Missing', 'MIS_END', `missing from ${m.startedOn}: ends before it starts`);
      rows.Missing.push({ CHILD: child, DOB: dob, MISSING: m.kind, MIS_START: m.startedOn, MIS_END: m.endedOn && m.endedOn <= span.end ? m.endedOn : null });
    }
  }

  // Care leavers: a 17th to 21st birthday in the year, no longer looked after, relevant or former relevant.
  let careLeaver = false;
  for (let n = 17; n <= 21; n++) {
    const birthday = addMonths(dob, 12 * n);
    if (birthday < span.start || birthday > span.end) continue;
    const status = leavingCareStatus({ dateOfBirth: dob, periods: facts.periods.map((p) => ({ start: p.startedOn, end: p.endedOn ?? null, shortBreak: p.shortBreak })), asOf: birthday });
    const lookedAfter = facts.periods.some((p) => p.startedOn <= birthday && (!p.endedOn || p.endedOn > birthday));
    if (lookedAfter || !['RELEVANT', 'FORMER_RELEVANT'].includes(status.status)) continue;
    careLeaver = true;
    const rec = facts.careLeaver.find((c) => c.birthday === n);
    if (!rec) {
      issue('MISSING_CARE_LEAVER_STATUS', 'OC3', 'IN_TOUCH', `no care-leaver contact, activity and accommodation recorded for the ${n}th birthday (${birthday})`);
      continue;
    }
    if (!(IN_TOUCH_CODES as readonly string[]).includes(rec.inTouch) || !(ACTIV_CODES as readonly string[]).includes(rec.activity) || !(ACCOM_CODES as readonly string[]).includes(rec.accommodation)) {
      issue('BAD_CARE_LEAVER_CODE', 'OC3', 'IN_TOUCH', `the ${n}th birthday's care-leaver codes are not valid`);
    }
    rows.OC3.push({ CHILD: child, DOB: dob, IN_TOUCH: rec.inTouch, ACTIV: rec.activity, ACCOM: rec.accommodation });
  }

  const included = inCare || careLeaver;
  if (included) {
    if (!child) issue('MISSING_CHILD_ID', 'Header', 'CHILD', 'the child has no case reference, which the return uses as CHILD');
    else if (child.length > 10) issue('CHILD_ID_TOO_LONG', 'Header', 'CHILD', 'the case reference is longer than the return allows (10 characters)');
    const sex = sexCode(facts.sex, span.year);
    if (!sex) issue('MISSING_SEX', 'Header', 'SEX', 'sex is not recorded as male or female');
    const ethnic = (facts.ethnicity ?? '').trim().toUpperCase();
    if (!ETHNIC_CODES.includes(ethnic)) issue('MISSING_ETHNIC', 'Header', 'ETHNIC', 'ethnicity is not recorded as a DfE ethnicity code');
    const upn = facts.upn ?? null;
    if (inCare && age(dob, span.end) >= 5 && !upn) issue('MISSING_UPN', 'Header', 'UPN', 'no unique pupil number (or UN1–UN10)');
    if (upn && !UPN_PATTERN.test(upn) && !UPN_UNKNOWN.includes(upn)) issue('BAD_UPN', 'Header', 'UPN', 'the unique pupil number is not valid');
    const female = sex === '2' || sex === 'F';
    const mother = female && inCare && !shortBreaksOnly ? (facts.motherChildDob ? '1' : '0') : null;
    if (facts.motherChildDob && !female) issue('MOTHER_NOT_FEMALE', 'Header', 'MC_DOB', 'a mother\'s child date of birth is recorded for a child not recorded as female');
    rows.Header.push({ CHILD: child, SEX: sex, DOB: dob, ETHNIC: ethnic || null, UPN: upn, MOTHER: mother, MC_DOB: mother === '1' ? facts.motherChildDob ?? null : null });
    for (const p of periods) {
      if (p.homePostcode && !POSTCODE_PATTERN.test(p.homePostcode)) issue('BAD_HOME_POST', 'Episodes', 'HOME_POST', `period of care from ${p.startedOn}: the home postcode is not valid`);
      if (p.needCode && !(CIN_CODES as readonly string[]).includes(p.needCode)) issue('BAD_CIN', 'Episodes', 'CIN', `period of care from ${p.startedOn}: ${p.needCode} is not a category of need`);
    }
    for (const p of facts.placements) if (p.urn && !URN_PATTERN.test(p.urn)) issue('BAD_URN', 'Episodes', 'URN', `placement from ${p.startedOn}: the URN is not valid`);
  }
  return { childId: facts.id, child, included, rows, issues };
}

/**
 * Quotes one CSV value (RFC 4180); blank for null.
 * @param v - the value
 * @returns the field
 */
function csvField(v: string | null): string {
  if (v === null) return '';
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * A table as CSV text, with the DfE header line and CRLF line ends.
 * @param columns - the column names
 * @param rows - the rows
 * @returns the file's content
 */
export function toCsv(columns: readonly string[], rows: Array<Array<string | null>>): string {
  return [columns.join(','), ...rows.map((r) => r.map(csvField).join(','))].map((l) => `${l}\r\n`).join('');
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF); the first line names the columns.
 * @param text - the file's content
 * @returns the rows, keyed by column; blank fields are null
 */
export function parseCsv(text: string): { columns: string[]; rows: Row[] } {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field); field = '';
      if (record.some((f) => f !== '')) records.push(record);
      record = [];
    } else field += c;
  }
  if (field !== '' || record.length) { record.push(field); if (record.some((f) => f !== '')) records.push(record); }
  const [head = [], ...body] = records;
  const columns = head.map((h) => h.trim().toUpperCase());
  return { columns, rows: body.map((r) => Object.fromEntries(columns.map((c, i) => [c, (r[i] ?? '').trim() === '' ? null : (r[i] ?? '').trim()]))) };
}
