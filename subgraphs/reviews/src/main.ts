// First: tracing instruments the modules the service loads (off unless OTEL_* asks).
import { tracing } from './tracing';
import 'reflect-metadata';
import { createLogger, loadHubConfig, onShutdown, portFrom, processRoleFrom, startSubgraph } from '@hub/service-kit';
import { reviewsSubgraph } from './definition';

async function main() {
  const config = loadHubConfig();
  // --role api|worker|all or HUB_ROLE: the API, the background work, or both (the default).
  const role = processRoleFrom(process.argv.slice(2), process.env);
  const log = createLogger('reviews', config.logLevel);
  const running = await startSubgraph(reviewsSubgraph, { config, log, port: portFrom(process.env, 'REVIEWS_PORT', 4003), host: process.env.HOST, role });
  onShutdown(async () => {
    await running.stop();
    await tracing?.shutdown();
  }, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
