import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UnrecoverableError } from 'bullmq';
import type { Logger } from '../logger';
import type { EventType, HubEvent } from './contracts';
import { eventProblems } from './payload-schemas';
import { claimEvent } from './processed-event.entity';
import { applyAccessEvent } from './access-projection';
import { CalendarVersion } from '../calendar/calendar-version.entity';
import { refreshCalendar } from '../calendar/hub-calendar';

/** What a handler may use besides the transaction. */
export interface EventHandlerContext {
  /** The service's ORM (for what lives beside the transaction, such as its queues). */
  orm: MikroORM;
  log: Logger;
  /** Runs `fn` once the transaction has committed (not at all if it rolls back), e.g. to enqueue follow-up jobs. */
  afterCommit(fn: () => Promise<unknown>): void;
}

/** Applies one event of type `T` inside the consumer's transaction. */
export type EventHandler<T extends EventType> = (tem: EntityManager, event: HubEvent<T>, ctx: EventHandlerContext) => Promise<void>;

/** A handler per event type the service acts on; types not named are still claimed (and their access facts kept). */
export type EventHandlerMap = { [T in EventType]?: EventHandler<T> };

/** Options of {@link defineEventHandlers}. */
export interface EventHandlerOptions {
  /** Handles every event type the map does not name (a service that reacts to every event, e.g. notifications). */
  otherwise?: EventHandler<EventType>;
}

/** How the consumer dealt with one delivery. */
export type EventOutcome = 'applied' | 'duplicate';

/** A service's event handling, built by {@link defineEventHandlers}; the runner and tests call {@link handle}. */
export interface EventHandlerRegistry {
  /** The event types with a handler of the service's own. */
  readonly handledTypes: readonly EventType[];
  /**
   * Applies one delivered event: checks it against its type (a misfit is dead-lettered: logged, then refused with
   * a BullMQ UnrecoverableError, nothing applied), then in one transaction takes the child's lock, claims the event
   * (a redelivered one changes nothing), keeps the access facts and the calendar, and runs the handler. A failing
   * handler rolls everything back, the claim included, so the retry starts afresh.
   */
  handle(orm: MikroORM, event: HubEvent, log: Logger): Promise<EventOutcome>;
}

/**
 * Refuses an event whose payload does not fit its type: one log line naming the event, its type and what did not
 * fit, then an UnrecoverableError so BullMQ moves the job to the failed set at once (no retries).
 * @param event - the delivered event
 * @param log - logger
 */
export function refuseMisfit(event: HubEvent, log: Logger): void {
  const problems = event && typeof event === 'object' ? eventProblems(event) : ['the event is not an object'];
  if (!event?.id) problems.unshift('id: required');
  if (problems.length === 0) return;
  const id = event?.id ?? 'unknown';
  const type = event?.type ?? 'unknown';
  log.error({ eventId: id, type, source: event?.source, problems }, `event ${id} (${type}) dead-lettered: ${problems.join('; ')}`);
  throw new UnrecoverableError(`event ${id} (${type}) does not fit its type: ${problems.join('; ')}`);
}

/** The advisory-lock key of an event: its child (one child's events apply one at a time), else the event itself. */
function lockKey(schema: string, event: HubEvent): string {
  return event.childId ? `${schema}:child:${event.childId}` : `${schema}:event:${event.id}`;
}

async function keepCalendar(tem: EntityManager, event: HubEvent<'CalendarUpdated'>, ctx: EventHandlerContext, orm: MikroORM): Promise<void> {
  if (!(await tem.findOne(CalendarVersion, { id: event.id }))) {
    tem.create(CalendarVersion, { id: event.id, loadedAt: new Date(), loadedBy: event.payload.loadedBy, source: event.payload.source, data: event.payload.data });
  }
  ctx.afterCommit(() => refreshCalendar(orm.em));
}

/**
 * The one way a service consumes domain events: a map from event type to a handler typed by the type's payload.
 * The kit does the rest the same way for every service (see {@link EventHandlerRegistry.handle}).
 * @example defineEventHandlers({ PlacementStarted: async (tem, e) => { e.payload.providerId ... } })
 * @param handlers - the service's handlers
 * @param o - options
 * @returns the registry to put in the subgraph definition's `consumes`
 */
export function defineEventHandlers(handlers: EventHandlerMap, o: EventHandlerOptions = {}): EventHandlerRegistry {
  const table = handlers as Partial<Record<EventType, EventHandler<EventType>>>;
  return {
    handledTypes: Object.keys(handlers) as EventType[],
    async handle(orm, event, log) {
      refuseMisfit(event, log);
      const after: Array<() => Promise<unknown>> = [];
      const ctx: EventHandlerContext = { orm, log, afterCommit: (fn) => after.push(fn) };
      const schema = orm.config.get('schema') as string;
      const em = orm.em.fork() as EntityManager;
      const outcome = await em.transactional(async (tem): Promise<EventOutcome> => {
        // Events of one child apply one at a time (the consumer may run jobs concurrently); a second copy of an
        // event waits for the first to commit, then finds it claimed.
        await tem.execute('select pg_advisory_xact_lock(hashtext(?))', [lockKey(schema, event)]);
        if (!(await claimEvent(tem, event))) return 'duplicate';
        await applyAccessEvent(tem, event);
        if (event.type === 'CalendarUpdated') await keepCalendar(tem, event, ctx, orm);
        const handler = table[event.type] ?? o.otherwise;
        if (handler) {
          await tem.flush();
          await handler(tem, event, ctx);
        }
        return 'applied';
      });
      if (outcome === 'duplicate') {
        log.debug({ eventId: event.id, type: event.type }, 'event already applied');
        return outcome;
      }
      for (const fn of after) await fn();
      log.debug({ eventId: event.id, type: event.type }, 'event applied');
      return outcome;
    },
  };
}
