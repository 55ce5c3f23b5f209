import { lookup as dnsLookup } from 'node:dns/promises';
import net from 'node:net';
import { ConfigError, InputError } from '@hub/service-kit';

/** Where webhooks may go: https to public addresses, unless configured otherwise. */
export interface WebhookPolicy {
  /** Development and test also accept http:// on a loopback address. */
  development: boolean;
  /** Host names (exact, lower case) accepted whatever they resolve to (WEBHOOK_ALLOWED_HOSTS, comma-separated). */
  allowedHosts: string[];
  /** WEBHOOK_ALLOW_PRIVATE=1: private, loopback and link-local targets are accepted (a closed network). */
  allowPrivate: boolean;
}

/** A resolver: host name to every address it has (dns.lookup with all: true). */
export type Lookup = (host: string) => Promise<Array<{ address: string; family: number }>>;

const defaultLookup: Lookup = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Reads the webhook policy from the environment.
 * @param env - the environment
 * @returns the policy
 */
export function webhookPolicyFromEnv(env: NodeJS.ProcessEnv): WebhookPolicy {
  const allowPrivate = env.WEBHOOK_ALLOW_PRIVATE ?? '';
  if (!['', '0', '1'].includes(allowPrivate)) throw new ConfigError(`WEBHOOK_ALLOW_PRIVATE must be 0 or 1, got "${allowPrivate}"`);
  const nodeEnv = env.NODE_ENV || 'development';
  return {
    development: nodeEnv === 'development' || nodeEnv === 'test',
    allowedHosts: (env.WEBHOOK_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean),
    allowPrivate: allowPrivate === '1',
  };
}

const blocks = new net.BlockList();
for (const [net4, prefix] of [
  ['0.0.0.0', 8], // "this network", 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata (169.254.169.254)
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) blocks.addSubnet(net4, prefix, 'ipv4');
for (const [net6, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique-local (includes fd00:ec2::254, a metadata address)
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
  ['64:ff9b::', 96], // NAT64 of IPv4 (judged by its IPv4 part below as well)
] as const) blocks.addSubnet(net6, prefix, 'ipv6');

/**
 * Why an address is not a public one, or undefined when it is.
 * @param address - an IPv4 or IPv6 literal
 * @returns the reason (for the error), or undefined
 */
export function nonPublicReason(address: string): string | undefined {
  const family = net.isIP(address);
  if (family === 0) return 'not an IP address';
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ?? /^64:ff9b::(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return nonPublicReason(mapped[1]);
    return blocks.check(address, 'ipv6') ? `${address} is a loopback, link-local, unique-local or reserved address` : undefined;
  }
  return blocks.check(address, 'ipv4') ? `${address} is a private, loopback, link-local or reserved address` : undefined;
}

const isLoopback = (address: string) => (net.isIP(address) === 4 ? address.startsWith('127.') : address === '::1' || /^::ffff:127\./i.test(address));

/**
 * Checks a webhook URL against the policy, resolving its host: https only (http on loopback in development and
 * test), and every address the host resolves to must be public unless the host is allowed by name or private
 * targets are allowed. Called when the URL is set and again before each delivery (DNS answers change).
 * @param raw - the URL
 * @param policy - the policy
 * @param lookup - the resolver (tests pass their own)
 * @returns the parsed URL
 * @throws InputError (BAD_USER_INPUT) with reason INVALID_URL, WEBHOOK_SCHEME_NOT_ALLOWED, WEBHOOK_HOST_UNRESOLVABLE
 *   or WEBHOOK_TARGET_NOT_ALLOWED
 */
export async function checkWebhookUrl(raw: string, policy: WebhookPolicy, lookup: Lookup = defaultLookup): Promise<URL> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError('webhookUrl is not a URL', { field: 'webhookUrl', reason: 'INVALID_URL' });
  }
  if (url.username || url.password) throw new InputError('webhookUrl may not carry credentials', { field: 'webhookUrl', reason: 'INVALID_URL' });
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new InputError('webhookUrl must be https', { field: 'webhookUrl', reason: 'WEBHOOK_SCHEME_NOT_ALLOWED' });
  }
  let addresses: string[];
  if (net.isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host)).map((a) => a.address);
    } catch {
      throw new InputError(`webhookUrl: ${host} does not resolve`, { field: 'webhookUrl', reason: 'WEBHOOK_HOST_UNRESOLVABLE' });
    }
    if (addresses.length === 0) throw new InputError(`webhookUrl: ${host} does not resolve`, { field: 'webhookUrl', reason: 'WEBHOOK_HOST_UNRESOLVABLE' });
  }
  const loopbackOnly = addresses.every(isLoopback);
  if (url.protocol === 'http:' && !(policy.development && loopbackOnly)) {
    throw new InputError('webhookUrl must be https (http only to a loopback address in development)', { field: 'webhookUrl', reason: 'WEBHOOK_SCHEME_NOT_ALLOWED' });
  }
  if (policy.allowPrivate || policy.allowedHosts.includes(host) || (policy.development && loopbackOnly)) return url;
  for (const address of addresses) {
    const why = nonPublicReason(address);
    if (why) {
      throw new InputError(`webhookUrl: ${host} resolves to ${why}; allow it with WEBHOOK_ALLOWED_HOSTS or WEBHOOK_ALLOW_PRIVATE=1`, {
        field: 'webhookUrl',
        reason: 'WEBHOOK_TARGET_NOT_ALLOWED',
      });
    }
  }
  return url;
}
