/**
 * @hub/service-kit: what every service of the Care Planning Hub repeats once: configuration, logging,
 * database bootstrap, auth and policies, errors, GraphQL federation wiring, loaders, outbox and relay.
 */
export { now, setClock } from './clock';
export { hubCalendar, hubCalendarVersion, refreshCalendar, storeCalendar, resetCalendar } from './calendar/hub-calendar';
export { CalendarVersion } from './calendar/calendar-version.entity';
export { loadHubConfig, portFrom, DEV_JWT_SECRET, DEV_GATEWAY_SIGNING_SECRET, ConfigError } from './config';
export type { HubConfig } from './config';
export { createLogger } from './logger';
export type { Logger } from './logger';
export { ensureDatabase, postgresAnswers } from './db/database';
export { openOrm, ormOptions, migrateUnderLock } from './db/orm';
export type { OrmOptions } from './db/orm';
export { statementCount, countStatement, requestStatementCount, attributeStatements } from './db/statement-counter';
export { ROLES, LA_ROLES, PROVIDER_ROLES, hasRole } from './auth/principal';
export type { Role, Principal } from './auth/principal';
export { TokenVerifier, signToken } from './auth/verify';
export type { AuthConfig } from './auth/verify';
export { ChildAccess } from './auth/child-access.entity';
export type { ProviderWindow } from './auth/child-access.entity';
export { relationToChild, providerCovers, requireRelation, requireRole } from './auth/policy';
export type { ChildRelation } from './auth/policy';
export { ChildReadScope, childReadScope } from './auth/read-scope';
export type { RecordStamp, RecordTime } from './auth/read-scope';
export { AuditEntry } from './audit/audit-entry.entity';
export { AuditBuffer } from './audit/audit-buffer';
export { accessLogModule, AuditLine, assertMayReadAccessLog } from './audit/access-log.module';
export {
  InputError,
  NotFoundError,
  ConflictError,
  AuthenticationError,
  ForbiddenError,
  RuleNotApplicableError,
  CalendarHorizonGraphQLError,
  CursorExpiredError,
  createFormatError,
  fieldViolations,
} from './graphql/errors';
export type { HubErrorCode, FieldViolation } from './graphql/errors';
export { buildFederatedSchema, subgraphSdl } from './graphql/build-federated-schema';
export type { ReferenceResolvers } from './graphql/build-federated-schema';
export { DateTimeScalar, LocalDateScalar, parseLocalDate, parseInstant, isUuid, MIN_YEAR, MAX_YEAR } from './graphql/scalars';
export { TextId, maxLengthArg, checkInputValue, checkRepresentations, guardInputs, MAX_TEXT_ID_LENGTH, FREE_TEXT_MAX } from './graphql/input-guard';
export { PageInfo, ConnectionType, encodeCursor, decodeCursor, pageSize, toConnection } from './graphql/connection';
export type { ConnectionShape, CursorPart } from './graphql/connection';
export { keyedLoader, groupedLoader, readRows, rowByKey, rowsGroupedBy } from './graphql/loaders';
export { OutboxEvent } from './events/outbox-event.entity';
export { ProcessedEvent, claimEvent } from './events/processed-event.entity';
export { EVENT_TYPES, EVENT_SOURCE, QUEUES, EVENT_ROUTES, CHANGE_FEED_CHANNEL } from './events/contracts';
export type { EventType, EventSource, HubEvent, HubEventOf } from './events/contracts';
export { recordEvent, EventPayloadError } from './events/record-event';
export type { NewEvent } from './events/record-event';
export {
  CONSISTENCY_HEADER, MAX_TOKEN_EVENTS, DEFAULT_CONSISTENCY_TIMEOUT_MS, ConsistencyTokenError, encodeConsistencyToken, decodeConsistencyToken,
  mergeConsistencyTokens, eventsRoutedTo, awaitApplied, consistencyWaits, consistencyWaiting,
} from './events/consistency';
export type { TokenEvent, MergedToken, AwaitAppliedOptions, AwaitOutcome } from './events/consistency';
export * from './events/payloads';
export { PAYLOAD_SCHEMAS, payloadProblems, eventProblems } from './events/payload-schemas';
export type { PayloadSchema, PayloadCheckOptions } from './events/payload-schemas';
export { defineEventHandlers, refuseMisfit } from './events/handlers';
export type { EventHandler, EventHandlerMap, EventHandlerContext, EventHandlerOptions, EventHandlerRegistry, EventOutcome } from './events/handlers';
export { childConcerns } from './events/concerns';
export { OutboxRelay } from './events/outbox-relay';
export type { OutboxRelayOptions } from './events/outbox-relay';
export { openRedis, redisAnswers } from './events/redis';
export { startEventConsumer } from './events/event-consumer';
export { applyAccessEvent } from './events/access-projection';
export { createServiceContext } from './context';
export type { ServiceContext } from './context';
export { startSubgraphServer } from './http/subgraph-server';
export type { RequestBase, RunningServer, SubgraphServerOptions, SubgraphConsistency } from './http/subgraph-server';
export { attachSubgraphWebSocket, tokenExpiry, WS_CLOSE } from './http/subgraph-websocket';
export type { SubgraphWebSocketOptions } from './http/subgraph-websocket';
export { startSubgraph, onShutdown } from './subgraph';
export { PROCESS_ROLES, processRoleFrom, runsApi, runsWorkers } from './runtime/process-role';
export type { ProcessRole } from './runtime/process-role';
export { runExclusively } from './runtime/exclusive';
export {
  metricsRegistry, renderMetrics, operationLabel, operationNameOf, errorCodeLabel, observeDelivery, MAX_OPERATIONS,
  requestsTotal, requestDuration, errorsTotal, deadlinesOverdue,
} from './runtime/metrics';
export type { Sample } from './runtime/metrics';
export { reportOutbox, reportQueues, QUEUE_STATES } from './runtime/service-metrics';
export { queuePrefixFrom, databaseUrlFor, clusterSlot } from './runtime/placement';
export { traceCarrier, inCarriedTrace, SpanKind } from './runtime/trace-context';
export type { TraceCarrier } from './runtime/trace-context';
export type { SubgraphDefinition, SubgraphDeps, StartSubgraphOptions, RunningSubgraph } from './subgraph';
export { OPERATION_LIMIT_DEFAULTS, operationLimitsFromEnv, resolveOperationLimits, tokenLimitError, shapeLimitErrors, costLimitError, coerceVariables } from './limits/operation-limits';
export type { OperationLimits, OperationLimitCode } from './limits/operation-limits';
export { countTokens, measureDocument } from './limits/document-shape';
export type { DocumentShape } from './limits/document-shape';
export { operationCost } from './limits/operation-cost';
export type { CostOptions } from './limits/operation-cost';
export {
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  OPERATION_HEADER,
  DEFAULT_MAX_SKEW_MS,
  signGatewayRequest,
  verifyGatewaySignature,
  signGatewayConnection,
  verifyGatewayConnection,
} from './http/gateway-signature';
export type { SignedRequest, SignatureFailure } from './http/gateway-signature';
export {
  SAFE_REQUEST_ID,
  MAX_OPERATION_NAME_LENGTH,
  DEFAULT_MAX_BODY_BYTES,
  safeRequestId,
  readBoundedBody,
  sendGraphQLError,
  sendPayloadTooLarge,
} from './http/request-bounds';
export type { BoundedBody } from './http/request-bounds';
