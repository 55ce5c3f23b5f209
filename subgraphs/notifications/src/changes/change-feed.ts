import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type IORedis from 'ioredis';
import { ChildAccess, Logger, Principal, SubgraphDeps } from '@hub/service-kit';
import { ChangeRecord, headOfLog, pruneChanges, readChanges, registerChangeSignal } from './change-log';
import { changeVisibleTo } from './change-visibility';
import { ChangeConfig, loadChangeConfig } from './change-config';

/** A subscriber's queue of changes: an async iterator the GraphQL subscription returns. */
class ChangeStream implements AsyncIterableIterator<ChangeRecord> {
  private readonly queue: ChangeRecord[] = [];
  private waiting?: (r: IteratorResult<ChangeRecord>) => void;
  private failure?: Error;
  done = false;

  constructor(
    readonly principal: Principal,
    readonly childId: string | undefined,
    private readonly onEnd: (s: ChangeStream) => void,
    private readonly maxQueued: number,
  ) {}

  push(c: ChangeRecord): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w({ value: c, done: false });
      return;
    }
    this.queue.push(c);
    // A subscriber that stops reading is cut off rather than allowed to grow without bound; it resumes with changesSince.
    if (this.queue.length > this.maxQueued) this.fail(new Error('the subscriber fell too far behind; resume with changesSince'));
  }

  fail(err: Error): void {
    this.failure = err;
    this.queue.length = 0;
    this.end();
  }

  private end(): void {
    if (this.done) return;
    this.done = true;
    this.onEnd(this);
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      if (this.failure) void Promise.resolve().then(() => w(Promise.reject(this.failure) as never));
      else w({ value: undefined, done: true });
    }
  }

  next(): Promise<IteratorResult<ChangeRecord>> {
    const c = this.queue.shift();
    if (c) return Promise.resolve({ value: c, done: false });
    if (this.failure) {
      const err = this.failure;
      this.failure = undefined;
      return Promise.reject(err);
    }
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<ChangeRecord>> {
    this.queue.length = 0;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** Options of {@link ChangeFeed}. */
export interface ChangeFeedOptions {
  orm: MikroORM;
  /** A dedicated connection for SUBSCRIBE. */
  subscriber: IORedis;
  /** A producer connection for the "log grew" signal. */
  publisher: IORedis;
  /** The pub/sub channel of this deployment. */
  channel: string;
  log: Logger;
  config: ChangeConfig;
  /** Changes a subscriber may have waiting before it is cut off. @default 10000 */
  maxQueued?: number;
}

/**
 * One per process: tails the durable change log and hands each new change to this process's subscribers who may
 * see it. Any instance's consumer writes a change and publishes its cursor on Redis; every instance's feed wakes,
 * reads the rows after the last it handed out (one query per wake-up for all its subscribers, in cursor order),
 * loads the changed children's access facts as they are now, and checks every subscriber against each change
 * through {@link changeVisibleTo}. A lost signal costs at most `pollMs`: the feed also looks on a timer.
 */
export class ChangeFeed {
  private readonly streams = new Set<ChangeStream>();
  private position?: string;
  private draining?: Promise<void>;
  private again = false;
  private timers: NodeJS.Timeout[] = [];
  private stopped = false;

  constructor(private readonly o: ChangeFeedOptions) {}

  private em(): EntityManager {
    return this.o.orm.em.fork() as EntityManager;
  }

  /** Subscribes to the channel and starts the timers. */
  async start(): Promise<void> {
    this.position = (await headOfLog(this.em())).seq;
    this.o.subscriber.on('message', (channel: string) => {
      if (channel === this.o.channel) this.wake();
    });
    await this.o.subscriber.subscribe(this.o.channel);
    registerChangeSignal(this.o.orm, this.o.publisher, this.o.channel);
    const poll = setInterval(() => this.wake(), this.o.config.pollMs);
    const prune = setInterval(() => {
      pruneChanges(this.em(), this.o.config.retentionMs).catch((err) => this.o.log.warn({ err }, 'change log: pruning failed'));
    }, this.o.config.pruneMs);
    poll.unref();
    prune.unref();
    this.timers.push(poll, prune);
    this.wake();
  }

  /** How many subscriptions this process serves. */
  get size(): number {
    return this.streams.size;
  }

  /**
   * A subscription's stream of changes the caller may see, from now on.
   * @param principal - the caller
   * @param childId - one child only, or every child the caller may see
   * @returns the stream
   */
  subscribe(principal: Principal, childId?: string): AsyncIterableIterator<ChangeRecord> {
    const s = new ChangeStream(principal, childId, (x) => this.streams.delete(x), this.o.maxQueued ?? 10_000);
    this.streams.add(s);
    return s;
  }

  /** Reads and hands out what is new (coalescing signals that arrive meanwhile). */
  wake(): void {
    if (this.stopped || this.position === undefined) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((err) => this.o.log.warn({ err }, 'change feed: the log could not be read; retrying on the next signal'))
      .finally(() => {
        this.draining = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    for (;;) {
      const em = this.em();
      const changes = await readChanges(em, this.position!, 500);
      if (changes.length === 0) return;
      if (this.streams.size > 0) {
        const ids = [...new Set(changes.map((c) => c.childId))];
        const access = new Map((await em.find(ChildAccess, { childId: { $in: ids } }, { disableIdentityMap: true })).map((a) => [a.childId, a]));
        const now = new Date();
        for (const c of changes) {
          const facts = access.get(c.childId) ?? null;
          for (const s of this.streams) {
            if (s.childId && s.childId !== c.childId) continue;
            if (changeVisibleTo(s.principal, facts, c, now)) s.push(c);
          }
        }
      }
      this.position = changes[changes.length - 1].seq;
      if (changes.length < 500) return;
    }
  }

  /** Ends every subscription and stops listening. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearInterval(t);
    await this.draining;
    for (const s of [...this.streams]) await s.return();
    await this.o.subscriber.unsubscribe(this.o.channel).catch(() => undefined);
  }
}

/**
 * type-graphql wants a PubSub for any subscription; every subscription here brings its own `subscribe` (the feed),
 * so topics are never used and asking for one is a defect.
 */
export const NO_TOPICS = {
  publish(): void {
    throw new Error('live changes are published through the change log, not type-graphql topics');
  },
  subscribe(): AsyncIterable<unknown> {
    throw new Error('live changes are subscribed to through the change feed, not type-graphql topics');
  },
};

const feeds = new WeakMap<object, ChangeFeed>();

/**
 * The feed serving a request's service (found through its EntityManager's configuration, shared by every fork).
 * @param em - the request's EntityManager
 * @returns the feed, or undefined when this process does not run one
 */
export function changeFeedOf(em: { config: object }): ChangeFeed | undefined {
  return feeds.get(em.config);
}

/**
 * Starts this process's change feed (the subgraph definition's `workers`).
 * @param deps - what the running subgraph shares
 * @returns closables
 */
export function startChangeFeed(deps: SubgraphDeps): Array<{ close(): Promise<void> }> {
  const subscriber = deps.workerConnection();
  const feed = new ChangeFeed({
    orm: deps.orm,
    subscriber,
    publisher: deps.redis,
    channel: `${deps.queuePrefix ?? 'bull'}:care-hub-change-log`,
    log: deps.log,
    config: loadChangeConfig(process.env),
  });
  feeds.set(deps.orm.config, feed);
  const started = feed.start().catch((err) => deps.log.error({ err }, 'change feed did not start'));
  return [{ close: async () => { await started; await feed.stop(); } }];
}
