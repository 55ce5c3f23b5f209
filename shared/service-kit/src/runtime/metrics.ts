import client, { Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The hub's Prometheus metrics, one registry per process (tests run several services in one process; every series
 * carries the service). Label values are bounded: services, operation names (at most {@link MAX_OPERATIONS} distinct
 * ones per process, the rest counted as `other`), error codes, queue names, job states, rule ids, channels and
 * authority codes; never a child's or a user's id. Each metric is described in the README ("Running in production").
 */
export const metricsRegistry = new Registry();
client.collectDefaultMetrics({ register: metricsRegistry, prefix: 'hub_process_' });

/** Distinct operation names kept as labels per process; further names are counted as `other`. */
export const MAX_OPERATIONS = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const seenOperations = new Set<string>();

/**
 * The label an operation is counted under: its name when it is a GraphQL name among the first {@link MAX_OPERATIONS}
 * seen, `anonymous` without a name, `other` otherwise (a client cannot grow the label set without bound).
 * @param name - the operation name as sent
 * @returns the label value
 */
export function operationLabel(name: string | undefined | null): string {
  if (!name) return 'anonymous';
  if (!OPERATION_NAME.test(name)) return 'other';
  if (seenOperations.has(name)) return name;
  if (seenOperations.size >= MAX_OPERATIONS) return 'other';
  seenOperations.add(name);
  return name;
}

const NAMED_OPERATION = /^\s*(?:#[^\n]*\n\s*)*(?:query|mutation|subscription)\s+([A-Za-z_][A-Za-z0-9_]*)/;

/**
 * The name an operation is known by: the `operationName` sent, else the name of the document's first operation
 * (a named single-operation document is usually sent without `operationName`).
 * @param operationName - as sent
 * @param query - the document as sent
 * @returns the name, or undefined for an anonymous operation
 */
export function operationNameOf(operationName: unknown, query: unknown): string | undefined {
  if (typeof operationName === 'string' && operationName) return operationName;
  if (typeof query !== 'string') return undefined;
  return NAMED_OPERATION.exec(query.slice(0, 2000))?.[1];
}

/**
 * The label an error code is counted under: the code when it has the shape of the hub's codes, else `OTHER`.
 * @param code - extensions.code
 * @returns the label value
 */
export function errorCodeLabel(code: unknown): string {
  if (code === undefined || code === null) return 'INTERNAL_SERVER_ERROR';
  return typeof code === 'string' && CODE.test(code) ? code : 'OTHER';
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** GraphQL requests served, by service and operation name. */
export const requestsTotal = new Counter({
  name: 'hub_graphql_requests_total',
  help: 'GraphQL requests served, by service and operation name',
  labelNames: ['service', 'operation'] as const,
  registers: [metricsRegistry],
});

/** Time to answer a GraphQL request, by service and operation name. */
export const requestDuration = new Histogram({
  name: 'hub_graphql_request_duration_seconds',
  help: 'Time to answer a GraphQL request, by service and operation name',
  labelNames: ['service', 'operation'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** GraphQL errors returned, by service and extensions.code. */
export const errorsTotal = new Counter({
  name: 'hub_graphql_errors_total',
  help: 'GraphQL errors returned, by service and extensions.code',
  labelNames: ['service', 'code'] as const,
  registers: [metricsRegistry],
});

/** SQL statements one GraphQL request issued in a service (audit insert included). */
export const sqlStatementsPerRequest = new Histogram({
  name: 'hub_sql_statements_per_request',
  help: 'SQL statements one GraphQL request issued in a service',
  labelNames: ['service'] as const,
  buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144],
  registers: [metricsRegistry],
});

/** Seconds between an event's occurrence and its handling by a consumer, by queue. */
export const eventHandlingLag = new Histogram({
  name: 'hub_event_handling_lag_seconds',
  help: 'Seconds from an event being recorded to a consumer handling it, by queue',
  labelNames: ['queue'] as const,
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900],
  registers: [metricsRegistry],
});

/** Delivery attempts by rule, channel and outcome (DELIVERED, RETRY, FAILED). */
export const deliveriesTotal = new Counter({
  name: 'hub_deliveries_total',
  help: 'Notification delivery attempts, by rule, channel and outcome (DELIVERED, RETRY, FAILED)',
  labelNames: ['rule', 'channel', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Time one delivery attempt took (the webhook call or the e-mail send), by rule and channel. */
export const deliveryDuration = new Histogram({
  name: 'hub_delivery_duration_seconds',
  help: 'Time one notification delivery attempt took, by rule and channel',
  labelNames: ['rule', 'channel'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/**
 * Records one delivery attempt.
 * @param rule - the notification rule id
 * @param channel - WEBHOOK or EMAIL
 * @param outcome - DELIVERED, RETRY or FAILED
 * @param seconds - how long the attempt took
 */
export function observeDelivery(rule: string, channel: string, outcome: 'DELIVERED' | 'RETRY' | 'FAILED', seconds: number): void {
  deliveriesTotal.inc({ rule, channel, outcome });
  deliveryDuration.observe({ rule, channel }, seconds);
}

/** A value read at scrape time: labels and the value. */
export type Sample = { labels: Record<string, string>; value: number };
type Source = () => Promise<Sample[]>;

/**
 * A gauge whose value is read from the sources registered by running services when Prometheus scrapes. A source
 * that fails (its database or Redis is away) contributes nothing to that scrape.
 */
class SourcedGauge {
  private readonly sources = new Set<Source>();
  readonly gauge: Gauge<string>;

  constructor(name: string, help: string, labelNames: string[]) {
    const sources = this.sources;
    this.gauge = new Gauge({
      name,
      help,
      labelNames,
      registers: [metricsRegistry],
      async collect() {
        this.reset();
        const all = await Promise.all([...sources].map((s) => s().catch(() => [] as Sample[])));
        for (const samples of all) for (const s of samples) this.set(s.labels, s.value);
      },
    });
  }

  /**
   * Adds a source.
   * @param source - reads the samples
   * @returns removes the source again
   */
  add(source: Source): () => void {
    this.sources.add(source);
    return () => this.sources.delete(source);
  }
}

/** Age of the oldest outbox row not yet relayed, per service (0 when every row is relayed). */
export const outboxLag = new SourcedGauge(
  'hub_outbox_oldest_unrelayed_seconds',
  'Age in seconds of the oldest outbox row not yet relayed to Redis, per service (0 when none waits)',
  ['service'],
);

/** Jobs per BullMQ queue and state. */
export const queueJobs = new SourcedGauge('hub_queue_jobs', 'Jobs in a BullMQ queue, by queue and state', ['queue', 'state']);

/** Age of the oldest job waiting in a queue. */
export const consumerLag = new SourcedGauge(
  'hub_consumer_lag_seconds',
  'Age in seconds of the oldest job waiting in a queue (0 when none waits), by queue',
  ['queue'],
);

/** Open deadlines past their due instant, per placing authority. */
export const deadlinesOverdue = new SourcedGauge(
  'hub_deadlines_overdue',
  'Open statutory deadlines past their due instant, by placing authority',
  ['authority'],
);

/**
 * The metrics in Prometheus's text format.
 * @returns content type and body
 */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: metricsRegistry.contentType, body: await metricsRegistry.metrics() };
}
