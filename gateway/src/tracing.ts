/**
 * Tracing for this entry point, started before anything else is loaded (main.ts imports this module first), so the
 * http, pg, ioredis and graphql modules are instrumented. Off unless the OTEL_* variables ask for it (README).
 */
import { startTracing } from '@hub/service-kit/tracing';

export const tracing = startTracing('gateway');
