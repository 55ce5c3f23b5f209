import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_ROUTES, EVENT_SOURCE, EVENT_TYPES, EventSource, QUEUES } from './contracts';

const CONSUMER: Record<string, EventSource> = {
  [QUEUES.eventsChildren]: 'children', [QUEUES.eventsPlans]: 'plans', [QUEUES.eventsReviews]: 'reviews', [QUEUES.eventsNotifications]: 'notifications',
};
/** What a queue receives of the events actually recorded (each type from its owner). */
const accepted = (queue: string) => {
  const route = EVENT_ROUTES.find((r) => r.queue === queue)!;
  return EVENT_TYPES.filter((t) => route.accepts(t, EVENT_SOURCE[t])).map((t) => `${EVENT_SOURCE[t]}:${t}`);
};

describe('event routes', () => {
  it('no service consumes its own events (notifications writes the live changes of its own receipts where it records them)', () => {
    for (const route of EVENT_ROUTES) {
      const self = CONSUMER[route.queue];
      expect(accepted(route.queue).filter((x) => x.startsWith(`${self}:`))).toEqual([]);
    }
  });

  it('notifications hears every event of the other services', () => {
    const others = EVENT_TYPES.filter((t) => EVENT_SOURCE[t] !== 'notifications').map((t) => `${EVENT_SOURCE[t]}:${t}`);
    expect(accepted(QUEUES.eventsNotifications)).toEqual(others);
  });

  it('the only event routed back to children is IroAssigned from reviews (README, Architecture)', () => {
    expect(accepted(QUEUES.eventsChildren)).toEqual(['reviews:IroAssigned']);
  });

  it('the kit names no service: every service consumes events the same way', () => {
    for (const file of ['../subgraph.ts', './handlers.ts', './event-consumer.ts', './access-projection.ts']) {
      const source = readFileSync(join(__dirname, file), 'utf8');
      expect(source).not.toMatch(/def\.name\s*[!=]==|'(children|plans|reviews|notifications)'/);
    }
  });
});
