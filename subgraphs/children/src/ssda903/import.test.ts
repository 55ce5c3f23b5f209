import { parseReturn, returnDate } from './import';

const HEADER = 'CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\n';
const EPISODES = 'CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\r\n';
const providers = [{ id: 'HOME', urn: 'SC000001' }, { id: 'FOSTER', urn: null }];

describe('parseReturn', () => {
  it('turns episodes into periods of care, legal statuses and placements', () => {
    const r = parseReturn({
      Header: `${HEADER}A1,F,10/03/2012,WBRI,UN1,,\r\n`,
      Episodes: `${EPISODES}A1,15/07/2025,L,C2,N1,K2,PR4,01/09/2025,X1,CARPL,NE1 4AB,NE2 1AA,SC000001\r\n`
        + 'A1,01/05/2025,S,C1,N1,K2,PR4,15/07/2025,X1,,NE1 4AB,NE2 1AA,SC000001\r\n'
        + 'A1,01/09/2025,P,C2,N1,U4,PR4,01/12/2025,E4A,,NE1 4AB,NE2 1AA,XXXXXXX\r\n'
        + 'A1,01/02/2026,S,V2,N1,U4,PR4,,,,NE1 4AB,NE2 1AA,XXXXXXX\r\n',
    }, { providers, defaultProvider: 'FOSTER' });
    expect(r.refused).toEqual([]);
    expect(r.children[0].input.periods).toEqual([
      {
        startedOn: '2025-05-01', endedOn: '2025-12-01', reasonCeased: 'E4A', needCode: 'N1', homePostcode: 'NE1 4AB',
        legalStatuses: [{ code: 'C1', startedOn: '2025-05-01' }, { code: 'C2', startedOn: '2025-07-15' }],
        placements: [
          { providerId: 'HOME', placementType: 'K2', startedOn: '2025-05-01', endedOn: '2025-09-01', endReason: 'CARPL', placeProvider: 'PR4', postcode: 'NE2 1AA', urn: 'SC000001' },
          { providerId: 'FOSTER', placementType: 'U4', startedOn: '2025-09-01', endedOn: null, endReason: null, placeProvider: 'PR4', postcode: 'NE2 1AA', urn: 'XXXXXXX' },
        ],
      },
      {
        startedOn: '2026-02-01', endedOn: null, reasonCeased: null, needCode: 'N1', homePostcode: 'NE1 4AB',
        legalStatuses: [{ code: 'V2', startedOn: '2026-02-01' }],
        placements: [{ providerId: 'FOSTER', placementType: 'U4', startedOn: '2026-02-01', endedOn: null, endReason: null, placeProvider: 'PR4', postcode: 'NE2 1AA', urn: 'XXXXXXX' }],
      },
    ]);
  });

  it('refuses what the hub would record differently, the child whole', () => {
    const r = parseReturn({
      Header: `${HEADER}A1,F,10/03/2012,WBRI,UN1,,\r\nB2,M,01/01/2015,WBRI,UN1,,\r\n`,
      Episodes: `${EPISODES}A1,01/05/2025,S,C1,N1,U4,PR4,01/06/2025,X1,CARPL,NE1 4AB,NE2 1AA,XXXXXXX\r\n`
        + 'A1,01/06/2025,P,C1,N1,U4,PR4,,,,NE1 4AB,NE2 1AA,XXXXXXX\r\n'
        + 'B2,01/05/2025,S,C1,N1,U4,PR4,01/06/2025,X1,,NE1 4AB,NE2 1AA,XXXXXXX\r\n',
    }, { providers, defaultProvider: 'FOSTER' });
    expect(r.children).toEqual([]);
    expect(r.refused.map((x) => `${x.file}:${x.line} ${x.reason.split(';')[0]}`)).toEqual([
      expect.stringMatching(/^episodes.csv:2 another row of child A1 was refused \(episodes.csv line 3\)/),
      'episodes.csv:3 RNE P (new carer), but the placement resolves to provider FOSTER as the one before',
      expect.stringMatching(/^episodes.csv:4 ended 2025-06-01 with X1, but no episode starts that day/),
      expect.stringMatching(/^header.csv:2 another row of child A1 was refused/),
      expect.stringMatching(/^header.csv:3 another row of child B2 was refused/),
    ]);
  });

  it('reads DD/MM/YYYY dates and refuses impossible ones', () => {
    expect(returnDate('29/02/2024', 'DOB')).toBe('2024-02-29');
    expect(() => returnDate('29/02/2025', 'DOB')).toThrow('not a date');
    expect(() => returnDate('2025-13-01', 'DOB')).toThrow('not a date');
  });
});
