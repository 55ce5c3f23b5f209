// First: tracing instruments the modules the gateway loads (off unless OTEL_* asks).
import { tracing } from './tracing';
// Entity classes of the service kit carry decorators: load the metadata polyfill before anything else.
import 'reflect-metadata';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger, queuePrefixFrom } from '@hub/service-kit';
import { loadGatewayConfig, persistedOptions } from './config';
import { startGateway } from './gateway';

/**
 * Starts the gateway from the environment (see README) and stops it once on SIGTERM/SIGINT. Our handler is
 * needed: the Hive runtime registers its own, which swallows the first signal and leaves the server running.
 */
async function main(): Promise<void> {
  // Every call to a subgraph adds a listener to its executor's long-lived dispose signal, removed once the call's
  // own signal is collected (@graphql-hive/signal): more than Node's default of 10 whenever more than 10 calls to
  // one subgraph are recent, which warned on every busy second. The bound stays, higher, so a real leak still warns.
  EventEmitter.defaultMaxListeners = Math.max(EventEmitter.defaultMaxListeners, 1000);
  const config = loadGatewayConfig(process.env, path.join(__dirname, '..'));
  const log = createLogger('gateway', config.hub.logLevel);
  let supergraphSdl: string;
  try {
    supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  } catch (err) {
    throw new Error(`cannot read the supergraph at ${config.supergraphPath} (run \`npm run compose\`): ${(err as Error).message}`);
  }
  const persisted = config.persistedPath
    ? persistedOptions(JSON.parse(readFileSync(config.persistedPath, 'utf8')), config.persistedMode)
    : undefined;
  const gateway = await startGateway({
    supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    port: config.port,
    host: config.host,
    jwtSecret: config.hub.jwtSecret,
    jwksUrl: config.hub.jwksUrl,
    jwtIssuer: config.hub.jwtIssuer,
    jwtAudience: config.hub.jwtAudience,
    jwtMaxLifetimeS: config.hub.jwtMaxLifetimeS,
    nodeEnv: config.hub.nodeEnv,
    signingSecret: config.hub.gatewaySigningSecret,
    redisUrl: config.hub.redisUrl,
    maxBodyBytes: config.maxBodyBytes,
    corsOrigins: config.corsOrigins,
    log,
    limits: config.limits,
    persistedOperations: persisted,
    queryPlanner: config.queryPlanner,
    // The operators' queue board reads the queues under the services' prefix.
    queuePrefix: queuePrefixFrom(process.env),
  });
  log.info({ url: gateway.url }, 'gateway ready');

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    gateway.stop().then(() => tracing?.shutdown()).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  // The logger may not exist yet (bad configuration), so report on stderr directly.
  process.stderr.write(`gateway failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
