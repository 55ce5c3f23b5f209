/**
 * One process of `npm run bench:caseload`, forked by test/bench/caseload.js with an IPC channel (run through
 * test/harness/run-ts.js, so the sources run without a build):
 *
 *   caseload-process.js service <children|plans|reviews|notifications>   a subgraph with its relay and workers
 *   caseload-process.js hub-gateway                                        the hub's gateway (Hive Gateway runtime)
 *   caseload-process.js apollo-gateway                                     @apollo/gateway over the same supergraph
 *
 * Settings arrive in BENCH_* variables. Each process answers `{ cmd: 'statements' }` with the SQL statements it
 * issued on behalf of requests so far (the kit's statement counter), and stops on `{ cmd: 'stop' }`.
 */
require('reflect-metadata');
// graphql-js as deployed (the Dockerfile sets NODE_ENV=production): outside production its instanceOf checks every
// type test against other copies of the library, a cost no deployment pays. Read once, when graphql loads; the
// hub's own configuration below stays the test one (development secrets, the demo's loopback webhooks).
{
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  require('graphql');
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}
const { randomUUID } = require('node:crypto');
const kit = require('@hub/service-kit');

const role = process.argv[2];
const env = process.env;
const log = kit.createLogger(`bench-${process.argv[3] ?? role}`, env.LOG_LEVEL || 'warn');
const config = { ...kit.loadHubConfig({ NODE_ENV: 'test', LOG_LEVEL: env.LOG_LEVEL || 'warn' }), databaseUrl: env.BENCH_DATABASE_URL, redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379' };

async function startService(name) {
  const defs = {
    children: () => require('@hub/children').childrenSubgraph,
    plans: () => require('@hub/plans').plansSubgraph,
    reviews: () => require('@hub/reviews').reviewsSubgraph,
    notifications: () => require('@hub/notifications').notificationsSubgraph,
  };
  const s = await kit.startSubgraph(defs[name](), { config, port: 0, log, queuePrefix: env.BENCH_QUEUE_PREFIX });
  return { info: { url: s.url, sdl: kit.subgraphSdl(s.schema) }, stop: () => s.stop() };
}

async function startHubGateway() {
  const { startGateway } = require('@hub/gateway');
  const gw = await startGateway({
    supergraphSdl: env.BENCH_SUPERGRAPH,
    port: 0,
    jwtSecret: config.jwtSecret,
    signingSecret: config.gatewaySigningSecret,
    redisUrl: config.redisUrl,
    nodeEnv: 'test',
    log,
    limits: { rateLimit: false },
  });
  return { info: { url: gw.url }, stop: () => gw.stop() };
}

/**
 * @apollo/gateway 2.14 in Apollo Server 5, doing what the hub's gateway does for a query: verify the bearer
 * token, forward it with a request id, and sign every subgraph call (the subgraphs refuse unsigned ones).
 */
async function startApolloGateway() {
  const { ApolloServer } = require('@apollo/server');
  const { startStandaloneServer } = require('@apollo/server/standalone');
  const { ApolloGateway, RemoteGraphQLDataSource } = require('@apollo/gateway');
  const verifier = new kit.TokenVerifier({ jwtSecret: config.jwtSecret });
  const secret = config.gatewaySigningSecret;
  const signedFetch = (url, init) => {
    const headers = {};
    for (const [k, v] of Object.entries(init.headers ?? {})) headers[k.toLowerCase()] = v;
    const { pathname, search } = new URL(url);
    Object.assign(headers, kit.signGatewayRequest(secret, {
      method: init.method ?? 'POST', target: pathname + search, authorization: headers.authorization, requestId: headers['x-request-id'], body: init.body,
    }));
    return fetch(url, { method: init.method, body: init.body, headers });
  };
  const gateway = new ApolloGateway({
    supergraphSdl: env.BENCH_SUPERGRAPH,
    buildService: ({ url }) => new RemoteGraphQLDataSource({
      url,
      fetcher: signedFetch,
      willSendRequest({ request, context }) {
        request.http.headers.set('authorization', context.authorization);
        request.http.headers.set('x-request-id', context.requestId);
      },
    }),
  });
  const server = new ApolloServer({ gateway });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => {
      await verifier.verifyHeader(req.headers.authorization);
      return { authorization: req.headers.authorization, requestId: randomUUID() };
    },
  });
  return { info: { url }, stop: () => server.stop() };
}

async function main() {
  const started = role === 'service' ? await startService(process.argv[3])
    : role === 'hub-gateway' ? await startHubGateway()
    : role === 'apollo-gateway' ? await startApolloGateway()
    : null;
  if (!started) throw new Error(`unknown role ${role}`);
  let session;
  process.on('message', async (m) => {
    if (m.cmd === 'statements') process.send({ statements: kit.statementCount() });
    // CPU this process has used (user + system, microseconds), to share out each round's CPU per request.
    if (m.cmd === 'cpu') {
      const u = process.cpuUsage();
      process.send({ cpu: u.user + u.system });
    }
    // A CPU profile of the measured rounds only (BENCH_CPU_PROF), not of start-up and loading.
    if (m.cmd === 'profile-start') {
      const inspector = require('node:inspector');
      session = new inspector.Session();
      session.connect();
      const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (err, r) => (err ? reject(err) : resolve(r))));
      await post('Profiler.enable');
      await post('Profiler.setSamplingInterval', { interval: 500 });
      await post('Profiler.start');
      session.postAsync = post;
      process.send({ profiling: true });
    }
    if (m.cmd === 'profile-stop') {
      const { profile } = await session.postAsync('Profiler.stop');
      require('node:fs').mkdirSync(m.dir, { recursive: true });
      require('node:fs').writeFileSync(require('node:path').join(m.dir, `${m.name}.cpuprofile`), JSON.stringify(profile));
      session.disconnect();
      process.send({ profiled: true });
    }
    if (m.cmd === 'stop') {
      await started.stop().catch(() => undefined);
      process.exit(0);
    }
  });
  process.send({ ready: started.info });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
