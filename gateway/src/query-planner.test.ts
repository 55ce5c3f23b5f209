import { ConfigError } from '@hub/service-kit';
import { DEFAULT_QUERY_PLANNER, queryPlannerFrom } from './query-planner';

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
