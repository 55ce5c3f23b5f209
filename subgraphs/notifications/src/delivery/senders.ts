import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { UnrecoverableError } from 'bullmq';
import { signWebhook } from './webhook-signature';
import { checkWebhookUrl, Lookup, WebhookPolicy, webhookPolicyFromEnv } from './webhook-target';

let policyFromEnv: WebhookPolicy | undefined;
const defaultWebhookPolicy = () => (policyFromEnv ??= webhookPolicyFromEnv(process.env));

/** What a sender reports on success. */
export interface SendResult {
  /** Set when the message was not really sent (development transport). */
  note?: string;
}

/** The message a webhook receives (JSON). */
export interface WebhookMessage {
  id: string;
  ruleId: string;
  eventId: string;
  eventType: string;
  childId: string | null;
  recipient: { kind: string; code: string | null; name: string };
  subject: string;
  body: string;
  dueAt: string;
  createdAt: string;
}

/**
 * Posts a signed webhook. 2xx is success; 408, 429 and 5xx (and network errors) are retried; any other 4xx is a
 * permanent refusal (UnrecoverableError: FAILED at once, operations may retry after fixing the endpoint).
 * @param url - the endpoint
 * @param secret - the HMAC key
 * @param message - the notification
 * @param timeoutMs - request timeout
 * @returns the result
 */
export async function sendWebhook(
  url: string,
  secret: string,
  message: WebhookMessage,
  timeoutMs: number,
  policy: WebhookPolicy = defaultWebhookPolicy(),
  lookup?: Lookup,
): Promise<SendResult> {
  // The address the host resolves to now is checked again: DNS may have changed since the URL was set.
  try {
    await checkWebhookUrl(url, policy, lookup);
  } catch (err) {
    throw new UnrecoverableError(`WEBHOOK_TARGET_NOT_ALLOWED: ${(err as Error).message}`);
  }
  const body = JSON.stringify(message);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'idempotency-key': message.id,
      'x-hub-signature': signWebhook(secret, body, Math.floor(Date.now() / 1000)),
    },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  await res.arrayBuffer().catch(() => undefined);
  if (res.ok) return {};
  const msg = `webhook answered HTTP ${res.status}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new UnrecoverableError(msg);
  throw new Error(msg);
}

/** Sends e-mail over SMTP, or writes it with nodemailer's jsonTransport when no SMTP server is configured. */
export class EmailSender {
  private readonly transport: Mail;
  private readonly dev: boolean;

  constructor(smtpUrl: string | undefined, private readonly from: string) {
    this.dev = !smtpUrl;
    this.transport = smtpUrl ? nodemailer.createTransport(smtpUrl) : nodemailer.createTransport({ jsonTransport: true });
  }

  /**
   * Sends one e-mail. The notification id travels as the `Idempotency-Key` header and the Message-ID.
   * @param to - address
   * @param id - notification id
   * @param subject - subject line
   * @param text - body
   * @returns the result (with a note when only written to the development transport)
   */
  async send(to: string, id: string, subject: string, text: string): Promise<SendResult> {
    await this.transport.sendMail({ from: this.from, to, subject, text, messageId: `<${id}@care-hub>`, headers: { 'Idempotency-Key': id } });
    return this.dev ? { note: 'SMTP_URL is not set: e-mail written to the development jsonTransport, not sent' } : {};
  }

  /** Closes pooled SMTP connections. */
  close(): void {
    this.transport.close();
  }
}
