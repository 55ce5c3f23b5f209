import { CalendarDataError } from '../errors';
import { messages } from '../messages';
import { isIsoDate } from '../time/iso-date';
import type { IsoDate } from '../time/civil';

/** One bank holiday (or other non-working day) and where the date came from. */
export interface HolidayEntry {
  /** The date, `YYYY-MM-DD`. */
  date: IsoDate;
  /** Title as published, e.g. `Boxing Day` (gov.uk reuses the title on a substitute day). */
  title: string;
  /** True for projected dates not yet published by gov.uk (e.g. 2028 in the shipped data). */
  provisional: boolean;
  /** Where the date came from: a URL or a note on how it was computed. */
  source: string;
  /** gov.uk `notes`, e.g. `Substitute day`; empty when none. */
  notes: string;
  /** gov.uk `bunting` flag (kept so the data round-trips). */
  bunting: boolean;
}

/**
 * The gov.uk source recorded when an event does not name its own.
 * @see https://www.gov.uk/bank-holidays.json
 * @example HolidayCalendar.default().entries[0].source; // 'https://www.gov.uk/bank-holidays.json'
 */
export const GOV_UK_BANK_HOLIDAYS_URL = 'https://www.gov.uk/bank-holidays.json';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads one division of a gov.uk `bank-holidays.json` document, strictly.
 * Extra per-event fields `provisional` (boolean) and `source` (string) are honoured; unknown fields are ignored.
 * @param json - the parsed document: `{ "england-and-wales": { division, events: [{ title, date, notes, bunting }] } }`
 * @param division - the division to read
 * @param defaultSource - source recorded for events that do not name one
 * @returns the entries in date order
 * @throws CalendarDataError naming the offending path when anything is missing, mistyped or duplicated
 * @example parseGovUkDivision(json, 'england-and-wales', GOV_UK_BANK_HOLIDAYS_URL).length; // 32 for 2025–2028
 */
export function parseGovUkDivision(json: unknown, division: string, defaultSource: string): HolidayEntry[] {
  const fail = (path: string, problem: string): never => {
    throw new CalendarDataError(messages.calendarData(path, problem));
  };
  if (!isObject(json)) return fail('document', 'expected an object keyed by division');
  const div = json[division];
  if (div === undefined) return fail(division, 'division is missing');
  if (!isObject(div)) return fail(division, 'expected an object with "division" and "events"');
  if (div.division !== division) fail(`${division}.division`, `expected "${division}"; got ${JSON.stringify(div.division)}`);
  if (!Array.isArray(div.events)) return fail(`${division}.events`, 'expected an array');
  if (div.events.length === 0) throw new CalendarDataError(messages.calendarEmpty(division));

  const entries = div.events.map((raw: unknown, i: number): HolidayEntry => {
    const path = `${division}.events[${i}]`;
    if (!isObject(raw)) return fail(path, 'expected an object');
    const { title, date, notes, bunting, provisional, source } = raw;
    if (typeof title !== 'string' || title.trim() === '') fail(`${path}.title`, 'expected a non-empty string');
    if (!isIsoDate(date)) fail(`${path}.date`, `expected a calendar date YYYY-MM-DD; got ${JSON.stringify(date)}`);
    if (notes !== undefined && typeof notes !== 'string') fail(`${path}.notes`, 'expected a string');
    if (bunting !== undefined && typeof bunting !== 'boolean') fail(`${path}.bunting`, 'expected true or false');
    if (provisional !== undefined && typeof provisional !== 'boolean') fail(`${path}.provisional`, 'expected true or false');
    if (source !== undefined && (typeof source !== 'string' || source.trim() === ''))
      fail(`${path}.source`, 'expected a non-empty string');
    return {
      date: date as IsoDate,
      title: title as string,
      provisional: (provisional as boolean | undefined) ?? false,
      source: (source as string | undefined) ?? defaultSource,
      notes: (notes as string | undefined) ?? '',
      bunting: (bunting as boolean | undefined) ?? false,
    };
  });

  entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (let i = 1; i < entries.length; i++) {
    if (entries[i]!.date === entries[i - 1]!.date) throw new CalendarDataError(messages.calendarDuplicate(division, entries[i]!.date));
  }
  const years = new Set(entries.map((e) => Number(e.date.slice(0, 4))));
  const first = Number(entries[0]!.date.slice(0, 4));
  const last = Number(entries[entries.length - 1]!.date.slice(0, 4));
  for (let y = first; y <= last; y++) if (!years.has(y)) throw new CalendarDataError(messages.calendarGap(division, y));
  return entries;
}
