/**
 * OpenTelemetry tracing for a hub process, configured by the standard OTEL_* variables and off by default. Import
 * `@hub/service-kit/tracing` and call {@link startTracing} before anything else is loaded (each entry point does so
 * in its first import), so the http, pg, ioredis and graphql modules are instrumented when they are first required.
 * This module loads OpenTelemetry only.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, SimpleSpanProcessor, SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

/** Paths no trace is made for: probes and scrapes. */
const UNTRACED_PATHS = new Set(['/healthcheck', '/readiness', '/metrics', '/health', '/ready']);

/**
 * Whether the environment asks for traces: an OTLP endpoint (OTEL_EXPORTER_OTLP_ENDPOINT or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) or OTEL_TRACES_EXPORTER=otlp|console, unless OTEL_SDK_DISABLED=true or
 * OTEL_TRACES_EXPORTER=none.
 * @param env - the environment
 * @returns the exporter to use, or null for none
 */
export function tracesExporterFrom(env: NodeJS.ProcessEnv): 'otlp' | 'console' | null {
  if ((env.OTEL_SDK_DISABLED ?? '').toLowerCase() === 'true') return null;
  const named = (env.OTEL_TRACES_EXPORTER ?? '').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  if (named.includes('none')) return null;
  if (named.includes('console')) return 'console';
  if (named.includes('otlp')) return 'otlp';
  return env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ? 'otlp' : null;
}

/** A running tracer provider. */
export interface Tracing {
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

let running: { provider: NodeTracerProvider; disable: () => void } | undefined;

/**
 * Starts tracing when the environment asks for it (see {@link tracesExporterFrom}), or with the given exporter.
 * The service name is OTEL_SERVICE_NAME, else `care-hub-<service>`; OTEL_RESOURCE_ATTRIBUTES adds attributes;
 * the sampler follows OTEL_TRACES_SAMPLER/OTEL_TRACES_SAMPLER_ARG and the batch processor OTEL_BSP_*.
 * @param service - the hub service (children, plans, reviews, notifications, gateway)
 * @param o - `exporter`: export here instead (tests); `env`: the environment
 * @returns the provider's handle, or null when tracing stays off
 */
export function startTracing(service: string, o: { exporter?: SpanExporter; env?: NodeJS.ProcessEnv } = {}): Tracing | null {
  if (running) return { shutdown: () => shutdownTracing() };
  const env = o.env ?? process.env;
  const kind = o.exporter ? 'given' : tracesExporterFrom(env);
  if (!kind) return null;
  const processor: SpanProcessor = o.exporter
    ? new SimpleSpanProcessor(o.exporter)
    : kind === 'console'
      ? new SimpleSpanProcessor(new ConsoleSpanExporter())
      : new BatchSpanProcessor(new OTLPTraceExporter());
  const resource = resourceFromAttributes({ [ATTR_SERVICE_NAME]: env.OTEL_SERVICE_NAME || `care-hub-${service}`, 'hub.service': service })
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register({ propagator: new W3CTraceContextPropagator() });
  const disable = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req) => UNTRACED_PATHS.has((req.url ?? '/').split('?')[0]),
        // The OTLP exporter's own calls are not traced.
        ignoreOutgoingRequestHook: (req) => (req.path ?? '').startsWith('/v1/traces'),
      }),
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false }),
      // Blocking reads and polls of idle workers have no parent and are not traced.
      new IORedisInstrumentation({ requireParentSpan: true }),
      new GraphQLInstrumentation({ mergeItems: true, ignoreTrivialResolveSpans: true, allowValues: false }),
    ],
  });
  running = { provider, disable };
  return { shutdown: () => shutdownTracing() };
}

/** Exports what is buffered and stops tracing (the services' shutdown calls it). */
export async function shutdownTracing(): Promise<void> {
  const r = running;
  if (!r) return;
  running = undefined;
  r.disable();
  await r.provider.shutdown().catch(() => undefined);
  trace.disable();
  context.disable();
  propagation.disable();
}

/** Exports buffered spans now (tests, and before a planned stop). */
export async function flushTraces(): Promise<void> {
  await running?.provider.forceFlush();
}
