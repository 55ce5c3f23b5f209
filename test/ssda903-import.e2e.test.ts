/**
 * Importing an authority's previous SSDA903 return: a return exported from records entered one by one, imported
 * into a fresh authority and exported again gives the same files; importing it twice changes nothing; a malformed
 * file's rows are refused with the reason, the child whole.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setClock } from '@hub/service-kit';
import { bearer } from '@hub/service-kit/testing';
import { exportReturn, GatewayPost, importReturn, readReturnFiles } from '@hub/children';
import { startHub, Hub } from './harness/hub';

const LA = 'LA-RT1';
const FRESH = 'LA-RT2';
const SW = bearer('SOCIAL_WORKER', LA);
const SYS = bearer('LA_SYSTEM', LA);
const SYS2 = bearer('LA_SYSTEM', FRESH);
const YEARS = ['2024-25', '2025-26'];

let hub: Hub;
let dir: string;

const must = (q: string, v: Record<string, unknown> = {}, auth = SW) => hub.must(q, v, auth);
const post = (auth: string): GatewayPost => (q, v) => hub.query(q, v, auth) as never;
const at = (date: string) => `${date}T11:00:00Z`;

async function child(ref: string, dob: string, sex: string, startedOn: string, ls: string): Promise<string> {
  setClock(new Date(`${startedOn}T10:00:00Z`));
  const id = (await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
    i: { givenName: 'Trip', familyName: ref, dateOfBirth: dob, sex, ethnicity: 'WBRI', caseReference: ref, placingAuthority: LA, becameLookedAfterOn: startedOn, legalStatus: ls },
  })).registerChild.id as string;
  const periodId = (await must('query($id: ID!) { child(id: $id) { periodsOfCare { id } } }', { id })).child.periodsOfCare[0].id as string;
  await must('mutation($p: ID!, $i: Ssda903PeriodDetailsInput!) { recordSsda903PeriodDetails(periodOfCareId: $p, input: $i) { needCode } }', { p: periodId, i: { needCode: 'N1', homePostcode: 'NE1 4AB' } });
  return id;
}

async function place(childId: string, on: string, providerId: string, type: string, urn: string): Promise<string> {
  setClock(new Date(`${on}T12:00:00Z`));
  const pid = (await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', { i: { childId, providerId, startedAt: at(on), placementType: type } })).startPlacement.id as string;
  await must('mutation($p: ID!, $i: Ssda903PlacementDetailsInput!) { recordSsda903PlacementDetails(placementId: $p, input: $i) { urn } }', { p: pid, i: { placeProvider: 'PR4', postcode: 'NE2 1AA', urn } });
  return pid;
}

async function hold(childId: string, heldOn: string, code: string) {
  setClock(new Date(`${heldOn}T17:00:00Z`));
  await must('mutation($c: ID!, $d: String!, $p: ParticipationCode!) { holdReview(childId: $c, heldOn: $d, participation: $p) { id } }', { c: childId, d: heldOn, p: code }, SYS);
}

async function exportYears(auth: string, authority: string, label: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const y of YEARS) {
    const d = join(dir, `${label}-${y}`);
    const r = await exportReturn(post(auth), authority, y, d);
    expect(r.issues).toEqual([]);
    for (const f of (await readdir(d)).sort()) out[`${y}/${f}`] = await readFile(join(d, f), 'utf8');
  }
  return out;
}

async function importYears(auth: string, label: string) {
  const results = [];
  for (const y of YEARS) {
    results.push(await importReturn(post(auth), await readReturnFiles(join(dir, `${label}-${y}`)), { defaultProvider: 'PRV-RT-FOSTER', betweenSteps: () => hub.settle() }));
    await hub.settle();
  }
  return results;
}

async function reviewsOf(auth: string, ref: string) {
  const kids = await must('{ children(first: 20) { edges { node { id caseReference } } } }', {}, auth);
  const id = kids.children.edges.find((e: { node: { caseReference: string } }) => e.node.caseReference === ref).node.id;
  return (await must('query($id: ID!) { child(id: $id) { reviews { sequence heldOn participation } } }', { id }, auth)).child;
}

beforeAll(async () => {
  hub = await startHub({ label: 'ssda903-import' });
  const admin = bearer('ADMIN', 'HUB');
  await must(`mutation { upsertAuthority(code: "${LA}", name: "Trip Council") { code } }`, {}, admin);
  await must(`mutation { upsertAuthority(code: "${FRESH}", name: "Fresh Council") { code } }`, {}, admin);
  await must('mutation { upsertProvider(input: { id: "PRV-RT-HOME", name: "Trip Home", kind: "CHILDRENS_HOME", urn: "SC000002" }) { id } }', {}, admin);
  await must('mutation { upsertProvider(input: { id: "PRV-RT-FOSTER", name: "Trip Fostering", kind: "FOSTERING_AGENCY" }) { id } }', {}, admin);

  // A: C1 then C2; a children's home, then foster care; missing one night; two reviews.
  const a = await child('A001', '2012-03-10', 'F', '2025-05-01', 'C1');
  const home = await place(a, '2025-05-01', 'PRV-RT-HOME', 'K2', 'SC000002');
  await must('mutation($c: ID!, $i: Ssda903ChildDetailsInput!) { recordSsda903ChildDetails(childId: $c, input: $i) { upn } }', { c: a, i: { upn: 'A12345678901B' } });
  await hub.settle();
  await hold(a, '2025-05-28', 'PN1');
  setClock(new Date('2025-06-12T09:00:00Z'));
  await must('mutation($c: ID!, $i: MissingEpisodeInput!) { recordMissingEpisode(childId: $c, input: $i) { id } }', { c: a, i: { kind: 'M', startedOn: '2025-06-10', endedOn: '2025-06-11' } });
  setClock(new Date('2025-07-15T12:00:00Z'));
  await must('mutation($c: ID!) { recordLegalStatus(childId: $c, code: "C2", startedOn: "2025-07-15") { code } }', { c: a });
  setClock(new Date('2025-09-01T12:00:00Z'));
  await must('mutation($i: EndPlacementInput!) { endPlacement(input: $i) { id } }', { i: { placementId: home, endedAt: at('2025-09-01'), reason: 'CARPL' } });
  await place(a, '2025-09-01', 'PRV-RT-FOSTER', 'U4', 'XXXXXXX');
  await hold(a, '2025-10-20', 'PN5');

  // B: a baby under s20 from June to December 2025; one review (PN0), held before the period ended.
  const b = await child('B002', '2023-01-05', 'M', '2025-06-01', 'V2');
  await place(b, '2025-06-01', 'PRV-RT-FOSTER', 'U6', 'XXXXXXX');
  await must('mutation($c: ID!, $i: Ssda903ChildDetailsInput!) { recordSsda903ChildDetails(childId: $c, input: $i) { upn } }', { c: b, i: { upn: 'UN1' } });
  await hub.settle();
  await hold(b, '2025-06-25', 'PN0');
  setClock(new Date('2025-12-01T15:00:00Z'));
  await must('mutation($c: ID!, $at: DateTime!) { ceaseLookedAfter(childId: $c, ceasedAt: $at, reason: "E4A") { id } }', { c: b, at: '2025-12-01T14:00:00Z' });

  // C: looked after from 14 to 17 and a half (in the 2024-25 return), a care leaver at 18 (OC3 in 2025-26).
  const c = await child('C003', '2007-08-20', 'M', '2021-10-01', 'C2');
  await place(c, '2021-10-01', 'PRV-RT-HOME', 'K2', 'SC000002');
  await must('mutation($c: ID!, $i: Ssda903ChildDetailsInput!) { recordSsda903ChildDetails(childId: $c, input: $i) { upn } }', { c, i: { upn: 'C12345678901D' } });
  setClock(new Date('2025-02-01T15:00:00Z'));
  await must('mutation($c: ID!, $at: DateTime!) { ceaseLookedAfter(childId: $c, ceasedAt: $at, reason: "E5") { id } }', { c, at: '2025-02-01T14:00:00Z' });
  setClock(new Date('2025-08-25T12:00:00Z'));
  await must('mutation($c: ID!, $i: CareLeaverStatusInput!) { recordCareLeaverStatus(childId: $c, input: $i) { birthday } }', { c, i: { birthday: 18, inTouch: 'YES', activity: 'F2', accommodation: 'S2' } });

  setClock(new Date('2026-04-20T12:00:00Z'));
  await hub.settle();
  dir = await mkdtemp(join(tmpdir(), 'ssda903-import-'));
}, 120_000);

afterAll(async () => {
  setClock();
  await hub?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('importing an SSDA903 return', () => {
  let original: Record<string, string>;

  it('export, import into a fresh authority, export again: the same files', async () => {
    original = await exportYears(SYS, LA, 'original');
    expect(Object.keys(original)).toEqual([
      '2024-25/episodes.csv', '2024-25/header.csv', '2024-25/missing.csv', '2024-25/oc3.csv', '2024-25/reviews.csv',
      '2025-26/episodes.csv', '2025-26/header.csv', '2025-26/missing.csv', '2025-26/oc3.csv', '2025-26/reviews.csv',
    ]);
    expect(original['2025-26/episodes.csv'].split('\r\n')).toHaveLength(6);
    const [y1, y2] = await importYears(SYS2, 'original');
    expect(y1.refused).toEqual([]);
    expect(y1.children.map((c) => [c.caseReference, c.outcome])).toEqual([['C003', 'CREATED']]);
    expect(y2.refused).toEqual([]);
    expect(y2.children.map((c) => [c.caseReference, c.outcome, c.reviewsHeld])).toEqual([['A001', 'CREATED', 2], ['B002', 'CREATED', 1], ['C003', 'UPDATED', 0]]);
    expect(await exportYears(SYS2, FRESH, 'again')).toEqual(original);
  }, 120_000);

  it('follows the review cycle as if entered one by one: reviews in their periods, in sequence', async () => {
    for (const ref of ['A001', 'B002']) expect(await reviewsOf(SYS2, ref)).toEqual(await reviewsOf(SYS, ref));
    expect((await reviewsOf(SYS2, 'A001')).reviews).toEqual([{ sequence: 1, heldOn: '2025-05-28', participation: 'PN1' }, { sequence: 2, heldOn: '2025-10-20', participation: 'PN5' }]);
    const plans = async (auth: string, ref: string) => {
      const kids = await must('{ children(first: 20) { edges { node { id caseReference } } } }', {}, auth);
      const id = kids.children.edges.find((e: { node: { caseReference: string } }) => e.node.caseReference === ref).node.id;
      const d = (await must('query($id: ID!) { child(id: $id) { deadlines { ruleId dueDate status } } }', { id }, auth)).child.deadlines;
      return [...d].sort((x: { ruleId: string; dueDate: string }, y: { ruleId: string; dueDate: string }) => `${x.ruleId}${x.dueDate}`.localeCompare(`${y.ruleId}${y.dueDate}`));
    };
    for (const ref of ['A001', 'B002']) {
      const ledger = await plans(SYS2, ref);
      expect(ledger.length).toBeGreaterThan(3);
      expect(ledger).toEqual(await plans(SYS, ref));
    }
  }, 60_000);

  it('a second import changes nothing', async () => {
    const again = await importYears(SYS2, 'original');
    expect(again.flatMap((r) => r.refused)).toEqual([]);
    expect(again.flatMap((r) => r.children.map((c) => [c.caseReference, c.outcome, c.reviewsHeld]))).toEqual([['C003', 'UNCHANGED', 0], ['A001', 'UNCHANGED', 0], ['B002', 'UNCHANGED', 0], ['C003', 'UNCHANGED', 0]]);
    expect(again[1].children.map((c) => c.reviewsUnchanged)).toEqual([2, 1, 0]);
    expect(await exportYears(SYS2, FRESH, 'third')).toEqual(original);
  }, 120_000);

  it('refuses the rows of a malformed file with the reason, each child whole or not at all', async () => {
    const files = {
      Header: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nD004,M,31/02/2012,WBRI,UN1,,\r\nE005,F,01/01/2013,WBRI,UN1,,\r\nF006,F,02/02/2014,WBRI,UN2,,\r\n',
      Episodes: 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n'
        + 'E005,01/05/2025,S,,N1,U4,PR4,,,,NE1 4AB,NE2 1AA,XXXXXXX\r\n'
        + 'F006,01/05/2025,S,C2,N1,K2,PR4,,,,NE1 4AB,NE2 1AA,SC999999\r\n'
        + 'G007,01/05/2025,S,C2,N1,U4,PR4,,,,NE1 4AB,NE2 1AA,XXXXXXX\r\n',
      Reviews: 'CHILD,DOB,REVIEW\r\nE005,01/01/2013,01/06/2025\r\n',
    };
    const r = await importReturn(post(SYS2), files, { defaultProvider: 'PRV-RT-FOSTER', year: '2025-26' });
    expect(r.children).toEqual([]);
    expect(r.refused.map((x) => [x.file, x.line, x.child, x.reason])).toEqual([
      ['episodes.csv', 2, 'E005', 'LS is blank'],
      ['episodes.csv', 3, 'F006', 'no provider in the hub has URN SC999999'],
      ['episodes.csv', 4, 'G007', 'no header row for this CHILD'],
      ['header.csv', 2, 'D004', 'DOB 31/02/2012 is not a date'],
      ['header.csv', 3, 'E005', 'another row of child E005 was refused (episodes.csv line 2): the child is imported whole or not at all'],
      ['header.csv', 4, 'F006', 'another row of child F006 was refused (episodes.csv line 3): the child is imported whole or not at all'],
      ['reviews.csv', 1, null, 'columns missing: REVIEW_CODE; the file is not read'],
    ]);
    const kids = await must('{ children(first: 20) { edges { node { caseReference } } } }', {}, SYS2);
    expect(kids.children.edges.map((e: { node: { caseReference: string } }) => e.node.caseReference).sort()).toEqual(['A001', 'B002', 'C003']);
  }, 60_000);

  it('refuses a child whose record differs, and other callers', async () => {
    const files = {
      Header: 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nA001,F,10/03/2012,WBRI,A12345678901B,,\r\n',
      Episodes: 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\nA001,01/05/2025,S,C2,N1,K2,PR4,,,,NE1 4AB,NE2 1AA,SC000002\r\n',
    };
    const r = await importReturn(post(SYS2), files, { year: '2025-26' });
    expect(r.refused.map((x) => [x.file, x.line, x.reason])).toEqual([
      ['episodes.csv', 2, expect.stringContaining('legal status C2 from 2025-05-01 is not recorded (CONFLICT CONFLICTS_WITH_RECORD)')],
      ['header.csv', 2, expect.stringContaining('CONFLICTS_WITH_RECORD')],
    ]);
    const sw = await hub.query('mutation($i: Ssda903ImportChildInput!) { importSsda903Child(input: $i) { outcome } }', { i: { caseReference: 'Z1', dateOfBirth: '2010-01-01' } }, bearer('SOCIAL_WORKER', FRESH));
    expect(sw.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const rv = await hub.query('mutation { importSsda903Review(childId: "7f1c1a52-5d2e-4c71-9a51-0d8f1b2b8e11", heldOn: "2025-06-01", participation: "PN1") { outcome } }', {}, bearer('TEAM_MANAGER', FRESH));
    expect(rv.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  }, 60_000);
});
