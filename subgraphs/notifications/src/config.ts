import { ConfigError } from '@hub/service-kit';

/**
 * Configuration of the notifications service, parsed once from the environment. Bad values throw at start-up.
 */
export interface NotificationsConfig {
  /** Delivery attempts per notification before it is FAILED (env NOTIFY_DELIVERY_ATTEMPTS). @default 8 */
  attempts: number;
  /** First backoff delay in ms, doubled per attempt (env NOTIFY_BACKOFF_MS). @default 5000 */
  backoffMs: number;
  /** Ofsted's notification address (env OFSTED_NOTIFY_EMAIL). Required in production. @default ofsted-notifications@example.invalid */
  ofstedEmail: string;
  /** SMTP server URL (env SMTP_URL). Unset: e-mails are written with nodemailer's jsonTransport and not sent. */
  smtpUrl?: string;
  /** Sender address of e-mails (env NOTIFY_FROM_EMAIL). @default notifications@care-hub.invalid */
  fromEmail: string;
  /**
   * Target in hours for the provider-to-IRO notifications IRO-N2..N7 (env NOTIFY_IRO_SLA_HOURS). DOMAIN §5.1 gives
   * no statutory limit and suggests the serious-event SLA. @default 24
   */
  iroSlaHours: number;
  /** How often the sweeper looks for PENDING notifications without a job (env NOTIFY_SWEEP_MS). @default 30000 */
  sweepMs: number;
  /** A PENDING notification untouched this long is checked by the sweeper (env NOTIFY_SWEEP_AGE_MS). @default 60000 */
  sweepAgeMs: number;
  /** Webhook request timeout in ms (env NOTIFY_WEBHOOK_TIMEOUT_MS). @default 10000 */
  webhookTimeoutMs: number;
  /**
   * Events the consumer applies at once (env NOTIFY_CONSUMER_CONCURRENCY): different children's side by side, a
   * child's one at a time in queue order (the kit's consumer keeps that order). @default 8
   */
  consumerConcurrency: number;
  /** Deliveries the worker makes at once (env NOTIFY_DELIVERY_CONCURRENCY). @default 16 */
  deliveryConcurrency: number;
}

function intVar(env: NodeJS.ProcessEnv, name: string, dflt: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer >= ${min}, got "${raw}"`);
  return n;
}

/**
 * Parses the notifications configuration.
 * @param env - the environment
 * @returns the configuration
 * @example const config = loadNotificationsConfig(process.env);
 */
export function loadNotificationsConfig(env: NodeJS.ProcessEnv = process.env): NotificationsConfig {
  const production = env.NODE_ENV === 'production';
  const ofstedEmail = env.OFSTED_NOTIFY_EMAIL || (production ? '' : 'ofsted-notifications@example.invalid');
  if (!ofstedEmail) throw new ConfigError('production needs OFSTED_NOTIFY_EMAIL (where Reg 40 and SA reg 27 notifications go)');
  const smtpUrl = env.SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  return {
    attempts: intVar(env, 'NOTIFY_DELIVERY_ATTEMPTS', 8, 1),
    backoffMs: intVar(env, 'NOTIFY_BACKOFF_MS', 5000, 1),
    ofstedEmail,
    smtpUrl,
    fromEmail: env.NOTIFY_FROM_EMAIL || 'notifications@care-hub.invalid',
    iroSlaHours: intVar(env, 'NOTIFY_IRO_SLA_HOURS', 24),
    sweepMs: intVar(env, 'NOTIFY_SWEEP_MS', 30_000, 100),
    sweepAgeMs: intVar(env, 'NOTIFY_SWEEP_AGE_MS', 60_000),
    webhookTimeoutMs: intVar(env, 'NOTIFY_WEBHOOK_TIMEOUT_MS', 10_000, 1),
    consumerConcurrency: intVar(env, 'NOTIFY_CONSUMER_CONCURRENCY', 8, 1),
    deliveryConcurrency: intVar(env, 'NOTIFY_DELIVERY_CONCURRENCY', 16, 1),
  };
}
