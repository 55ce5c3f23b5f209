import fs from 'node:fs';
import path from 'node:path';
import { addDays, isoWeekday } from '../time/iso-date';
import { HolidayCalendar } from './holiday-calendar';

// Golden fixtures: regenerate only with `npm run fixtures:write`, then review with `git diff`.
const calendar = HolidayCalendar.default();
const dir = path.join(__dirname, '..', 'data', 'fixtures');
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028];
/** One-off proclaimed holidays: 2022 Platinum Jubilee and State Funeral, 2023 Coronation. */
const ONE_OFF: Record<number, number> = { 2022: 2, 2023: 1 };

function nonWorkingWeekdays(year: number) {
  const out = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const wd = isoWeekday(d);
    if (wd <= 5 && !calendar.isWorkingDay(d)) out.push({ date: d, weekday: WEEKDAYS[wd - 1], reason: calendar.nonWorkingReason(d) });
  }
  return out;
}

describe('golden calendar fixtures, England and Wales', () => {
  it('has one fixture per year of the horizon and no others', () => {
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(files).toEqual(years.map((y) => `england-and-wales-${y}.json`));
  });

  it.each(years.map((year) => ({ year, why: `every non-working weekday of ${year}` })))('$why', ({ year }) => {
    const fixture = JSON.parse(fs.readFileSync(path.join(dir, `england-and-wales-${year}.json`), 'utf8'));
    expect(fixture).toEqual({ division: 'england-and-wales', year, provisional: year === 2028, nonWorkingWeekdays: nonWorkingWeekdays(year) });
    // Every year has eight bank holidays on weekdays (substitute days replace weekend ones), plus the one-off
    // proclaimed holidays.
    expect(fixture.nonWorkingWeekdays).toHaveLength(8 + (ONE_OFF[year] ?? 0));
  });
});
