import { randomUUID } from 'node:crypto';
import type IORedis from 'ioredis';
import { TEST_REDIS } from '../testing';
import { openRedis, redisAnswers } from './redis';

/** Credentials in REDIS_URL reach the server: a temporary ACL user that may only PING and read/write its own keys. */
describe('Redis credentials from the URL', () => {
  const user = `hubtest-${randomUUID().slice(0, 8)}`;
  const password = `p@ss:${randomUUID()}/x`;
  let admin: IORedis;
  const opened: IORedis[] = [];
  const urlWith = (pw: string) => {
    const u = new URL(TEST_REDIS);
    u.username = user;
    u.password = encodeURIComponent(pw);
    return u.toString();
  };

  beforeAll(async () => {
    admin = openRedis(TEST_REDIS, { worker: true });
    await admin.call('ACL', 'SETUSER', user, 'reset', 'on', `>${password}`, `~${user}:*`, '+ping', '+get', '+set', '+client', '+acl|whoami');
  });

  afterAll(async () => {
    for (const c of opened) c.disconnect();
    await admin.call('ACL', 'DELUSER', user);
    admin.disconnect();
  });

  it('connects as the URL user with its password, and is refused with a wrong one', async () => {
    const good = openRedis(urlWith(password), { worker: true });
    opened.push(good);
    expect(await good.call('ACL', 'WHOAMI')).toBe(user);
    await good.set(`${user}:k`, 'v');
    expect(await good.get(`${user}:k`)).toBe('v');
    await expect(good.set('someone-else:k', 'v')).rejects.toThrow(/NOPERM/);
    expect(await redisAnswers(urlWith(password))).toBe(true);
    expect(await redisAnswers(urlWith('wrong-password'))).toBe(false);
  });
});
