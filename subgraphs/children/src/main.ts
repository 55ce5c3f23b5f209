// First: tracing instruments the modules the service loads (off unless OTEL_* asks).
import { tracing } from './tracing';
import 'reflect-metadata';
import { createLogger, loadHubConfig, onShutdown, portFrom, processRoleFrom, startSubgraph } from '@hub/service-kit';
import { childrenSubgraph } from './definition';

async function main() {
  const config = loadHubConfig();
  // --role api|worker|all or HUB_ROLE: the API, the background work, or both (the default).
  const role = processRoleFrom(process.argv.slice(2), process.env);
  const log = createLogger('children', config.logLevel);
  const running = await startSubgraph(childrenSubgraph, { config, log, port: portFrom(process.env, 'CHILDREN_PORT', 4001), host: process.env.HOST, role });
  onShutdown(async () => {
    await running.stop();
    await tracing?.shutdown();
  }, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
