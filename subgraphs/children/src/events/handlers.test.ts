import { childrenEventHandlers } from './handlers';

describe('children event handling', () => {
  it('has no handler of its own: IroAssigned only moves access facts (kept by the kit), so it records no event in reply', () => {
    expect(childrenEventHandlers.handledTypes).toEqual([]);
  });
});
