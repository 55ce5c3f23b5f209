import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import {
  awaitApplied,
  collectRecordedEvents,
  ConsistencyTokenError,
  decodeConsistencyToken,
  encodeConsistencyToken,
  eventsRoutedTo,
  MAX_TOKEN_EVENTS,
  mergeConsistencyTokens,
  noteRecordedEvent,
  TokenEvent,
} from './consistency';
import { EVENT_TYPES, QUEUES } from './contracts';

const SECRET = 'a-secret-of-the-hub-at-least-32-characters';
const sorted = (events: TokenEvent[]) => [...events].sort((a, b) => a.id.localeCompare(b.id));

describe('consistency tokens', () => {
  it('round-trips every set of events of known types', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.uuid(), type: fc.constantFrom(...EVENT_TYPES) }), { minLength: 1, maxLength: 40 }), (events) => {
        const token = encodeConsistencyToken(SECRET, events)!;
        const unique = new Map(events.map((e) => [e.id.toLowerCase(), { id: e.id.toLowerCase(), type: e.type }]));
        expect(sorted(decodeConsistencyToken(SECRET, token))).toEqual(sorted([...unique.values()]));
      }),
    );
  });

  it('refuses a token signed with another secret, altered, or malformed', () => {
    const token = encodeConsistencyToken(SECRET, [{ id: randomUUID(), type: 'ChildRegistered' }])!;
    expect(() => decodeConsistencyToken('another-secret-of-at-least-32-characters', token)).toThrow(ConsistencyTokenError);
    const [prefix, body, mac] = token.split('.');
    const forgedBody = Buffer.from(JSON.stringify({ e: { ChildRegistered: [Buffer.alloc(16, 7).toString('base64url')] } })).toString('base64url');
    expect(() => decodeConsistencyToken(SECRET, `${prefix}.${forgedBody}.${mac}`)).toThrow('not issued by the hub');
    for (const bad of ['', 'c1', `${prefix}.${body}`, `c2.${body}.${mac}`, `${prefix}.${body}.${mac}x`, `${prefix}.${body}!.${mac}`, 'x'.repeat(20_000)]) {
      expect(() => decodeConsistencyToken(SECRET, bad)).toThrow(ConsistencyTokenError);
    }
  });

  it('merges the tokens of several answers, ignoring what no subgraph signed, and says when the events are too many', () => {
    const a = { id: randomUUID(), type: 'ChildRegistered' as const };
    const b = { id: randomUUID(), type: 'PlanCreated' as const };
    const merged = mergeConsistencyTokens(SECRET, [encodeConsistencyToken(SECRET, [a])!, encodeConsistencyToken(SECRET, [b, a])!, 'c1.forged.token']);
    expect(sorted(decodeConsistencyToken(SECRET, merged.token!))).toEqual(sorted([a, b]));
    expect(mergeConsistencyTokens(SECRET, [])).toEqual({});
    const many = Array.from({ length: MAX_TOKEN_EVENTS + 1 }, () => ({ id: randomUUID(), type: 'VisitRecorded' as const }));
    expect(encodeConsistencyToken(SECRET, many)).toBeUndefined();
    expect(mergeConsistencyTokens(SECRET, [encodeConsistencyToken(SECRET, [a])!], 300)).toEqual({ omitted: 301 });
  });

  it('names, for each consumer queue, the events routed to it', () => {
    const registered = { id: randomUUID(), type: 'ChildRegistered' as const };
    const iro = { id: randomUUID(), type: 'IroAssigned' as const };
    const delivered = { id: randomUUID(), type: 'NotificationDelivered' as const };
    const events = [registered, iro, delivered];
    expect(eventsRoutedTo(events, QUEUES.eventsReviews)).toEqual([registered.id]);
    expect(eventsRoutedTo(events, QUEUES.eventsChildren)).toEqual([iro.id]);
    expect(eventsRoutedTo(events, QUEUES.eventsPlans)).toEqual([registered.id, iro.id, delivered.id]);
    expect(eventsRoutedTo(events, QUEUES.eventsNotifications)).toEqual([registered.id, iro.id]);
  });
});

describe('collectRecordedEvents', () => {
  it('collects what the request notes, and nothing outside it', async () => {
    const id = randomUUID();
    noteRecordedEvent({ id: randomUUID(), type: 'ChildRegistered' });
    const { result, recorded } = await collectRecordedEvents(async () => {
      await Promise.resolve();
      noteRecordedEvent({ id, type: 'ChildRegistered' });
      return 42;
    });
    expect(result).toBe(42);
    expect(recorded).toEqual([{ id, type: 'ChildRegistered' }]);
  });
});

describe('awaitApplied', () => {
  it('answers at once when everything is applied, and without a query when nothing is asked', async () => {
    const applied = jest.fn(async (ids: readonly string[]) => new Set(ids));
    expect(await awaitApplied({ service: 't', ids: [], applied, timeoutMs: 10 })).toEqual({ ok: true, waited: false });
    expect(applied).not.toHaveBeenCalled();
    expect(await awaitApplied({ service: 't', ids: ['a'], applied, timeoutMs: 10 })).toEqual({ ok: true, waited: false });
  });

  it('waits until the consumer has applied every id', async () => {
    let checks = 0;
    const applied = async (ids: readonly string[]) => new Set(++checks >= 3 ? ids : ids.filter((i) => i === 'a'));
    expect(await awaitApplied({ service: 't', ids: ['a', 'b'], applied, timeoutMs: 60_000, pollMs: 1 })).toEqual({ ok: true, waited: true });
    expect(checks).toBe(3);
  });

  it('gives up after the bound with the ids still pending', async () => {
    const applied = async () => new Set<string>(['a']);
    expect(await awaitApplied({ service: 't', ids: ['a', 'b'], applied, timeoutMs: 30, pollMs: 5 })).toEqual({ ok: false, pending: ['b'] });
  });
});
