import { StatutoryInputError } from '../errors';
import { messages } from '../messages';
import { type Instant, type IsoDate, civilFromDays, daysFromCivil, daysInMonth, displayDate, pad, splitIso } from './civil';
import { assertIsoDate } from './iso-date';

export type { Instant } from './civil';

const ZONE = 'Europe/London';
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

// One formatter, built once: constructing Intl objects is relatively slow and it does no I/O.
const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * Milliseconds since the epoch of an instant written with an explicit offset (`Z` or `±HH:MM`).
 * Parsed by hand rather than with `Date.parse`, so that an instant without an offset is refused
 * instead of being read in the host's time zone.
 * @param instant - an ISO 8601 instant with offset, or a `Date`
 * @returns epoch milliseconds
 * @throws StatutoryInputError when the value is not an instant with an offset
 * @example instantToEpochMs('1970-01-01T01:00:00+01:00'); // 0
 */
export function instantToEpochMs(instant: Instant | Date): number {
  if (instant instanceof Date) {
    const t = instant.getTime();
    if (Number.isNaN(t)) throw new StatutoryInputError(messages.invalidInstant(instant));
    return t;
  }
  const m = typeof instant === 'string' ? INSTANT.exec(instant) : null;
  if (!m) throw new StatutoryInputError(messages.invalidInstant(instant));
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const off = m[8]!;
  const offMin = off === 'Z' ? 0 : (off[0] === '-' ? -1 : 1) * (Number(off.slice(1, 3)) * 60 + Number(off.slice(4, 6)));
  const valid =
    mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= daysInMonth(y!, mo!) && h! <= 23 && mi! <= 59 && s <= 59 && Math.abs(offMin) < 24 * 60;
  if (!valid) throw new StatutoryInputError(messages.invalidInstant(instant));
  return daysFromCivil(y!, mo!, d!) * MS_PER_DAY + h! * MS_PER_HOUR + mi! * 60_000 + s * 1000 + ms - offMin * 60_000;
}

/** An instant's London calendar date, wall-clock time and offset from UTC. */
export interface LondonParts {
  date: IsoDate;
  time: string; // HH:MM:SS
  offsetMinutes: number;
}

/**
 * From 1900 on, every change of the UK's offset happened on a whole UTC hour (01:00 UTC since 1981; earlier ones at
 * 02:00 or 03:00 local time, whole hours in every offset used), so the offset is one value per UTC hour. Before
 * that, London's local mean time (-00:01:15, until December 1847) did not end on an hour.
 */
const HOURLY_OFFSETS_FROM_MS = Date.UTC(1900, 0, 1);
const OFFSET_CACHE_MAX = 50_000;
const offsetByHour = new Map<number, number>();

/**
 * London's wall-clock parts of an instant. Rendering every instant of a response through Intl was the largest
 * single cost of reading deadlines, so the offset is asked of Intl once per UTC hour (memoised, bounded) and the
 * parts are computed from it; before 1900 every instant goes through Intl.
 */
export function londonParts(epochMs: number): LondonParts {
  if (epochMs < HOURLY_OFFSETS_FROM_MS) return londonPartsByIntl(epochMs);
  const hour = Math.floor(epochMs / MS_PER_HOUR);
  let offsetMinutes = offsetByHour.get(hour);
  if (offsetMinutes === undefined) {
    if (offsetByHour.size >= OFFSET_CACHE_MAX) offsetByHour.clear();
    offsetMinutes = londonPartsByIntl(hour * MS_PER_HOUR).offsetMinutes;
    offsetByHour.set(hour, offsetMinutes);
  }
  const wallMs = Math.floor(epochMs / 1000) * 1000 + offsetMinutes * 60_000;
  const dayNumber = Math.floor(wallMs / MS_PER_DAY);
  const c = civilFromDays(dayNumber);
  const secondOfDay = (wallMs - dayNumber * MS_PER_DAY) / 1000;
  const h = Math.floor(secondOfDay / 3600);
  const mi = Math.floor((secondOfDay % 3600) / 60);
  return {
    date: `${pad(c.year, 4)}-${pad(c.month)}-${pad(c.day)}`,
    time: `${pad(h)}:${pad(mi)}:${pad(secondOfDay % 60)}`,
    offsetMinutes,
  };
}

/** London's wall-clock parts of an instant, as Intl formats them (the reference {@link londonParts} agrees with). */
export function londonPartsByIntl(epochMs: number): LondonParts {
  const parts: Record<string, string> = {};
  for (const p of londonFormat.formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  const [y, mo, d, h, mi, s] = ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
  const wallMs = daysFromCivil(y!, mo!, d!) * MS_PER_DAY + h! * MS_PER_HOUR + mi! * 60_000 + s! * 1000;
  const secondMs = Math.floor(epochMs / 1000) * 1000;
  return {
    date: `${pad(y!, 4)}-${pad(mo!)}-${pad(d!)}`,
    time: `${pad(h!)}:${pad(mi!)}:${pad(s!)}`,
    offsetMinutes: Math.round((wallMs - secondMs) / 60_000),
  };
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

function renderLondon(epochMs: number): Instant {
  const p = londonParts(epochMs);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  return `${p.date}T${p.time}${ms === 0 ? '' : `.${pad(ms, 3)}`}${formatOffset(p.offsetMinutes)}`;
}

/**
 * The Europe/London calendar date of an instant (the edge where hour-stamped facts meet day-based rules).
 * @param instant - an instant with offset, or a `Date`
 * @returns the London date
 * @example londonDate('2026-06-30T23:30:00Z'); // '2026-07-01' (BST)
 */
export function londonDate(instant: Instant | Date): IsoDate {
  return londonParts(instantToEpochMs(instant)).date;
}

/**
 * The same moment rendered with the Europe/London offset (`+00:00` GMT, `+01:00` BST).
 * Seconds are always shown; milliseconds only when not zero.
 * @param instant - an instant with offset, or a `Date`
 * @returns the London rendering
 * @example toLondonInstant('2026-07-01T12:00:00Z'); // '2026-07-01T13:00:00+01:00'
 */
export function toLondonInstant(instant: Instant | Date): Instant {
  return renderLondon(instantToEpochMs(instant));
}

/**
 * The last moment (23:59:59.999 local time) of a London calendar day, with that moment's offset.
 * Day, week and month deadlines fall due at this instant.
 * @param date - an ISO date
 * @returns the instant
 * @example endOfLondonDay('2027-01-07'); // '2027-01-07T23:59:59.999+00:00'
 * @example endOfLondonDay('2026-07-01'); // '2026-07-01T23:59:59.999+01:00'
 */
export function endOfLondonDay(date: IsoDate): Instant {
  let cached = endOfDayCache.get(date);
  if (cached === undefined) {
    if (endOfDayCache.size >= END_OF_DAY_CACHE_MAX) endOfDayCache.clear();
    endOfDayCache.set(date, (cached = computeEndOfLondonDay(date)));
  }
  return cached;
}

// Memo of a pure function (Intl formatting is the slow part of deadline computation); bounded, so it cannot grow.
const END_OF_DAY_CACHE_MAX = 20_000;
const endOfDayCache = new Map<IsoDate, Instant>();

function computeEndOfLondonDay(date: IsoDate): Instant {
  const c = splitIso(assertIsoDate(date));
  const wallMs = daysFromCivil(c.year, c.month, c.day) * MS_PER_DAY + MS_PER_DAY - 1;
  // Two passes: guess with the offset at the wall time read as UTC, then correct with the offset at the guess.
  // UK clock changes happen at 01:00 UTC, so the second pass is always exact for 23:59 local.
  let epoch = wallMs - londonParts(wallMs).offsetMinutes * 60_000;
  epoch = wallMs - londonParts(epoch).offsetMinutes * 60_000;
  return renderLondon(epoch);
}

/**
 * Adds real elapsed hours (TIME-HOURS): 72 hours is 72 hours even across a clock change; weekends and bank
 * holidays are irrelevant. The result is rendered with the London offset.
 * @param instant - the event's date and time, with offset
 * @param n - hours to add; may be negative or fractional
 * @returns the resulting instant in London time
 * @example addHours('2026-12-21T15:00:00+00:00', 72); // '2026-12-24T15:00:00+00:00' (PPM-72H, Example 2)
 * @example addHours('2026-03-28T12:00:00+00:00', 24); // '2026-03-29T13:00:00+01:00' (clocks went forward)
 */
export function addHours(instant: Instant | Date, n: number): Instant {
  if (!Number.isFinite(n)) throw new StatutoryInputError(messages.invalidCount('hours', n));
  return renderLondon(instantToEpochMs(instant) + Math.round(n * MS_PER_HOUR));
}

/**
 * Whether a string is an instant with an offset (as opposed to a date-only value).
 * @param v - any value
 * @returns true for an instant this module can parse
 * @example isInstant('2026-12-21T15:00+00:00'); // true
 */
export function isInstant(v: unknown): v is Instant {
  return typeof v === 'string' && INSTANT.test(v);
}

/**
 * Human form of an instant in London time for explanations, e.g. `Thu 24 Dec 2026 15:00 GMT`.
 * @param instant - an instant with offset
 * @returns the display string
 * @example displayLondonInstant('2026-07-01T12:00:00Z'); // 'Wed 1 Jul 2026 13:00 BST'
 */
export function displayLondonInstant(instant: Instant): string {
  const p = londonParts(instantToEpochMs(instant));
  const zone = p.offsetMinutes === 60 ? 'BST' : p.offsetMinutes === 0 ? 'GMT' : formatOffset(p.offsetMinutes);
  return `${displayDate(p.date)} ${p.time.slice(0, 5)} ${zone}`;
}
