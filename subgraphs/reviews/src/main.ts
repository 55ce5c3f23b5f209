import 'reflect-metadata';
import { createLogger, loadHubConfig, onShutdown, portFrom, startSubgraph } from '@hub/service-kit';
import { reviewsSubgraph } from './definition';

async function main() {
  const config = loadHubConfig();
  const log = createLogger('reviews', config.logLevel);
  const running = await startSubgraph(reviewsSubgraph, { config, log, port: portFrom(process.env, 'REVIEWS_PORT', 4003), host: process.env.HOST });
  onShutdown(running.stop, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
