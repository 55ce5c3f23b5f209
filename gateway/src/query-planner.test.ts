import { ConfigError } from '@hub/service-kit';
import { parse } from 'graphql';
import { DEFAULT_QUERY_PLANNER, queryPlannerFrom, resolveQueryPlanner, rustPlannerAvailable } from './query-planner';
import { isSubscription } from './rust-planner';

describe('queryPlannerFrom', () => {
  it('uses the default when GATEWAY_QUERY_PLANNER is unset or empty', () => {
    expect(queryPlannerFrom({})).toBe(DEFAULT_QUERY_PLANNER);
    expect(queryPlannerFrom({ GATEWAY_QUERY_PLANNER: '' })).toBe(DEFAULT_QUERY_PLANNER);
  });

  it.each(['rust', 'js'] as const)('accepts %s', (planner) => {
    expect(queryPlannerFrom({ GATEWAY_QUERY_PLANNER: planner })).toBe(planner);
  });

  it.each(['RUST', 'apollo', ' js', 'rust,js'])('refuses %j at start-up', (raw) => {
    expect(() => queryPlannerFrom({ GATEWAY_QUERY_PLANNER: raw })).toThrow(ConfigError);
    expect(() => queryPlannerFrom({ GATEWAY_QUERY_PLANNER: raw })).toThrow(/GATEWAY_QUERY_PLANNER must be one of rust, js/);
  });
});

describe('resolveQueryPlanner', () => {
  const log = { warn: jest.fn() };

  it('plans with rust by default where the addon loads (it does here: Linux glibc x64)', async () => {
    expect(DEFAULT_QUERY_PLANNER).toBe('rust');
    expect(await rustPlannerAvailable()).toBe(true);
    expect(await resolveQueryPlanner(undefined, log)).toBe('rust');
    expect(await resolveQueryPlanner('js', log)).toBe('js');
    expect(log.warn).not.toHaveBeenCalled();
  });

  it('falls back to js, saying so, where the addon does not load; refuses an explicit rust there', async () => {
    jest.resetModules();
    jest.doMock('@graphql-hive/router-query-planner', () => {
      throw new Error('no binary for this platform');
    });
    const isolated = (await import('./query-planner')) as typeof import('./query-planner');
    expect(await isolated.rustPlannerAvailable()).toBe(false);
    expect(await isolated.resolveQueryPlanner(undefined, log)).toBe('js');
    expect(log.warn).toHaveBeenCalledWith(expect.objectContaining({ platform: process.platform }), expect.stringContaining('planning with js'));
    await expect(isolated.resolveQueryPlanner('rust', log)).rejects.toThrow(/GATEWAY_QUERY_PLANNER=rust, but the Rust query planner does not load/);
    jest.dontMock('@graphql-hive/router-query-planner');
  });
});

describe('isSubscription', () => {
  it.each([
    ['subscription { a }', undefined, true],
    ['query { a }', undefined, false],
    ['mutation { a }', undefined, false],
    ['query Q { a } subscription S { a }', 'S', true],
    ['query Q { a } subscription S { a }', 'Q', false],
  ])('%s (%s): %s', (doc, operationName, expected) => {
    expect(isSubscription({ document: parse(doc), operationName })).toBe(expected);
  });
});
