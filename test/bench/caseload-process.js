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
  process.on('message', async (m) => {
    if (m.cmd === 'statements') process.send({ statements: kit.statementCount() });
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
