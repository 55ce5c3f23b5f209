import { EVENT_TYPES, EventType } from './contracts';
import { eventProblems, PAYLOAD_SCHEMAS, payloadProblems } from './payload-schemas';
import { EventPayloadError, recordEvent } from './record-event';
import { periodOfCareStartedPayload } from './payloads';

const KINDS = ['id', 'string', 'date', 'instant', 'boolean', 'integer', 'object', 'array'];
const SAMPLE: Record<string, unknown> = {
  id: '0b6f3a0e-6d1c-4a59-9a55-7c1e3f0e8f11', string: 'LA-NORTH', date: '2027-01-21', instant: '2027-01-21T10:00:00.000Z',
  boolean: false, integer: 2, object: { a: 1 }, array: [],
};
const WRONG: Record<string, unknown> = {
  id: '', string: 42, date: '21/01/2027', instant: '2027-01-21', boolean: 'yes', integer: 1.5, object: [1], array: 'x',
};

const schemaOf = (t: EventType) => PAYLOAD_SCHEMAS[t] as Record<string, string>;
const kindOf = (spec: string) => spec.replace(/\?$/, '');
/** A payload of type `t` that fits: every field, required and optional, filled with a sample of its kind. */
function sample(t: EventType): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schemaOf(t)).map(([f, spec]) => [f, SAMPLE[kindOf(spec)]]));
}

describe('event payload schemas', () => {
  it('every event type has a schema, and every schema an event type', () => {
    expect(Object.keys(PAYLOAD_SCHEMAS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it.each([...EVENT_TYPES])('%s: fields have known kinds; events about a child name it and its placing authority', (t) => {
    const schema = schemaOf(t);
    for (const spec of Object.values(schema)) expect(KINDS).toContain(kindOf(spec));
    if ('childId' in schema && !schema.childId.endsWith('?')) expect(schema.placingAuthority).toBe('string');
  });

  it.each([...EVENT_TYPES])('%s: a fitting payload passes; each required field missing, null or of the wrong kind is refused', (t) => {
    expect(payloadProblems(t, sample(t), { strict: true })).toEqual([]);
    for (const [field, spec] of Object.entries(schemaOf(t))) {
      const optional = spec.endsWith('?');
      const { [field]: _omitted, ...without } = sample(t);
      expect(payloadProblems(t, without)).toEqual(optional ? [] : [expect.stringMatching(new RegExp(`^${field}: required`))]);
      expect(payloadProblems(t, { ...sample(t), [field]: null })).toHaveLength(optional ? 0 : 1);
      expect(payloadProblems(t, { ...sample(t), [field]: WRONG[kindOf(spec)] })).toEqual([expect.stringMatching(new RegExp(`^${field}: expected`))]);
    }
  });

  it('an unknown field is refused at the producer (strict) and tolerated at the consumer', () => {
    const p = { ...sample('VisitRecorded'), visitor: 'J. Smith' };
    expect(payloadProblems('VisitRecorded', p, { strict: true })).toEqual(['visitor: not a field of VisitRecorded']);
    expect(payloadProblems('VisitRecorded', p)).toEqual([]);
  });

  it('refuses an unknown type, a payload that is not an object, impossible dates and an envelope naming another child', () => {
    expect(payloadProblems('ChildAdopted', {})).toEqual(['unknown event type "ChildAdopted"']);
    expect(payloadProblems('ChildDeleted', null)).toEqual(['the payload is not an object']);
    expect(payloadProblems('ChildDeleted', ['x'])).toEqual(['the payload is not an object']);
    expect(payloadProblems('ReviewReportIssued', { ...sample('ReviewReportIssued'), issuedOn: '2027-02-30' })).toEqual([expect.stringMatching(/^issuedOn: expected date/)]);
    const p = sample('ChildDeleted');
    expect(eventProblems({ type: 'ChildDeleted', childId: 'someone-else', payload: p })).toEqual([expect.stringMatching(/^childId: the envelope names child someone-else/)]);
    expect(eventProblems({ type: 'ChildDeleted', childId: p.childId as string, payload: p })).toEqual([]);
  });
});

describe('recordEvent refuses a payload that does not fit its type', () => {
  // The check runs before the EntityManager is touched: a refused event never reaches the outbox.
  const em = {} as never;

  it('throws EventPayloadError naming each field that does not fit', () => {
    const payload = { ...sample('VisitRecorded'), placingAuthority: undefined, visitedOn: 'yesterday' } as never;
    let err: unknown;
    try {
      recordEvent(em, { type: 'VisitRecorded', aggregateType: 'Visit', aggregateId: 'v1', payload });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EventPayloadError);
    expect((err as EventPayloadError).problems).toEqual(['placingAuthority: required string, got nothing', 'visitedOn: expected date, got "yesterday"']);
  });

  it('refuses an envelope child that differs from the payload child', () => {
    expect(() => recordEvent(em, { type: 'ChildDeleted', aggregateType: 'Child', aggregateId: 'c', childId: 'another', payload: { childId: 'c1', placingAuthority: 'LA-NORTH' } }))
      .toThrow(/envelope names child another/);
  });
});

describe('payload builders', () => {
  it('periodOfCareStartedPayload builds a payload that fits PeriodOfCareStarted', () => {
    const p = periodOfCareStartedPayload({ id: 'c1', placingAuthority: 'LA-NORTH', dateOfBirth: '2012-05-01' }, { id: 'p1', startedOn: '2026-12-21', shortBreak: false }, 'C2');
    expect(payloadProblems('PeriodOfCareStarted', p, { strict: true })).toEqual([]);
    expect(p).toMatchObject({ childId: 'c1', placingAuthority: 'LA-NORTH', periodOfCareId: 'p1', startedOn: '2026-12-21', legalStatus: 'C2', dateOfBirth: '2012-05-01' });
  });
});
