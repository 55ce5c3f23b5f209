/**
 * The example provider front end at the gateway's `/provider`, driven in headless Chromium (playwright-core): it
 * signs in with a token, lists the provider's children with their open deadlines, updates live when a change is
 * made through GraphQL, never shows another provider's child, and after its connection is cut shows the change it
 * missed (resumed with changesSince), once. Skipped only when /usr/bin/chromium is absent (`.ci/run` installs it).
 */
import fs from 'node:fs';
import { chromium, Browser, Page } from 'playwright-core';
import { bearer, eventually } from '@hub/service-kit/testing';
import { changeFeedOf } from '@hub/notifications';
import { startHub, Hub } from './harness/hub';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = fs.existsSync(CHROMIUM);
if (!haveChromium) console.warn(`provider-page.e2e: skipped, ${CHROMIUM} is missing (apt-get install -y chromium)`);
const describeBrowser = haveChromium ? describe : describe.skip;

const SW_A = bearer('SOCIAL_WORKER', 'LA-A');
const SW_B = bearer('SOCIAL_WORKER', 'LA-B');
const PRV_A = bearer('PROVIDER_STAFF', 'PRV-A');

describeBrowser('the provider page in a browser', () => {
  let hub: Hub;
  let browser: Browser;
  let page: Page;
  const ids = { ours: '', theirs: '' };

  async function must(q: string, v: Record<string, unknown>, auth: string) {
    const r = await hub.query(q, v, auth);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data!;
  }

  async function placedChild(la: string, givenName: string, provider: string): Promise<string> {
    const sw = bearer('SOCIAL_WORKER', la);
    // Placed an hour ago: no deadline falls due while the test runs.
    const startedAt = new Date(Date.now() - 3600_000);
    const today = startedAt.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    const d = await must('mutation($i: RegisterChildInput!) { registerChild(input: $i) { id } }', {
      i: { givenName, familyName: 'Page', dateOfBirth: '2012-03-04', placingAuthority: la, becameLookedAfterOn: today, ethnicity: 'WBRI' },
    }, sw);
    await must('mutation($i: StartPlacementInput!) { startPlacement(input: $i) { id } }', {
      i: { childId: d.registerChild.id, providerId: provider, startedAt: startedAt.toISOString(), placementType: 'K2' },
    }, sw);
    return d.registerChild.id;
  }

  const rename = (id: string, givenName: string, auth: string) =>
    must('mutation($id: ID!, $i: UpdateChildInput!) { updateChild(id: $id, input: $i) { id } }', { id, i: { givenName } }, auth);

  /** Subscriptions the notifications subgraph serves now. */
  const subscriptions = () => changeFeedOf(hub.subgraphs.notifications.orm.em)?.size ?? 0;

  /** What the page shows in its change list, oldest first. */
  const shownChanges = () =>
    page.$$eval('#changes li', (items) =>
      items.reverse().map((li) => ({ cursor: li.getAttribute('data-cursor'), kind: li.getAttribute('data-kind'), childId: li.getAttribute('data-child-id'), how: li.getAttribute('data-how') })));

  const rowName = (id: string) => page.locator(`tr[data-child-id="${id}"] td.name`);

  beforeAll(async () => {
    hub = await startHub({ label: 'provider_page' });
    const admin = bearer('ADMIN', 'HUB');
    for (const code of ['LA-A', 'LA-B']) await must(`mutation { upsertAuthority(code: "${code}", name: "${code}") { code } }`, {}, admin);
    for (const id of ['PRV-A', 'PRV-B']) await must(`mutation { upsertProvider(input: { id: "${id}", name: "${id}", kind: "CHILDRENS_HOME" }) { id } }`, {}, admin);
    ids.ours = await placedChild('LA-A', 'Ada', 'PRV-A');
    ids.theirs = await placedChild('LA-B', 'Bea', 'PRV-B');
    await hub.settle();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox'] });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await hub?.stop();
  });

  it('serves the page and its files with a policy that allows only this origin', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    const res = await fetch(`${base}/provider`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("connect-src 'self'");
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await fetch(`${base}/provider/provider.js`)).headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await fetch(`${base}/provider/../package.json`)).status).not.toBe(200);
    expect((await fetch(`${base}/provider`, { method: 'POST' })).status).toBe(405);
  });

  it('signs in, lists the children placed with the provider and their open deadlines, and updates live', async () => {
    const base = hub.url.replace(/\/graphql$/, '');
    const token = PRV_A.replace(/^Bearer /, '');
    await page.goto(`${base}/provider?token=${encodeURIComponent(token)}`);
    // The token leaves the address at once.
    expect(page.url()).toBe(`${base}/provider`);
    await rowName(ids.ours).filter({ hasText: 'Ada' }).waitFor();
    expect(await page.locator(`tr[data-child-id="${ids.theirs}"]`).count()).toBe(0);

    // The open deadlines shown are exactly the provider's open ones.
    const listed = await must(`query($id: ID!) { child(id: $id) { deadlines { id status } } }`, { id: ids.ours }, PRV_A);
    const open = listed.child.deadlines.filter((d: any) => ['PENDING', 'OVERDUE'].includes(d.status)).map((d: any) => d.id).sort();
    expect(open.length).toBeGreaterThan(0);
    const shown = await page.$$eval(`tr[data-child-id="${ids.ours}"] li[data-deadline-id]`, (items) => items.map((li) => li.getAttribute('data-deadline-id')!));
    expect(shown.sort()).toEqual(open);

    await page.locator('#connection[data-state="live"]').waitFor();
    await eventually(async () => subscriptions() === 1);
    await rename(ids.theirs, 'Bella', SW_B); // another provider's child: never shown
    await rename(ids.ours, 'Adaline', SW_A);
    await rowName(ids.ours).filter({ hasText: 'Adaline' }).waitFor();
    await page.locator(`#changes li[data-kind="CHILD_UPDATED"][data-child-id="${ids.ours}"][data-how="live"]`).waitFor();
    expect((await shownChanges()).some((c) => c.childId === ids.theirs)).toBe(false);
  });

  it('after its connection is cut, shows the change it missed once it is back, and nothing twice', async () => {
    const before = await shownChanges();
    // The network goes: the stream is cut and every reconnection attempt fails until it is back.
    await page.route('**/graphql', (route) => route.abort('internetdisconnected'));
    await page.evaluate('window.providerHub.dropConnection()');
    await page.locator('#connection[data-state="reconnecting"]').waitFor();
    await eventually(async () => subscriptions() === 0);

    await rename(ids.ours, 'Adela', SW_A);
    await hub.settle();
    expect(await rowName(ids.ours).textContent()).toContain('Adaline');

    await page.unroute('**/graphql');
    await page.locator(`#changes li[data-how="missed"][data-kind="CHILD_UPDATED"][data-child-id="${ids.ours}"]`).waitFor({ timeout: 20_000 });
    await rowName(ids.ours).filter({ hasText: 'Adela' }).waitFor();
    await page.locator('#connection[data-state="live"]').waitFor();

    // Live again after the resume.
    await eventually(async () => subscriptions() === 1);
    await rename(ids.ours, 'Adelaide', SW_A);
    await rowName(ids.ours).filter({ hasText: 'Adelaide' }).waitFor();
    await page.locator(`#changes li[data-how="live"]`).nth(before.filter((c) => c.how === 'live').length).waitFor();

    const after = await shownChanges();
    const cursors = after.map((c) => c.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(after.slice(0, before.length)).toEqual(before);
    const renames = after.slice(before.length).filter((c) => c.kind === 'CHILD_UPDATED');
    expect(renames.map((c) => c.how)).toEqual(['missed', 'live']);
    // The missed change is the one the log holds after the last change shown before the cut.
    const log = await must('query($c: String!) { changesSince(cursor: $c) { changes { cursor kind } } }', { c: before[before.length - 1].cursor }, PRV_A);
    expect(log.changesSince.changes.filter((c: any) => c.kind === 'CHILD_UPDATED').map((c: any) => c.cursor)).toEqual(renames.map((c) => c.cursor));
  });
});
