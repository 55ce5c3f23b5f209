import { addDays, addMonths, londonDate } from '@hub/statutory';
import { signToken, DEV_JWT_SECRET, Role } from '@hub/service-kit';

/** Fictional authorities, providers and children for a first look at the hub. */
export const DEMO_AUTHORITIES = [
  { code: 'LA-NORTH', name: 'Northshire County Council (fictional)' },
  { code: 'LA-SOUTH', name: 'Southborough Council (fictional)' },
];
export const DEMO_PROVIDERS = [
  { id: 'PRV-OAK', name: 'Oak House Children’s Home (fictional)', kind: 'CHILDRENS_HOME', hostAuthority: 'LA-SOUTH', urn: 'SC000001' },
  { id: 'PRV-ELM', name: 'Elm Lodge Children’s Home (fictional)', kind: 'CHILDRENS_HOME', hostAuthority: 'LA-NORTH', urn: 'SC000002' },
  { id: 'PRV-STEP', name: 'Stepping Stones Supported Living (fictional)', kind: 'SUPPORTED_ACCOMMODATION', hostAuthority: 'LA-NORTH', urn: '2000003' },
];

const GIVEN = ['Alex', 'Bailey', 'Casey', 'Dana', 'Eden', 'Finley', 'Gray', 'Harley', 'Indy', 'Jordan', 'Kai', 'Logan', 'Morgan', 'Noel', 'Oakley', 'Parker', 'Quinn', 'Riley', 'Sage', 'Taylor', 'Umi', 'Val', 'Wren', 'Xan', 'Yael', 'Zion'];
const FAMILY = ['Ashby', 'Brook', 'Carter', 'Dale', 'Ellis', 'Fenn', 'Grove', 'Hale', 'Irwin', 'Jarvis', 'Kemp', 'Lane', 'Marsh'];

/** One demo child's story. */
export interface DemoChild {
  givenName: string;
  familyName: string;
  placingAuthority: string;
  dateOfBirth: string;
  becameLookedAfterOn: string;
  legalStatus: string;
  placement?: { providerId: string; startedAt: string; placementType: string; isEmergency: boolean; isOutOfArea: boolean; intendedUntil18: boolean };
  ceasedAt?: string;
  stage: 'NEW_IN_CARE' | 'MID_PLACEMENT' | 'APPROACHING_16' | 'CARE_LEAVER';
  events: Array<{ kind: string; occurredAt: string; summary: string }>;
}

function at(date: string, time = '15:00:00'): string {
  // Demo times are written in UTC; the hub renders them in Europe/London.
  return `${date}T${time}Z`;
}

/**
 * Builds about 50 demo children relative to `today`: new in care, mid-placement, approaching 16, care leavers.
 * @param today - the London date the demo is built for
 * @returns the children
 */
export function demoChildren(today: string = londonDate(new Date())): DemoChild[] {
  const out: DemoChild[] = [];
  const n = (i: number) => ({ givenName: GIVEN[i % GIVEN.length], familyName: FAMILY[(i * 7) % FAMILY.length], placingAuthority: DEMO_AUTHORITIES[i % 2].code });
  for (let i = 0; i < 50; i++) {
    const base = n(i);
    const provider = DEMO_PROVIDERS[i % 3];
    if (i < 12) {
      // New in care: an emergency placement in the last fortnight.
      const start = addDays(today, -(i + 1));
      out.push({
        ...base, stage: 'NEW_IN_CARE', dateOfBirth: addMonths(today, -12 * (8 + (i % 7)) - i), becameLookedAfterOn: start, legalStatus: i % 2 ? 'V2' : 'C1',
        placement: { providerId: i % 3 === 2 ? 'PRV-OAK' : provider.id, startedAt: at(start), placementType: 'K2', isEmergency: true, isOutOfArea: i % 4 === 0, intendedUntil18: false },
        events: i % 3 === 0 ? [{ kind: 'MISSING', occurredAt: at(start, '21:30:00'), summary: 'Did not return by the agreed time; police informed.' }] : [],
      });
    } else if (i < 30) {
      // Mid-placement: in care for months.
      const start = addMonths(today, -(2 + (i % 14)));
      out.push({
        ...base, stage: 'MID_PLACEMENT', dateOfBirth: addMonths(today, -12 * (9 + (i % 6)) - i), becameLookedAfterOn: start, legalStatus: 'C2',
        placement: { providerId: provider.id === 'PRV-STEP' ? 'PRV-ELM' : provider.id, startedAt: at(addDays(start, 1), '10:00:00'), placementType: 'K2', isEmergency: false, isOutOfArea: i % 5 === 0, intendedUntil18: i % 2 === 0 },
        events: i % 4 === 0 ? [{ kind: 'EXCLUDED_FROM_SCHOOL', occurredAt: at(addDays(today, -3), '11:00:00'), summary: 'Fixed-term exclusion, two days.' }] : [],
      });
    } else if (i < 40) {
      // Approaching 16: looked after since 14 and a half.
      const dob = addDays(addMonths(today, -12 * 16), 30 + (i - 30) * 9);
      const start = addMonths(dob, 12 * 14 + 6);
      out.push({
        ...base, stage: 'APPROACHING_16', dateOfBirth: dob, becameLookedAfterOn: start, legalStatus: 'C2',
        placement: { providerId: 'PRV-STEP', startedAt: at(addDays(start, 2), '12:00:00'), placementType: 'K3', isEmergency: false, isOutOfArea: false, intendedUntil18: true },
        events: [],
      });
    } else {
      // Care leavers: looked after from 15, ceased at 17 or 18 (relevant or former relevant).
      const dob = addMonths(today, -12 * (17 + (i % 3)) - (i - 40));
      const start = addMonths(dob, 12 * 15);
      const ceased = addMonths(dob, 12 * 17 + 6);
      out.push({
        ...base, stage: 'CARE_LEAVER', dateOfBirth: dob, becameLookedAfterOn: start, legalStatus: 'V2',
        placement: { providerId: 'PRV-STEP', startedAt: at(addDays(start, 1), '09:00:00'), placementType: 'K3', isEmergency: false, isOutOfArea: false, intendedUntil18: false },
        ceasedAt: ceased < today ? at(ceased, '12:00:00') : undefined,
        events: [],
      });
    }
  }
  return out;
}

/** Signs a development token for demo and tests. */
export function devToken(roles: Role[], org: string, sub?: string): string {
  return signToken(DEV_JWT_SECRET, { sub: sub ?? `${roles[0].toLowerCase()}-${org.toLowerCase()}`, roles, org, name: 'Demo user' });
}

type Post = (query: string, variables: Record<string, unknown>, token: string) => Promise<{ data?: any; errors?: any[] }>;

async function must(post: Post, query: string, variables: Record<string, unknown>, token: string) {
  const r = await post(query, variables, token);
  if (r.errors?.length) throw new Error(`demo data: ${r.errors.map((e) => `${e.message} (${e.extensions?.code ?? ''}${e.extensions?.reason ? ' ' + e.extensions.reason : ''})`).join('; ')}`);
  return r.data;
}

/**
 * Loads the demo data through the gateway's public API, once: authorities that already have children are left
 * alone, so restarting never duplicates anything.
 * @param post - a GraphQL POST against the gateway
 * @param today - the London date to build stories for
 * @returns how many children were created
 */
export async function seedDemoData(post: Post, today: string = londonDate(new Date())): Promise<number> {
  const admin = devToken(['ADMIN'], 'HUB', 'admin');
  for (const a of DEMO_AUTHORITIES) await must(post, 'mutation($c: String!, $n: String!) { upsertAuthority(code: $c, name: $n) { code } }', { c: a.code, n: a.name }, admin);
  for (const p of DEMO_PROVIDERS) await must(post, 'mutation($i: ProviderInput!) { upsertProvider(input: $i) { id } }', { i: p }, admin);
  let created = 0;
  const reviewed: Array<{ id: string; la: string; heldOn: string }> = [];
  for (const a of DEMO_AUTHORITIES) {
    const sw = devToken(['SOCIAL_WORKER'], a.code);
    const existing = await must(post, '{ children(first: 1) { totalCount } }', {}, sw);
    if (existing.children.totalCount > 0) continue;
    for (const c of demoChildren(today).filter((x) => x.placingAuthority === a.code)) {
      const reg = await must(post, 'mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
        i: { givenName: c.givenName, familyName: c.familyName, dateOfBirth: c.dateOfBirth, placingAuthority: c.placingAuthority, becameLookedAfterOn: c.becameLookedAfterOn, legalStatus: c.legalStatus, socialWorker: { name: `Social worker, ${a.code}`, email: `sw@${a.code.toLowerCase()}.example` } },
      }, sw);
      const id = reg.registerChild.id as string;
      if (c.placement) await must(post, 'mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', { i: { childId: id, ...c.placement } }, sw);
      for (const e of c.events) await must(post, 'mutation($i: RecordSignificantEventInput!) { recordSignificantEvent(input: $i) { id } }', { i: { childId: id, ...e } }, sw);
      if (c.ceasedAt) await must(post, 'mutation($id: ID!, $at: DateTime!) { ceaseLookedAfter(childId: $id, ceasedAt: $at, reason: "E5") { id } }', { id, at: c.ceasedAt }, sw);
      if (c.stage === 'MID_PLACEMENT' || c.stage === 'APPROACHING_16') reviewed.push({ id, la: a.code, heldOn: addDays(c.becameLookedAfterOn, 18) });
      created++;
    }
  }
  // The review cycle: an IRO for each child in care for a while, and a first review held. The reviews service
  // learns of periods of care from events, so wait until it knows the last child.
  if (reviewed.length) {
    const last = reviewed[reviewed.length - 1];
    const lastToken = devToken(['SOCIAL_WORKER'], last.la);
    for (let i = 0; i < 100; i++) {
      const r = await post('query($id: ID!) { child(id: $id) { nextReview { dueBy } } }', { id: last.id }, lastToken);
      if (r.data?.child?.nextReview?.dueBy) break;
      await new Promise((res) => setTimeout(res, 200));
    }
    for (const [i, c] of reviewed.entries()) {
      const iroId = `iro-${c.la.toLowerCase()}-${(i % 3) + 1}`;
      await must(post, 'mutation($c: ID!, $i: IroInput!) { assignIro(childId: $c, iro: $i) { id } }', {
        c: c.id, i: { id: iroId, name: `Independent Reviewing Officer ${(i % 3) + 1}`, email: `${iroId}@${c.la.toLowerCase()}.example`, phone: '0100 000 000' },
      }, devToken(['TEAM_MANAGER'], c.la));
      if (c.heldOn < today) {
        await must(post, 'mutation($c: ID!, $d: String!) { holdReview(childId: $c, heldOn: $d, participation: PN1) { id } }', { c: c.id, d: c.heldOn }, devToken(['LA_SYSTEM'], c.la));
      }
      // An endorsed care plan (APP-CP-TM: drafted by the social worker, endorsed by the team manager).
      const plan = await must(post, 'mutation($i: CreatePlanInput!) { createPlan(input: $i) { id version } }', {
        i: { childId: c.id, kind: 'CARE', content: { summary: 'Care plan (demo)', permanencePlan: 'Long-term residential care, reviewed at each LAR' } },
      }, devToken(['SOCIAL_WORKER'], c.la));
      const submitted = await must(post, 'mutation($p: ID!, $v: Int!) { submitPlan(planId: $p, version: $v) { version } }', { p: plan.createPlan.id, v: plan.createPlan.version }, devToken(['SOCIAL_WORKER'], c.la));
      await must(post, 'mutation($p: ID!, $v: Int!) { endorsePlan(planId: $p, version: $v) { id } }', { p: plan.createPlan.id, v: submitted.submitPlan.version }, devToken(['TEAM_MANAGER'], c.la));
    }
  }
  return created;
}
