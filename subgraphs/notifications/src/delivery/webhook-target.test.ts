import { UnrecoverableError } from 'bullmq';
import { checkWebhookUrl, Lookup, nonPublicReason, WebhookPolicy, webhookPolicyFromEnv } from './webhook-target';
import { sendWebhook } from './senders';

const production: WebhookPolicy = { development: false, allowedHosts: [], allowPrivate: false };
const development: WebhookPolicy = { ...production, development: true };
const dns = (table: Record<string, string[]>): Lookup => async (host) => {
  const list = table[host];
  if (!list) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
  return list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const world = dns({
  'hooks.example.gov.uk': ['203.0.113.10'],
  'rebound.example.com': ['93.184.216.34', '10.0.0.5'],
  'metadata.internal': ['169.254.169.254'],
  'v6.example.com': ['2001:db8::1'],
  'ula.example.com': ['fd12:3456::1'],
  'localhost': ['127.0.0.1', '::1'],
  'partner.internal': ['10.20.30.40'],
});

async function reason(url: string, policy = production): Promise<string | undefined> {
  try {
    await checkWebhookUrl(url, policy, world);
    return undefined;
  } catch (err) {
    expect((err as { extensions?: { code?: string } }).extensions?.code).toBe('BAD_USER_INPUT');
    return (err as { extensions: { reason: string } }).extensions.reason;
  }
}

describe('checkWebhookUrl', () => {
  it('accepts https to public addresses', async () => {
    expect(await reason('https://hooks.example.gov.uk/care')).toBeUndefined();
    expect(await reason('https://203.0.113.10/x')).toBeUndefined();
  });

  it.each([
    ['http://hooks.example.gov.uk/care', 'WEBHOOK_SCHEME_NOT_ALLOWED'],
    ['ftp://hooks.example.gov.uk/', 'WEBHOOK_SCHEME_NOT_ALLOWED'],
    ['file:///etc/passwd', 'WEBHOOK_SCHEME_NOT_ALLOWED'],
    ['https://10.1.2.3/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://172.16.0.1/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://192.168.1.1/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://127.0.0.1:4000/graphql', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://0.0.0.0/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://169.254.169.254/latest/meta-data/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://[::1]/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://[fe80::1]/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://[fd00:ec2::254]/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://[::ffff:10.0.0.1]/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://metadata.internal/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://rebound.example.com/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://ula.example.com/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://localhost/', 'WEBHOOK_TARGET_NOT_ALLOWED'],
    ['https://nowhere.example/', 'WEBHOOK_HOST_UNRESOLVABLE'],
    ['https://user:pw@hooks.example.gov.uk/', 'INVALID_URL'],
    ['not a url', 'INVALID_URL'],
  ])('refuses %s in production (%s)', async (url, why) => {
    expect(await reason(url)).toBe(why);
  });

  it('accepts http and https to loopback in development only, never other private targets there', async () => {
    expect(await reason('http://127.0.0.1:9000/hook', development)).toBeUndefined();
    expect(await reason('http://localhost:9000/hook', development)).toBeUndefined();
    expect(await reason('http://127.0.0.1:9000/hook')).toBe('WEBHOOK_SCHEME_NOT_ALLOWED');
    expect(await reason('http://hooks.example.gov.uk/', development)).toBe('WEBHOOK_SCHEME_NOT_ALLOWED');
    expect(await reason('https://169.254.169.254/', development)).toBe('WEBHOOK_TARGET_NOT_ALLOWED');
  });

  it('accepts configured exceptions: a named host, or private targets altogether', async () => {
    expect(await reason('https://partner.internal/', { ...production, allowedHosts: ['partner.internal'] })).toBeUndefined();
    expect(await reason('https://metadata.internal/', { ...production, allowedHosts: ['partner.internal'] })).toBe('WEBHOOK_TARGET_NOT_ALLOWED');
    expect(await reason('https://10.1.2.3/', { ...production, allowPrivate: true })).toBeUndefined();
  });

  it('reads the policy from the environment', () => {
    expect(webhookPolicyFromEnv({ NODE_ENV: 'production', WEBHOOK_ALLOWED_HOSTS: ' A.example , b.example', WEBHOOK_ALLOW_PRIVATE: '1' })).toEqual({
      development: false,
      allowedHosts: ['a.example', 'b.example'],
      allowPrivate: true,
    });
    expect(webhookPolicyFromEnv({ NODE_ENV: 'staging' }).development).toBe(false);
    expect(() => webhookPolicyFromEnv({ WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(/WEBHOOK_ALLOW_PRIVATE/);
  });

  it('classifies addresses', () => {
    expect(nonPublicReason('8.8.8.8')).toBeUndefined();
    expect(nonPublicReason('2001:4860:4860::8888')).toBeUndefined();
    for (const a of ['100.64.0.1', '198.18.0.1', '224.0.0.1', '255.255.255.255', '::', '64:ff9b::a00:1']) expect(nonPublicReason(a)).toBeDefined();
  });
});

describe('sendWebhook checks the target again at delivery', () => {
  it('refuses, without retries, a host that now resolves to a private address', async () => {
    const rebound = dns({ 'hooks.example.gov.uk': ['10.0.0.7'] });
    const message = { id: 'n1', ruleId: 'R', eventId: 'e', eventType: 't', childId: null, recipient: { kind: 'AUTHORITY', code: 'LA', name: 'LA' }, subject: 's', body: 'b', dueAt: '', createdAt: '' };
    const sent = sendWebhook('https://hooks.example.gov.uk/care', 'secret-of-sixteen+', message as never, 1000, production, rebound);
    await expect(sent).rejects.toBeInstanceOf(UnrecoverableError);
    await expect(sent).rejects.toThrow(/WEBHOOK_TARGET_NOT_ALLOWED/);
  });
});
