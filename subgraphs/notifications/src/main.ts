// First: tracing instruments the modules the service loads (off unless OTEL_* asks).
import { tracing } from './tracing';
import 'reflect-metadata';
import { createLogger, loadHubConfig, onShutdown, portFrom, processRoleFrom, startSubgraph } from '@hub/service-kit';
import { notificationsSubgraph } from './definition';
import { loadNotificationsConfig } from './config';

async function main() {
  const config = loadHubConfig();
  // --role api|worker|all or HUB_ROLE: the API, the background work, or both (the default).
  const role = processRoleFrom(process.argv.slice(2), process.env);
  const log = createLogger('notifications', config.logLevel);
  const own = loadNotificationsConfig(process.env);
  if (!own.smtpUrl) log.warn('SMTP_URL is not set: e-mails are written to the development jsonTransport and marked DELIVERED with a note, not sent');
  const running = await startSubgraph(notificationsSubgraph, { config, log, port: portFrom(process.env, 'NOTIFICATIONS_PORT', 4004), host: process.env.HOST, role });
  onShutdown(async () => {
    await running.stop();
    await tracing?.shutdown();
  }, log);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
