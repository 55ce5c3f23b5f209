import { GraphQLError, Kind } from 'graphql';
import { DateTimeScalar, isUuid, LocalDateScalar, parseInstant, parseLocalDate } from './scalars';

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphQLError);
    expect((e as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
    return (e as GraphQLError).extensions.reason as string;
  }
  return undefined;
}

describe('DateTime', () => {
  it.each([
    ['winter, Z', '2026-12-21T15:00:00Z', '2026-12-21T15:00:00.000Z'],
    ['summer offset', '2026-07-01T09:30:00+01:00', '2026-07-01T08:30:00.000Z'],
    ['no seconds', '2026-07-01T09:30+01:00', '2026-07-01T08:30:00.000Z'],
    ['fraction', '2026-07-01T09:30:00.123456Z', '2026-07-01T09:30:00.123Z'],
    ['leap day', '2028-02-29T00:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['first year', '1900-01-01T00:00:00Z', '1900-01-01T00:00:00.000Z'],
    ['last year', '2100-12-31T23:59:59Z', '2100-12-31T23:59:59.000Z'],
  ])('accepts %s', (_why, input, iso) => {
    expect(parseInstant(input).toISOString()).toBe(iso);
  });

  it.each([
    ['30 February', '2026-02-30T10:00:00Z'],
    ['31 November', '2026-11-31T10:00:00Z'],
    ['29 February in a common year', '2027-02-29T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['day 00', '2026-01-00T10:00:00Z'],
    ['hour 24', '2026-01-01T24:00:00Z'],
    ['minute 60', '2026-01-01T10:60:00Z'],
    ['second 60', '2026-01-01T10:00:60Z'],
    ['offset +15:00', '2026-01-01T10:00:00+15:00'],
    ['offset minutes 60', '2026-01-01T10:00:00+01:60'],
    ['year 0000', '0000-01-01T00:00:00Z'],
    ['year 1899', '1899-12-31T23:59:59Z'],
    ['year 2101', '2101-01-01T00:00:00Z'],
    ['no offset', '2026-01-01T10:00:00'],
    ['a date only', '2026-01-01'],
    ['empty string', ''],
    ['six-digit year', '+02026-01-01T10:00:00Z'],
    ['trailing text', '2026-01-01T10:00:00Zjunk'],
  ])('refuses %s', (_why, input) => {
    expect(reason(() => parseInstant(input))).toBe('INVALID_SCALAR');
    expect(reason(() => DateTimeScalar.parseValue(input))).toBe('INVALID_SCALAR');
    expect(reason(() => DateTimeScalar.parseLiteral({ kind: Kind.STRING, value: input }))).toBe('INVALID_SCALAR');
  });

  it.each([[0], [null], [{}], [['2026-01-01T10:00:00Z']], [true], [Number.NaN]])('refuses the non-string %p', (v) => {
    expect(reason(() => DateTimeScalar.parseValue(v))).toBe('INVALID_SCALAR');
  });

  it('refuses a non-string literal', () => {
    expect(reason(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '1' }))).toBe('INVALID_SCALAR');
  });

  it('names the field when given one', () => {
    try {
      parseInstant('2026-02-30T00:00:00Z', 'occurredAt');
      throw new Error('accepted');
    } catch (e) {
      expect((e as GraphQLError).extensions.field).toBe('occurredAt');
    }
  });
});

describe('Date', () => {
  it.each(['2026-02-28', '2028-02-29', '1900-01-01', '2100-12-31'])('accepts %s', (v) => {
    expect(parseLocalDate(v)).toBe(v);
    expect(LocalDateScalar.parseValue(v)).toBe(v);
  });

  it.each([
    ['30 February', '2026-02-30'],
    ['31 November', '2026-11-31'],
    ['29 February 1900 (not a leap year)', '1900-02-29'],
    ['year 0000', '0000-01-01'],
    ['year 1000', '1000-01-01'],
    ['year 2101', '2101-01-01'],
    ['empty string', ''],
    ['whitespace', ' 2026-01-01'],
    ['a date and time', '2026-01-01T00:00:00Z'],
  ])('refuses %s', (_why, v) => {
    expect(reason(() => parseLocalDate(v))).toBe('INVALID_SCALAR');
    expect(reason(() => LocalDateScalar.parseLiteral({ kind: Kind.STRING, value: v }))).toBe('INVALID_SCALAR');
  });

  it('serialises dates past the input years (a retention date)', () => {
    expect(LocalDateScalar.serialize('2105-03-01')).toBe('2105-03-01');
  });
});

describe('isUuid', () => {
  it.each([
    ['36 dashes', '-'.repeat(36), false],
    ['hex without dashes', 'a'.repeat(36), false],
    ['dashes in the wrong places', '0123-4567-89ab-cdef-0123-4567-89abcdef', false],
    ['a UUID', '5b1c2a34-9f0e-4d6b-8a7c-1e2f3a4b5c6d', true],
    ['upper case', '5B1C2A34-9F0E-4D6B-8A7C-1E2F3A4B5C6D', true],
    ['non-hex', 'zb1c2a34-9f0e-4d6b-8a7c-1e2f3a4b5c6d', false],
    ['a number', 42, false],
  ])('%s', (_why, v, ok) => {
    expect(isUuid(v)).toBe(ok);
  });
});
