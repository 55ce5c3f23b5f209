import 'reflect-metadata';
import { createLogger, loadHubConfig, onShutdown, portFrom, startSubgraph } from '@hub/service-kit';
import { childrenSubgraph } from './definition';

async function main() {
  const config = loadHubConfig();
  const log = createLogger('children', config.logLevel);
  const running = await startSubgraph(childrenSubgraph, { config, log, port: portFrom(process.env, 'CHILDREN_PORT', 4001), host: process.env.HOST });
  onShutdown(running.stop, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
