import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { addMonths } from '@hub/statutory';
import { collectionYear, RNE_CODES } from './codes';
import { parseCsv, Row, TABLES, TableName } from './return-builder';
import { dataOf, GatewayPost } from './export';

/** A row of the return the import did not record, and why. */
export interface RefusedRow {
  file: string;
  /** The line of the file (1 is the column names). */
  line: number;
  child: string | null;
  reason: string;
}

interface RowRef {
  file: string;
  line: number;
}

/** One child of the return, as the import mutation takes it, with the rows it came from. */
export interface ImportChild {
  caseReference: string;
  input: {
    caseReference: string; dateOfBirth: string; sex: string | null; ethnicity: string | null; upn: string | null; motherChildDob: string | null;
    periods: Array<{
      startedOn: string; endedOn: string | null; reasonCeased: string | null; needCode: string | null; homePostcode: string | null;
      legalStatuses: Array<{ code: string; startedOn: string }>;
      placements: Array<{ providerId: string; placementType: string; startedOn: string; endedOn: string | null; endReason: string | null; placeProvider: string | null; postcode: string | null; urn: string | null }>;
    }>;
    missing: Array<{ kind: string; startedOn: string; endedOn: string | null }>;
    careLeaver: Array<{ birthday: number; inTouch: string; activity: string; accommodation: string }>;
  };
  reviews: Array<{ heldOn: string; participation: string; ref: RowRef }>;
  rows: RowRef[];
}

/** What the import is told beyond the files. */
export interface ParseOptions {
  /** The hub's providers: a placement is matched to the provider with its URN. */
  providers: Array<{ id: string; urn?: string | null }>;
  /** The provider for placements the return does not name a registered setting for (URN XXXXXXX or blank). */
  defaultProvider?: string | null;
  /** The collection year (which birthday an OC3 row is for); inferred from the latest date in the files otherwise. */
  year?: string | null;
}

class RowError extends Error {}

/**
 * A date of the return, DD/MM/YYYY (or YYYY-MM-DD), as YYYY-MM-DD.
 * @param v - the field
 * @param column - the column, for the message
 * @returns the date
 */
export function returnDate(v: string | null, column: string): string {
  if (!v) throw new RowError(`${column} is blank`);
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) throw new RowError(`${column} ${v} is not a date (DD/MM/YYYY)`);
  const [y, mo, d] = v.includes('/') ? [m[3], m[2], m[1]] : [m[1], m[2], m[3]];
  const iso = `${y}-${mo}-${d}`;
  const t = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== iso) throw new RowError(`${column} ${v} is not a date`);
  return iso;
}

const need = (row: Row, column: string) => {
  const v = row[column];
  if (!v) throw new RowError(`${column} is blank`);
  return v;
};
const optDate = (row: Row, column: string) => (row[column] ? returnDate(row[column], column) : null);

/** The files of a return: name to content (missing files absent). */
export type ReturnFiles = Partial<Record<TableName, string>>;

/**
 * Reads a return's CSV files from a folder (header.csv, episodes.csv, reviews.csv, missing.csv, oc3.csv; any
 * missing but header.csv are taken as empty).
 * @param dir - the folder
 * @returns the files' contents
 */
export async function readReturnFiles(dir: string): Promise<ReturnFiles> {
  const out: ReturnFiles = {};
  for (const name of Object.keys(TABLES) as TableName[]) {
    try {
      out[name] = await readFile(join(dir, TABLES[name].fileName), 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
      if (name === 'Header') throw new Error(`${join(dir, TABLES.Header.fileName)} is missing: the header table names the children`);
    }
  }
  return out;
}

/**
 * Turns a return's tables into one import per child, refusing rows that cannot be recorded. All or nothing per
 * child: a child with a refused row is not imported, and its other rows are refused with the reason.
 * Episodes become periods of care (a period starts with RNE S, or after an episode that ended with a REC other
 * than X1, and ends with the DEC and REC of its last episode), legal statuses (a new one where LS changes) and
 * placements (a new one where RNE is S, P, B, T or U; it ends on the next one's DECOM with the
 * REASON_PLACE_CHANGE of the episode before). A placement's provider is the hub's provider with the row's URN; B
 * and U (same carer) keep the previous placement's provider; otherwise the default provider. P and T (a new carer)
 * with the previous placement's provider are refused, since the hub would derive B or U from them.
 * @param files - the tables' contents
 * @param options - providers, default provider, collection year
 * @returns the children to import and the rows refused
 */
export function parseReturn(files: ReturnFiles, options: ParseOptions): { children: ImportChild[]; refused: RefusedRow[] } {
  const refused: RefusedRow[] = [];
  const tables = {} as Record<TableName, Array<{ row: Row; ref: RowRef }>>;
  for (const name of Object.keys(TABLES) as TableName[]) {
    const { fileName, columns } = TABLES[name];
    tables[name] = [];
    const text = files[name];
    if (text === undefined) continue;
    const parsed = parseCsv(text);
    const missing = columns.filter((c) => !parsed.columns.includes(c));
    if (missing.length) {
      refused.push({ file: fileName, line: 1, child: null, reason: `columns missing: ${missing.join(', ')}; the file is not read` });
      continue;
    }
    tables[name] = parsed.rows.map((row, i) => ({ row, ref: { file: fileName, line: i + 2 } }));
  }

  const byChild = new Map<string, { header?: { row: Row; ref: RowRef }; episodes: Array<{ row: Row; ref: RowRef }>; reviews: Array<{ row: Row; ref: RowRef }>; missing: Array<{ row: Row; ref: RowRef }>; oc3: Array<{ row: Row; ref: RowRef }> }>();
  const slot = (child: string) => {
    if (!byChild.has(child)) byChild.set(child, { episodes: [], reviews: [], missing: [], oc3: [] });
    return byChild.get(child)!;
  };
  const duplicates = new Set<string>();
  const refuse = (ref: RowRef, child: string | null, reason: string) => refused.push({ ...ref, child, reason });
  for (const [name, key] of [['Header', 'header'], ['Episodes', 'episodes'], ['Reviews', 'reviews'], ['Missing', 'missing'], ['OC3', 'oc3']] as const) {
    for (const r of tables[name]) {
      const child = r.row.CHILD;
      if (!child) { refuse(r.ref, null, 'CHILD is blank'); continue; }
      if (key === 'header') {
        if (slot(child).header) duplicates.add(child);
        slot(child).header ??= r;
      } else slot(child)[key].push(r);
    }
  }

  // The collection year: given, or the one holding the latest date of the return.
  const latest = [...tables.Episodes.flatMap((r) => [r.row.DECOM, r.row.DEC]), ...tables.Reviews.map((r) => r.row.REVIEW), ...tables.Missing.flatMap((r) => [r.row.MIS_START, r.row.MIS_END])]
    .map((v) => { try { return v ? returnDate(v, 'date') : null; } catch { return null; } })
    .filter((v): v is string => !!v).sort().pop();
  const yearEnd = options.year ? collectionYear(options.year).end : latest ? `${Number(latest.slice(0, 4)) + (latest.slice(5) >= '04-01' ? 1 : 0)}-03-31` : null;
  const byUrn = new Map(options.providers.filter((p) => p.urn).map((p) => [p.urn!.toUpperCase(), p.id]));

  const children: ImportChild[] = [];
  for (const [child, g] of byChild) {
    const all = [...(g.header ? [g.header] : []), ...g.episodes, ...g.reviews, ...g.missing, ...g.oc3];
    const fail = (ref: RowRef | null, reason: string) => {
      for (const r of all) refuse(r.ref, child, r.ref === ref ? reason : `another row of child ${child} was refused (${ref ? `${ref.file} line ${ref.line}` : 'header'}): the child is imported whole or not at all`);
    };
    let current: RowRef | null = null;
    try {
      if (!g.header) { current = all[0].ref; throw new RowError('no header row for this CHILD'); }
      current = g.header.ref;
      if (duplicates.has(child)) throw new RowError('more than one header row for this CHILD');
      const h = g.header.row;
      const dob = returnDate(h.DOB, 'DOB');
      const input: ImportChild['input'] = {
        caseReference: child, dateOfBirth: dob, sex: h.SEX, ethnicity: h.ETHNIC, upn: h.UPN, motherChildDob: h.MOTHER === '1' ? optDate(h, 'MC_DOB') : null,
        periods: [], missing: [], careLeaver: [],
      };
      const episodes = g.episodes.map((e) => { current = e.ref; return { ...e, decom: returnDate(e.row.DECOM, 'DECOM'), dec: optDate(e.row, 'DEC') }; })
        .sort((a, b) => a.decom.localeCompare(b.decom));
      type Period = ImportChild['input']['periods'][number];
      let period: Period | null = null;
      let prev: (typeof episodes)[number] | null = null;
      for (const e of episodes) {
        current = e.ref;
        const row = e.row;
        const rne = need(row, 'RNE');
        if (!(RNE_CODES as readonly string[]).includes(rne)) throw new RowError(`RNE ${rne} is not a reason for a new episode`);
        const ls = need(row, 'LS');
        const place = need(row, 'PLACE');
        if (e.dec && e.dec < e.decom) throw new RowError('DEC is before DECOM');
        if (e.dec && !row.REC) throw new RowError('REC is blank although DEC is given');
        const continues = !!prev && prev.row.REC === 'X1';
        if (prev && !prev.dec) throw new RowError(`an episode follows the one from ${prev.decom}, which has no DEC`);
        if (continues && prev!.dec !== e.decom) throw new RowError(`the episode before ended ${prev!.dec} with X1, but this one starts ${e.decom}`);
        if (continues === (rne === 'S')) throw new RowError(continues ? 'RNE S, but the episode before ended with X1 (no new period of care)' : `RNE ${rne}, but no episode ending with X1 comes before it`);
        if (!continues) {
          period = { startedOn: e.decom, endedOn: null, reasonCeased: null, needCode: row.CIN, homePostcode: row.HOME_POST, legalStatuses: [], placements: [] };
          input.periods.push(period);
        }
        const p = period!;
        if ((row.CIN ?? null) !== (p.needCode ?? null) || (row.HOME_POST ?? null) !== (p.homePostcode ?? null)) {
          throw new RowError('CIN or HOME_POST changes within a period of care; the hub records one of each per period');
        }
        if (p.legalStatuses[p.legalStatuses.length - 1]?.code !== ls) p.legalStatuses.push({ code: ls, startedOn: e.decom });
        const last = p.placements[p.placements.length - 1];
        const urn = row.URN && row.URN.toUpperCase() !== 'XXXXXXX' ? row.URN.toUpperCase() : null;
        if (rne === 'L') {
          if (!last || last.placementType !== place || (last.urn ?? null) !== (row.URN ?? null)) throw new RowError('RNE L (legal status only), but the placement differs from the episode before');
        } else {
          const sameCarer = rne === 'B' || rne === 'U';
          let provider = urn ? byUrn.get(urn) : undefined;
          if (urn && !provider) {
            if (!sameCarer) throw new RowError(`no provider in the hub has URN ${urn}`);
          }
          if (sameCarer) {
            if (provider && provider !== last!.providerId) throw new RowError(`RNE ${rne} (same carer), but URN ${urn} is provider ${provider}, not ${last!.providerId}`);
            provider = last!.providerId;
          }
          provider ??= options.defaultProvider ?? undefined;
          if (!provider) throw new RowError('the return names no registered setting (URN XXXXXXX or blank): give a provider for such placements (--provider)');
          if ((rne === 'P' || rne === 'T') && last?.providerId === provider) {
            throw new RowError(`RNE ${rne} (new carer), but the placement resolves to provider ${provider} as the one before; it would be recorded as the same carer`);
          }
          if (last) { last.endedOn = e.decom; last.endReason = prev!.row.REASON_PLACE_CHANGE; }
          p.placements.push({ providerId: provider, placementType: place, startedOn: e.decom, endedOn: null, endReason: null, placeProvider: row.PLACE_PROVIDER, postcode: row.PL_POST, urn: row.URN });
        }
        if (e.dec && row.REC !== 'X1') { p.endedOn = e.dec; p.reasonCeased = row.REC; }
        prev = e;
      }
      if (prev && prev.row.REC === 'X1') { current = prev.ref; throw new RowError(`ended ${prev.dec} with X1, but no episode starts that day`); }

      const reviews: ImportChild['reviews'] = [];
      for (const r of g.reviews) {
        current = r.ref;
        if (r.row.DOB && returnDate(r.row.DOB, 'DOB') !== dob) throw new RowError('DOB differs from the header');
        if (!input.periods.length) throw new RowError('a review of a child with no episode in the return');
        reviews.push({ heldOn: returnDate(r.row.REVIEW, 'REVIEW'), participation: need(r.row, 'REVIEW_CODE'), ref: r.ref });
      }
      reviews.sort((a, b) => a.heldOn.localeCompare(b.heldOn));
      for (const r of g.missing) {
        current = r.ref;
        if (r.row.DOB && returnDate(r.row.DOB, 'DOB') !== dob) throw new RowError('DOB differs from the header');
        input.missing.push({ kind: need(r.row, 'MISSING'), startedOn: returnDate(r.row.MIS_START, 'MIS_START'), endedOn: optDate(r.row, 'MIS_END') });
      }
      for (const r of g.oc3) {
        current = r.ref;
        if (r.row.DOB && returnDate(r.row.DOB, 'DOB') !== dob) throw new RowError('DOB differs from the header');
        if (!yearEnd) throw new RowError('the collection year is not known (no dates in the return): give --year');
        const yearStart = `${Number(yearEnd.slice(0, 4)) - 1}-04-01`;
        const birthday = [17, 18, 19, 20, 21].find((n) => { const d = addMonths(dob, 12 * n); return d >= yearStart && d <= yearEnd; });
        if (!birthday) throw new RowError(`no 17th to 21st birthday falls in the collection year ending ${yearEnd}`);
        input.careLeaver.push({ birthday, inTouch: need(r.row, 'IN_TOUCH'), activity: need(r.row, 'ACTIV'), accommodation: need(r.row, 'ACCOM') });
      }
      children.push({ caseReference: child, input, reviews, rows: all.map((r) => r.ref) });
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      fail(current, e.message);
    }
  }
  refused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { children, refused };
}

const CHILD_MUTATION = `mutation Ssda903ImportChild($i: Ssda903ImportChildInput!) {
  importSsda903Child(input: $i) { childId caseReference outcome recorded }
}`;
const REVIEW_MUTATION = `mutation Ssda903ImportReview($c: ID!, $d: String!, $p: String!) {
  importSsda903Review(childId: $c, heldOn: $d, participation: $p) { reviewId outcome }
}`;

/** What importing a return did, per child, with the rows refused and why. */
export interface ImportResult {
  children: Array<{ caseReference: string; childId: string; outcome: 'CREATED' | 'UPDATED' | 'UNCHANGED'; reviewsHeld: number; reviewsUnchanged: number }>;
  refused: RefusedRow[];
}

/** How an import runs. */
export interface ImportOptions {
  /** The provider for placements without a registered setting's URN. */
  defaultProvider?: string | null;
  /** The collection year (for OC3 rows); inferred otherwise. */
  year?: string | null;
  /** Called after each child (children step) and each child's reviews (reviews step). */
  progress?: (step: 'children' | 'reviews', done: number, total: number, caseReference: string, outcome: string) => void;
  /** Called between the two steps (tests: wait for the events to be delivered). */
  betweenSteps?: () => Promise<void>;
  /** How long reviews wait for the reviews service to learn of the children's periods of care (default 30 s). */
  reviewWaitMs?: number;
}

const messageOf = (errors: Array<{ message: string; extensions?: Record<string, unknown> }>) =>
  errors.map((e) => `${e.message} (${String(e.extensions?.code ?? 'ERROR')}${e.extensions?.reason ? ` ${String(e.extensions.reason)}` : ''})`).join('; ');
/** Answers the reviews service gives until the events about the child's period of care reach it. */
const notYetKnown = (errors: Array<{ extensions?: Record<string, unknown> }>) =>
  errors.some((e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.reason === 'NOT_LOOKED_AFTER');

/**
 * Imports an authority's previous SSDA903 return through the gateway in two steps. First each child, whole, in
 * one transaction of the children service (importSsda903Child): its periods of care, legal statuses,
 * placements, missing episodes and OC3 status. Then the reviews held (importSsda903Review, reviews service), once
 * the reviews service has learnt of the child's periods of care from the children service's events; a review
 * refused is reported, and running the import again completes it (both steps leave what is recorded as it is).
 * @param post - a GraphQL POST to the gateway (the authority's LA_SYSTEM token)
 * @param files - the return's tables
 * @param options - default provider, year, progress
 * @returns per child what was done, and the rows refused and why
 */
export async function importReturn(post: GatewayPost, files: ReturnFiles, options: ImportOptions = {}): Promise<ImportResult> {
  const providers = dataOf<{ providers: Array<{ id: string; urn: string | null }> }>(await post('query { providers { id urn } }', {})).providers;
  const parsed = parseReturn(files, { providers, defaultProvider: options.defaultProvider, year: options.year });
  const refused = [...parsed.refused];
  const result: ImportResult = { children: [], refused };
  const imported: Array<{ child: ImportChild; childId: string; entry: ImportResult['children'][number] }> = [];

  for (const [i, child] of parsed.children.entries()) {
    const r = await post(CHILD_MUTATION, { i: child.input });
    if (r.errors?.length || !r.data?.importSsda903Child) {
      const reason = `the hub refused child ${child.caseReference}: ${messageOf(r.errors ?? [{ message: 'no answer' }])}`;
      for (const ref of child.rows) refused.push({ ...ref, child: child.caseReference, reason });
      options.progress?.('children', i + 1, parsed.children.length, child.caseReference, 'REFUSED');
      continue;
    }
    const done = r.data.importSsda903Child as { childId: string; outcome: ImportResult['children'][number]['outcome'] };
    const entry = { caseReference: child.caseReference, childId: done.childId, outcome: done.outcome, reviewsHeld: 0, reviewsUnchanged: 0 };
    result.children.push(entry);
    imported.push({ child, childId: done.childId, entry });
    options.progress?.('children', i + 1, parsed.children.length, child.caseReference, done.outcome);
  }

  await options.betweenSteps?.();
  const deadline = Date.now() + (options.reviewWaitMs ?? 30_000);
  let pending = imported.filter((x) => x.child.reviews.length).map((x) => ({ ...x, next: 0 }));
  const total = pending.length;
  let finished = 0;
  while (pending.length) {
    const waiting: typeof pending = [];
    for (const x of pending) {
      let lastErrors: Array<{ message: string; extensions?: Record<string, unknown> }> | null = null;
      for (; x.next < x.child.reviews.length; x.next++) {
        const rv = x.child.reviews[x.next];
        const r = await post(REVIEW_MUTATION, { c: x.childId, d: rv.heldOn, p: rv.participation });
        if (r.errors?.length) {
          if (notYetKnown(r.errors) && Date.now() < deadline) { lastErrors = r.errors; break; }
          // Reviews of a period follow one another: the later ones wait for this one.
          const reason = `the hub refused the review: ${messageOf(r.errors)}`;
          for (const later of x.child.reviews.slice(x.next)) refused.push({ ...later.ref, child: x.child.caseReference, reason: later === rv ? reason : `an earlier review of child ${x.child.caseReference} was refused; reviews are recorded in date order` });
          x.next = x.child.reviews.length;
          break;
        }
        if (r.data.importSsda903Review.outcome === 'HELD') x.entry.reviewsHeld++;
        else x.entry.reviewsUnchanged++;
      }
      if (lastErrors) waiting.push(x);
      else options.progress?.('reviews', ++finished, total, x.child.caseReference, `${x.entry.reviewsHeld} held, ${x.entry.reviewsUnchanged} unchanged`);
    }
    pending = waiting;
    if (pending.length) await new Promise((res) => setTimeout(res, 500));
  }
  refused.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return result;
}
