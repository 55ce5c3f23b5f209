import { redisOptionsFromUrl } from './redis';

describe('redisOptionsFromUrl', () => {
  it('reads host, port and database, with defaults', () => {
    expect(redisOptionsFromUrl('redis://127.0.0.1:6379')).toEqual({ host: '127.0.0.1', port: 6379, db: 0 });
    expect(redisOptionsFromUrl('redis://cache.internal')).toEqual({ host: 'cache.internal', port: 6379, db: 0 });
    expect(redisOptionsFromUrl('redis://cache.internal:6390/3')).toEqual({ host: 'cache.internal', port: 6390, db: 3 });
    expect(redisOptionsFromUrl('redis://[::1]:6379/1')).toEqual({ host: '::1', port: 6379, db: 1 });
  });

  it('carries a user and a password, percent-decoded; a password alone is the default user', () => {
    expect(redisOptionsFromUrl('redis://hub:s%40c%3Ar%2Ft@cache:6379/2')).toEqual({ host: 'cache', port: 6379, db: 2, username: 'hub', password: 's@c:r/t' });
    expect(redisOptionsFromUrl('redis://:only-a-password@cache')).toEqual({ host: 'cache', port: 6379, db: 0, password: 'only-a-password' });
  });

  it('turns TLS on for rediss://, verifying the certificate for the URL host', () => {
    expect(redisOptionsFromUrl('rediss://hub:pw@cache.example.net:6380')).toEqual({
      host: 'cache.example.net',
      port: 6380,
      db: 0,
      username: 'hub',
      password: 'pw',
      tls: { servername: 'cache.example.net' },
    });
    expect(redisOptionsFromUrl('redis://cache').tls).toBeUndefined();
  });

  it.each(['http://cache:6379', 'cache:6379', 'redis://cache/notanumber', 'not a url'])('refuses %s', (url) => {
    expect(() => redisOptionsFromUrl(url)).toThrow(/REDIS_URL/);
  });
});
