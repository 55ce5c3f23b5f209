import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, Attributes } from '@opentelemetry/api';

/**
 * W3C trace context as carried in outbox rows, event payloads and job data (`traceparent`, and `tracestate` when
 * there is one). Absent when tracing is off or no span was active.
 */
export interface TraceCarrier {
  traceparent: string;
  tracestate?: string;
}

const tracer = () => trace.getTracer('care-planning-hub');

/**
 * The trace context active here, to carry across the outbox and the queues.
 * @returns the carrier, or undefined when tracing is off or nothing is being traced
 */
export function traceCarrier(): TraceCarrier | undefined {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  if (!carrier.traceparent) return undefined;
  return carrier.tracestate ? { traceparent: carrier.traceparent, tracestate: carrier.tracestate } : { traceparent: carrier.traceparent };
}

/**
 * Runs background work in a span whose parent is the carried trace context (a request's, through the outbox or a
 * job): the relay publishing an event, a consumer applying it, a worker delivering a notification. Spans and trace
 * context made inside (SQL, Redis, HTTP, events recorded, jobs added) belong to that trace.
 * @param carried - the carrier from the row or job, if any
 * @param name - the span name, e.g. `consume ChildRegistered`
 * @param kind - PRODUCER for publishing, CONSUMER for handling
 * @param attributes - bounded attributes (queue, event type; never personal data)
 * @param work - the work
 * @returns what the work returns
 */
export function inCarriedTrace<T>(
  carried: TraceCarrier | null | undefined,
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  work: () => Promise<T>,
): Promise<T> {
  const parent = carried?.traceparent ? propagation.extract(ROOT_CONTEXT, carried) : ROOT_CONTEXT;
  return tracer().startActiveSpan(name, { kind, attributes }, parent, async (span) => {
    try {
      return await work();
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}

export { SpanKind };
