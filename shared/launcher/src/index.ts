/**
 * @hub/launcher: `npm start` (dist/hub.js runs the whole hub on one machine), the demo data it loads and the
 * infrastructure it ensures. Importing this module starts nothing.
 */
export { DEMO_AUTHORITIES, DEMO_PROVIDERS, demoChildren, devToken, seedDemoData } from './demo-data';
export type { DemoChild } from './demo-data';
export { ensurePostgres, ensureRedis, hasExited, redact, stopProcess } from './infrastructure';
export type { Started } from './infrastructure';
