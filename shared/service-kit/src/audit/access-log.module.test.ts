import { AuditLine, mergeAccessLines } from './access-log.module';
import { auditValue, AUDIT_LIMITS } from './audit-buffer';

const line = (service: string, at: string, requestId = 'r'): AuditLine =>
  Object.assign(new AuditLine(), { service, at: new Date(at), requestId, action: 'READ', sub: 's', roles: [], org: 'o', fields: [] });

describe('mergeAccessLines', () => {
  it("merges every service's lines newest first and cuts to the page", () => {
    const merged = mergeAccessLines([
      [line('children', '2026-01-03T00:00:00Z'), line('children', '2026-01-01T00:00:00Z')],
      [line('plans', '2026-01-02T00:00:00Z')],
      [],
      [line('notifications', '2026-01-03T00:00:00Z')],
    ], 3);
    expect(merged.map((l) => l.service)).toEqual(['children', 'notifications', 'plans']);
  });
});

describe('auditValue', () => {
  it('bounds request ids and operation names to their columns and drops NUL characters', () => {
    expect(auditValue('x'.repeat(300), AUDIT_LIMITS.requestId)).toHaveLength(64);
    expect(auditValue('Op'.repeat(100), AUDIT_LIMITS.operation)).toHaveLength(128);
    expect(auditValue('a\u0000b', AUDIT_LIMITS.operation)).toBe('ab');
    expect(auditValue('short', AUDIT_LIMITS.requestId)).toBe('short');
  });
});
