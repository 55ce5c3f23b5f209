#!/usr/bin/env node
/**
 * Regenerates the golden calendar fixtures src/data/fixtures/england-and-wales-<year>.json: every weekday in the
 * year that is not a working day, with its reason, as computed by the built package from the shipped data.
 * Run only through `npm run fixtures:write` (which builds first), then review the change with `git diff`.
 * The fixture test (src/calendar/fixtures.test.ts) fails whenever the engine and the fixtures disagree.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { HolidayCalendar, addDays, isoWeekday } = require('../dist/index.js');

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const cal = HolidayCalendar.default();
const outDir = path.join(__dirname, '..', 'src', 'data', 'fixtures');
fs.mkdirSync(outDir, { recursive: true });

const first = Number(cal.horizonStart.slice(0, 4));
const last = Number(cal.horizonEnd.slice(0, 4));
for (let year = first; year <= last; year++) {
  const nonWorkingWeekdays = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) {
    const wd = isoWeekday(d);
    if (wd <= 5 && !cal.isWorkingDay(d)) nonWorkingWeekdays.push({ date: d, weekday: WEEKDAYS[wd - 1], reason: cal.nonWorkingReason(d) });
  }
  const fixture = { division: cal.division, year, provisional: cal.isProvisionalYear(year), nonWorkingWeekdays };
  const file = path.join(outDir, `${cal.division}-${year}.json`);
  fs.writeFileSync(file, JSON.stringify(fixture, null, 2) + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)} (${nonWorkingWeekdays.length} non-working weekdays)`);
}
