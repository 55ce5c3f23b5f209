import { ChildAccess } from './child-access.entity';
import type { Principal, Role } from './principal';
import { childReadScope } from './read-scope';

const who = (role: Role, org: string, sub = `${role}-${org}`): Principal => ({ sub, roles: [role], org, token: '' });
const access = Object.assign(new ChildAccess(), {
  childId: 'c1',
  placingAuthority: 'LA-A',
  iroSub: 'iro-a',
  providerWindows: [
    { placementId: 'old', providerId: 'PRV-OLD', from: '2025-01-06T10:00:00.000Z', to: '2025-06-01T10:00:00.000Z' },
    { placementId: 'cur', providerId: 'PRV-A', from: '2025-06-01T10:00:00.000Z', to: null },
  ],
});
const NOW = new Date('2025-09-01T12:00:00Z');

describe('childReadScope', () => {
  it('gives the authority and the assigned IRO the whole record', () => {
    for (const p of [who('SOCIAL_WORKER', 'LA-A'), who('IRO', 'LA-A', 'iro-a')]) {
      const s = childReadScope(p, 'c1', access, NOW);
      expect(s.readable).toBe(true);
      expect(s.sees({ at: '2020-01-01' })).toBe(true);
      expect(s.sees({ placementId: 'old', providerId: 'PRV-OLD' })).toBe(true);
      expect(s.filter([1, 2], () => ({}))).toEqual([1, 2]);
    }
  });

  it('refuses another authority, another IRO, a former provider, OPS and ADMIN', () => {
    for (const p of [who('SOCIAL_WORKER', 'LA-B'), who('IRO', 'LA-A', 'iro-b'), who('PROVIDER_STAFF', 'PRV-OLD'), who('PROVIDER_MANAGER', 'PRV-B'), who('OPS', 'LA-A'), who('ADMIN', 'LA-A')]) {
      const s = childReadScope(p, 'c1', access, NOW);
      expect(s.readable).toBe(false);
      expect(s.sees({ at: NOW })).toBe(false);
      expect(s.filter([1], () => ({ at: NOW }))).toEqual([]);
      expect(() => s.require()).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
    }
  });

  it('gives the current provider only what happened during its placement', () => {
    const s = childReadScope(who('PROVIDER_STAFF', 'PRV-A'), 'c1', access, NOW);
    expect(s.relation).toBe('PROVIDER');
    expect(s.sees({ at: '2025-05-31' })).toBe(false); // the day before it started
    expect(s.sees({ at: '2025-06-01' })).toBe(true); // the day it started
    expect(s.sees({ at: new Date('2025-06-01T09:59:59Z') })).toBe(false);
    expect(s.sees({ at: new Date('2025-06-01T10:00:00Z') })).toBe(true);
    expect(s.sees({ at: '2026-01-01' })).toBe(true); // a scheduled date while the placement runs
    expect(s.sees({ placementId: 'cur' })).toBe(true);
    expect(s.sees({ placementId: 'old' })).toBe(false);
    expect(s.sees({ providerId: 'PRV-OLD', at: NOW })).toBe(false);
    expect(s.sees({})).toBe(false); // a record tied to no time or placement is not the provider's
    // Spans: shown when they overlap the placement.
    expect(s.sees({ at: { from: '2023-01-02', to: '2023-06-30' } })).toBe(false);
    expect(s.sees({ at: { from: '2025-01-06', to: null } })).toBe(true);
    expect(s.ends('2025-01-06', null)).toEqual({ from: false, to: false });
    expect(s.ends('2025-07-01', '2025-08-01')).toEqual({ from: true, to: true });
  });

  it('a placement that ended is the former provider’s no more, even for records inside it', () => {
    const later = new Date('2025-06-01T10:00:00Z');
    expect(childReadScope(who('PROVIDER_MANAGER', 'PRV-OLD'), 'c1', access, later).readable).toBe(false);
    expect(childReadScope(who('PROVIDER_MANAGER', 'PRV-OLD'), 'c1', access, new Date('2025-06-01T09:59:59Z')).sees({ at: '2025-02-01' })).toBe(true);
  });

  it('an unknown child is nobody’s', () => {
    expect(childReadScope(who('SOCIAL_WORKER', 'LA-A'), 'c1', null, NOW).readable).toBe(false);
  });
});
