import { checkRefusalLength } from './contact-refusal';

describe('checkRefusalLength (CON-S34-7D)', () => {
  it.each`
    days         | reason                        | why
    ${undefined} | ${'REQUIRED'}                 | ${'omitted: the value is missing, not too long'}
    ${null}      | ${'REQUIRED'}                 | ${'null is missing too'}
    ${0}         | ${'INVALID_DURATION'}         | ${'zero days is not a refusal'}
    ${-2}        | ${'INVALID_DURATION'}         | ${'a negative length'}
    ${2.5}       | ${'INVALID_DURATION'}         | ${'not whole days'}
    ${8}         | ${'CONTACT_REFUSAL_TOO_LONG'} | ${'more than 7 days needs a court order'}
  `('refuses $why', ({ days, reason }) => {
    let err: any;
    try {
      checkRefusalLength(days);
    } catch (e) {
      err = e;
    }
    expect(err?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'durationDays', ruleId: 'CON-S34-7D' });
  });

  it.each`
    days | why
    ${1} | ${'one day'}
    ${7} | ${'the full seven days'}
  `('accepts $why', ({ days }) => {
    expect(() => checkRefusalLength(days)).not.toThrow();
  });

  it('says the value is missing when it is', () => {
    expect(() => checkRefusalLength(undefined)).toThrow(/durationDays is required/);
  });
});
