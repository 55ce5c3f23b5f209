import { keyedSequence } from './child-order';

const tick = () => new Promise((r) => setImmediate(r));

describe('keyedSequence', () => {
  it("runs one key's work in submission order, even when the earlier work is the slower", async () => {
    const run = keyedSequence();
    const log: string[] = [];
    const gates: Array<() => void> = [];
    const slow = run('child-1', () => new Promise<void>((r) => gates.push(() => { log.push('1a'); r(); })));
    const fast = run('child-1', async () => { log.push('1b'); });
    await tick();
    expect(log).toEqual([]);
    gates[0]();
    await Promise.all([slow, fast]);
    expect(log).toEqual(['1a', '1b']);
  });

  it('runs different keys, and work without a key, side by side', async () => {
    const run = keyedSequence();
    const log: string[] = [];
    let release: () => void = () => undefined;
    const blocked = run('child-1', () => new Promise<void>((r) => (release = r)));
    await run('child-2', async () => { log.push('2'); });
    await run(null, async () => { log.push('none'); });
    expect(log).toEqual(['2', 'none']);
    release();
    await blocked;
  });

  it("a failure rejects its own caller only; the key's next work still runs", async () => {
    const run = keyedSequence();
    const failed = run('child-1', async () => { throw new Error('boom'); });
    const next = run('child-1', async () => 'ran');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ran');
  });
});
