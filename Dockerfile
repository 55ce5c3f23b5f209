# One image for every service of the Care Planning Hub; the service is the first argument or HUB_SERVICE:
#   docker build -t care-hub .
#   docker run care-hub gateway
#   docker run care-hub plans --role api        # or HUB_SERVICE=plans HUB_ROLE=worker
# Stage 1 installs every dependency and compiles the TypeScript workspaces; stage 2 keeps the production
# dependencies and the compiled output only, and runs as the unprivileged `node` user.

FROM node:20.19-bookworm-slim AS build
WORKDIR /app
# The manifests first, so the dependency layer is rebuilt only when they change.
COPY package.json package-lock.json turbo.json tsconfig.json ./
COPY shared/statutory/package.json shared/statutory/
COPY shared/service-kit/package.json shared/service-kit/
COPY shared/launcher/package.json shared/launcher/
COPY subgraphs/children/package.json subgraphs/children/
COPY subgraphs/plans/package.json subgraphs/plans/
COPY subgraphs/reviews/package.json subgraphs/reviews/
COPY subgraphs/notifications/package.json subgraphs/notifications/
COPY gateway/package.json gateway/
COPY test/package.json test/
RUN npm ci --no-audit --no-fund
COPY shared shared
COPY subgraphs subgraphs
COPY gateway gateway
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund

FROM node:20.19-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
# Compiled output, committed schemas and data files; no TypeScript sources, no tests.
COPY --from=build /app/shared/statutory/package.json shared/statutory/
COPY --from=build /app/shared/statutory/dist shared/statutory/dist
COPY --from=build /app/shared/service-kit/package.json shared/service-kit/
COPY --from=build /app/shared/service-kit/dist shared/service-kit/dist
COPY --from=build /app/shared/service-kit/scripts shared/service-kit/scripts
COPY --from=build /app/subgraphs/children/package.json /app/subgraphs/children/schema.graphql subgraphs/children/
COPY --from=build /app/subgraphs/children/dist subgraphs/children/dist
COPY --from=build /app/subgraphs/plans/package.json /app/subgraphs/plans/schema.graphql subgraphs/plans/
COPY --from=build /app/subgraphs/plans/dist subgraphs/plans/dist
COPY --from=build /app/subgraphs/reviews/package.json /app/subgraphs/reviews/schema.graphql subgraphs/reviews/
COPY --from=build /app/subgraphs/reviews/dist subgraphs/reviews/dist
COPY --from=build /app/subgraphs/notifications/package.json /app/subgraphs/notifications/schema.graphql subgraphs/notifications/
COPY --from=build /app/subgraphs/notifications/dist subgraphs/notifications/dist
COPY --from=build /app/gateway/package.json /app/gateway/supergraph.graphql gateway/
COPY --from=build /app/gateway/dist gateway/dist
COPY --from=build /app/gateway/public gateway/public
COPY deploy/docker/entrypoint.sh /usr/local/bin/care-hub
USER node
# The services' own ports (CHILDREN_PORT … GATEWAY_PORT); each process listens on one.
EXPOSE 4000 4001 4002 4003 4004
ENTRYPOINT ["/usr/local/bin/care-hub"]
