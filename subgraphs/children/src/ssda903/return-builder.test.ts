import { collectionYear } from './codes';
import { childReturn, ChildFacts, deriveEpisodes, parseCsv, toCsv } from './return-builder';

const Y = collectionYear('2025-26');

function facts(over: Partial<ChildFacts> = {}): ChildFacts {
  return {
    id: 'c1', caseReference: 'N0001', sex: 'F', dateOfBirth: '2012-06-01', ethnicity: 'WBRI', upn: 'A12345678901B', motherChildDob: null,
    periods: [{ id: 'p1', startedOn: '2025-05-01', endedOn: null, reasonCeased: null, shortBreak: false, needCode: 'N1', homePostcode: 'NE1 4AB' }],
    legalStatuses: [{ code: 'V2', startedOn: '2025-05-01' }],
    placements: [{ id: 'pl1', providerId: 'PRV-A', startedOn: '2025-05-01', endedOn: null, placementType: 'K2', placeProvider: 'PR4', postcode: 'NE2 1AA', urn: 'SC000001' }],
    missing: [], careLeaver: [], ...over,
  };
}

describe('deriveEpisodes', () => {
  it('starts with S and opens a new episode on each change, with the RNE the change calls for', () => {
    const f = facts({
      legalStatuses: [{ code: 'V2', startedOn: '2025-05-01', endedOn: '2025-07-01' }, { code: 'C1', startedOn: '2025-07-01', endedOn: '2025-09-01' }, { code: 'C2', startedOn: '2025-09-01' }],
      placements: [
        { id: 'a', providerId: 'X', startedOn: '2025-05-01', endedOn: '2025-08-01', placementType: 'K2', endReason: 'CARPL' },
        { id: 'b', providerId: 'X', startedOn: '2025-08-01', endedOn: '2025-09-01', placementType: 'U6', endReason: 'CHILD' },
        { id: 'c', providerId: 'Y', startedOn: '2025-09-01', endedOn: '2025-10-01', placementType: 'K2', endReason: 'STAND' },
        { id: 'd', providerId: 'Z', startedOn: '2025-10-01', endedOn: null, placementType: 'U4' },
      ],
    });
    const eps = deriveEpisodes(f, f.periods[0]);
    expect(eps.map((e) => [e.decom, e.rne, e.ls, e.place, e.dec, e.rec, e.reasonPlaceChange])).toEqual([
      ['2025-05-01', 'S', 'V2', 'K2', '2025-07-01', 'X1', null],
      ['2025-07-01', 'L', 'C1', 'K2', '2025-08-01', 'X1', 'CARPL'],
      ['2025-08-01', 'B', 'C1', 'U6', '2025-09-01', 'X1', 'CHILD'],
      ['2025-09-01', 'T', 'C2', 'K2', '2025-10-01', 'X1', 'STAND'],
      ['2025-10-01', 'P', 'C2', 'U4', null, null, null],
    ]);
  });

  it('uses U for a change of legal status and placement with the same carer, and ends the last episode with the period', () => {
    const f = facts({
      periods: [{ id: 'p1', startedOn: '2025-05-01', endedOn: '2025-12-01', reasonCeased: 'E4A', shortBreak: false }],
      legalStatuses: [{ code: 'C1', startedOn: '2025-05-01' }, { code: 'C2', startedOn: '2025-06-01' }],
      placements: [
        { id: 'a', providerId: 'X', startedOn: '2025-05-01', endedOn: '2025-06-01', placementType: 'U4', endReason: 'PLACE' },
        { id: 'b', providerId: 'X', startedOn: '2025-06-01', endedOn: '2025-12-01', placementType: 'U1' },
      ],
    });
    expect(deriveEpisodes(f, f.periods[0]).map((e) => [e.rne, e.dec, e.rec])).toEqual([['S', '2025-06-01', 'X1'], ['U', '2025-12-01', 'E4A']]);
  });
});

describe('childReturn', () => {
  it('fills the header and episodes of a complete record with no issues', () => {
    const r = childReturn(facts(), [{ childId: 'c1', heldOn: '2025-05-20', participation: 'PN1' }], Y);
    expect(r.issues).toEqual([]);
    expect(r.rows.Header).toEqual([{ CHILD: 'N0001', SEX: 'F', DOB: '2012-06-01', ETHNIC: 'WBRI', UPN: 'A12345678901B', MOTHER: '0', MC_DOB: null }]);
    expect(r.rows.Episodes).toHaveLength(1);
    expect(r.rows.Reviews).toEqual([{ CHILD: 'N0001', DOB: '2012-06-01', REVIEW: '2025-05-20', REVIEW_CODE: 'PN1' }]);
  });

  it('names each missing field and conflicting date as an issue', () => {
    const f = facts({
      caseReference: null, sex: null, ethnicity: 'White', upn: null,
      periods: [{ id: 'p1', startedOn: '2025-05-01', endedOn: null, reasonCeased: null, shortBreak: false }],
      placements: [{ id: 'pl1', providerId: 'PRV-A', startedOn: '2025-05-03', endedOn: null, placementType: 'H5' }],
    });
    const codes = childReturn(f, [{ childId: 'c1', heldOn: '2025-06-01', participation: 'PN0' }], Y).issues.map((i) => i.code).sort();
    expect(codes).toEqual([
      'MISSING_CHILD_ID', 'MISSING_CIN', 'MISSING_ETHNIC', 'MISSING_HOME_POST', 'MISSING_PLACE_PROVIDER', 'MISSING_PL_POST', 'MISSING_SEX', 'MISSING_UPN', 'MISSING_URN',
      'NO_PLACEMENT', 'PLACE_NOT_VALID_IN_YEAR', 'REVIEW_CODE_AGE',
    ]);
  });

  it('leaves an episode open on 31 March without DEC and REC, and leaves out episodes and reviews outside the year', () => {
    const f = facts({
      periods: [
        { id: 'p0', startedOn: '2023-01-01', endedOn: '2024-02-01', reasonCeased: 'E4A', shortBreak: false, needCode: 'N1', homePostcode: 'NE1 4AB' },
        { id: 'p1', startedOn: '2026-03-01', endedOn: '2026-05-01', reasonCeased: 'E4A', shortBreak: false, needCode: 'N1', homePostcode: 'NE1 4AB' },
      ],
      legalStatuses: [{ code: 'V2', startedOn: '2023-01-01' }, { code: 'V2', startedOn: '2026-03-01' }],
      placements: [
        { id: 'a', providerId: 'X', startedOn: '2023-01-01', endedOn: '2024-02-01', placementType: 'K2', placeProvider: 'PR4', postcode: 'NE2 1AA', urn: 'SC000001' },
        { id: 'b', providerId: 'X', startedOn: '2026-03-01', endedOn: '2026-05-01', placementType: 'K2', placeProvider: 'PR4', postcode: 'NE2 1AA', urn: 'SC000001' },
      ],
    });
    const r = childReturn(f, [{ childId: 'c1', heldOn: '2024-01-10', participation: 'PN1' }], Y);
    expect(r.rows.Episodes.map((e) => [e.DECOM, e.DEC, e.REC])).toEqual([['2026-03-01', null, null]]);
    expect(r.rows.Reviews).toEqual([]);
  });

  it('gives a care leaver an OC3 row for a 17th–21st birthday in the year, and an issue when it is not recorded', () => {
    const f = facts({
      dateOfBirth: '2006-09-10',
      periods: [{ id: 'p1', startedOn: '2021-01-01', endedOn: '2024-03-10', reasonCeased: 'E5', shortBreak: false }],
      legalStatuses: [{ code: 'C2', startedOn: '2021-01-01' }],
      placements: [{ id: 'a', providerId: 'X', startedOn: '2021-01-01', endedOn: '2024-03-10', placementType: 'K2' }],
    });
    const missing = childReturn(f, [], Y);
    expect(missing.included).toBe(true);
    expect(missing.issues.map((i) => i.code)).toContain('MISSING_CARE_LEAVER_STATUS');
    const recorded = childReturn({ ...f, careLeaver: [{ birthday: 19, inTouch: 'YES', activity: 'F2', accommodation: 'S2' }] }, [], Y);
    expect(recorded.rows.OC3).toEqual([{ CHILD: 'N0001', DOB: '2006-09-10', IN_TOUCH: 'YES', ACTIV: 'F2', ACCOM: 'S2' }]);
    expect(recorded.rows.Episodes).toEqual([]);
    expect(recorded.rows.Header[0].MOTHER).toBeNull();
  });

  it('leaves reviews out for a child on short breaks only (rule 399)', () => {
    const f = facts({ legalStatuses: [{ code: 'V3', startedOn: '2025-05-01' }] });
    expect(childReturn(f, [{ childId: 'c1', heldOn: '2025-06-01', participation: 'PN1' }], Y).rows.Reviews).toEqual([]);
  });
});

describe('CSV', () => {
  it('writes and reads back quoted fields, blanks and CRLF', () => {
    const text = toCsv(['A', 'B', 'C'], [['x', null, 'a,"b"'], ['1', '2', '3']]);
    expect(text).toBe('A,B,C\r\nx,,"a,""b"""\r\n1,2,3\r\n');
    expect(parseCsv(text).rows).toEqual([{ A: 'x', B: null, C: 'a,"b"' }, { A: '1', B: '2', C: '3' }]);
  });
});
