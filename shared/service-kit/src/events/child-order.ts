/**
 * Runs work one key at a time, in the order it was submitted, and different keys side by side. An event consumer with
 * concurrency > 1 passes each job through it keyed by the event's child: BullMQ hands jobs to the processor in queue
 * order, so a child's later event waits for its earlier one in this process instead of overtaking it (BullMQ's
 * groups, which would do this in Redis, are a Pro feature). Work without a key runs at once.
 * @returns the runner: `run(key, work)` resolves or rejects as `work` does
 * @example const run = keyedSequence(); await run(event.childId, () => handle(event));
 */
export function keyedSequence(): <T>(key: string | null | undefined, work: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string | null | undefined, work: () => Promise<T>): Promise<T> => {
    if (!key) return work();
    const before = tails.get(key) ?? Promise.resolve();
    // A failure of the earlier work is its own job's; this one runs regardless.
    const mine = before.then(work, work);
    const tail = mine.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return mine;
  };
}
