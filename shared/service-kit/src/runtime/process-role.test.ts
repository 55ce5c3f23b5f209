import { ConfigError } from '../config';
import { processRoleFrom, runsApi, runsWorkers } from './process-role';

describe('processRoleFrom', () => {
  it('defaults to all', () => {
    expect(processRoleFrom([], {})).toBe('all');
    expect(processRoleFrom([], { HUB_ROLE: '' })).toBe('all');
  });

  it('reads --role, --role=, then HUB_ROLE; the command line wins', () => {
    expect(processRoleFrom(['--role', 'api'], {})).toBe('api');
    expect(processRoleFrom(['--role=worker'], {})).toBe('worker');
    expect(processRoleFrom([], { HUB_ROLE: 'worker' })).toBe('worker');
    expect(processRoleFrom(['--role', 'api'], { HUB_ROLE: 'worker' })).toBe('api');
  });

  it.each([[['--role', 'workers']], [['--role']], [['--role=']]])('refuses %j', (argv) => {
    expect(() => processRoleFrom(argv, {})).toThrow(ConfigError);
  });

  it('refuses an unknown HUB_ROLE', () => {
    expect(() => processRoleFrom([], { HUB_ROLE: 'API' })).toThrow(/api, worker or all/);
  });

  it('splits the work between the roles', () => {
    expect([runsApi('api'), runsWorkers('api')]).toEqual([true, false]);
    expect([runsApi('worker'), runsWorkers('worker')]).toEqual([false, true]);
    expect([runsApi('all'), runsWorkers('all')]).toEqual([true, true]);
  });
});
