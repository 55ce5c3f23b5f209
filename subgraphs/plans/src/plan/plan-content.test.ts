import { areaCompleteness, buildContent, PLACEMENT_PLAN_AREAS } from './plan-content';
import { endorsers } from './plan.policy';

describe('plan content', () => {
  it('placement plan areas PPC-01..PPC-14: completeness counts written areas', () => {
    const c = buildContent('PLACEMENT', {}, {
      areas: [{ code: 'PPC-03', text: 'GP: Dr Lee' }, { code: 'PPC-01', text: 'Routine' }, { code: 'PPC-02', text: ' ', missingReason: 'awaiting the school' }],
    });
    expect(c.areas!.map((a) => a.code)).toEqual(['PPC-01', 'PPC-02', 'PPC-03']);
    const r = areaCompleteness('PLACEMENT', c);
    expect(PLACEMENT_PLAN_AREAS).toHaveLength(14);
    expect(r.areas.filter((a) => a.complete).map((a) => a.code)).toEqual(['PPC-01', 'PPC-03']);
    expect(r.areas.find((a) => a.code === 'PPC-02')).toMatchObject({ complete: false, missingReason: 'awaiting the school' });
    expect(r.percent).toBe(14);
  });

  it('PP-DUE-5WD: an area sent blank must say why it is missing', () => {
    expect(() => buildContent('PLACEMENT', {}, { areas: [{ code: 'PPC-02', text: ' ' }] })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'AREA_TEXT_OR_REASON', area: 'PPC-02' }) }),
    );
  });

  it('a revision keeps earlier areas and replaces those sent', () => {
    const v1 = buildContent('PATHWAY', {}, { areas: [{ code: 'ACCOMMODATION', text: 'Staying put' }] });
    const v2 = buildContent('PATHWAY', v1, { areas: [{ code: 'FINANCE', text: 'Bursary' }] });
    expect(v2.areas).toEqual([{ code: 'ACCOMMODATION', text: 'Staying put' }, { code: 'FINANCE', text: 'Bursary' }]);
    expect(v1.areas).toHaveLength(1);
  });

  it.each([
    ['an unknown area', 'PLACEMENT', { areas: [{ code: 'PPC-99', text: 'x' }] }, 'UNKNOWN_AREA'],
    ['areas on a care plan', 'CARE', { areas: [{ code: 'PPC-01', text: 'x' }] }, 'NOT_FOR_KIND'],
    ['objectives outside a provider plan', 'PEP', { objectives: [{ text: 'x', qualityStandard: 'EDUCATION' }] }, 'NOT_FOR_KIND'],
    ['an unknown Quality Standard', 'PROVIDER', { objectives: [{ text: 'x', qualityStandard: 'FUN' }] }, 'UNKNOWN_QUALITY_STANDARD'],
  ] as const)('refuses %s', (_label, kind, patch, reason) => {
    expect(() => buildContent(kind, {}, patch as never)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason }) }));
  });
});

describe('who endorses (§11)', () => {
  it.each([
    ['APP-CP-TM', 'CARE', {}, ['TEAM_MANAGER']],
    ['APP-CP-COURT', 'CARE', { forCourtProceedings: true }, ['DESIGNATED_MANAGER']],
    ['APP-PWP', 'PATHWAY', {}, ['TEAM_MANAGER', 'SERVICE_MANAGER']],
    ['PCPP-5WD', 'PROVIDER', {}, ['PROVIDER_MANAGER']],
  ] as const)('%s', (ruleId, kind, content, roles) => {
    expect(endorsers(kind, content)).toEqual({ ruleId, roles });
  });
});
