import 'reflect-metadata';
import { createLogger, loadHubConfig, onShutdown, portFrom, startSubgraph } from '@hub/service-kit';
import { plansSubgraph } from './definition';

async function main() {
  const config = loadHubConfig();
  const log = createLogger('plans', config.logLevel);
  const running = await startSubgraph(plansSubgraph, { config, log, port: portFrom(process.env, 'PLANS_PORT', 4002), host: process.env.HOST });
  onShutdown(running.stop, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
