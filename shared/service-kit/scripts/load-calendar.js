#!/usr/bin/env node
/**
 * Loads a newer England and Wales bank-holiday file (gov.uk bank-holidays.json format) into a running hub.
 *
 *   npm run calendar:load -- ./bank-holidays.json [--source https://www.gov.uk/bank-holidays.json]
 *
 * Uses HUB_TOKEN (an ADMIN token) when set; otherwise, outside production, a development ADMIN token.
 * GATEWAY_URL defaults to http://127.0.0.1:4000/graphql.
 */
const fs = require('node:fs');
const kit = require('../dist/index.js');

async function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const si = args.indexOf('--source');
  const source = si >= 0 ? args[si + 1] : `file ${file}`;
  if (!file) throw new Error('usage: npm run calendar:load -- <bank-holidays.json> [--source <url>]');
  let token = process.env.HUB_TOKEN;
  if (!token) {
    const config = kit.loadHubConfig(process.env);
    if (config.nodeEnv === 'production' || !config.jwtSecret) throw new Error('set HUB_TOKEN to an ADMIN token');
    token = kit.signToken(config.jwtSecret, { sub: 'calendar-loader', roles: ['ADMIN'], org: 'HUB' }, 600);
  }
  const url = process.env.GATEWAY_URL || 'http://127.0.0.1:4000/graphql';
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation($j: String!, $s: String) { loadBankHolidays(json: $j, source: $s) { version horizonStart horizonEnd holidayCount } }',
      variables: { j: fs.readFileSync(file, 'utf8'), s: source },
    }),
  });
  const body = await res.json();
  if (body.errors) throw new Error(body.errors.map((e) => `${e.message} (${e.extensions && e.extensions.code})`).join('; '));
  const c = body.data.loadBankHolidays;
  console.log(`loaded calendar ${c.version}: ${c.holidayCount} holidays, ${c.horizonStart} to ${c.horizonEnd}`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
