import {
  DocumentNode,
  GraphQLError,
  GraphQLSchema,
  Kind,
  getOperationAST,
  getVariableValues,
} from 'graphql';
import { ConfigError } from '../config';
import { countTokens, measureDocument } from './document-shape';
import { operationCost } from './operation-cost';

/**
 * Limits on one GraphQL operation. The gateway applies them to every client operation and each subgraph applies
 * them again to every call it receives, so a subgraph port reached directly gains nothing. `Infinity` lifts a limit.
 */
export interface OperationLimits {
  /** Deepest field nesting, fragments expanded. */
  maxDepth: number;
  /** Aliased fields per operation, fragments expanded. */
  maxAliases: number;
  /** Lexical tokens in the document (counted before parsing). */
  maxTokens: number;
  /** Estimated cost (see `operationCost`). */
  maxCost: number;
  /** Items assumed for a list field without `first`/`last` when estimating cost. */
  defaultListSize: number;
}

/** The hub's defaults, shared by the gateway and the subgraphs. */
export const OPERATION_LIMIT_DEFAULTS: Readonly<OperationLimits> = Object.freeze({
  maxDepth: 15,
  maxAliases: 30,
  maxTokens: 2000,
  maxCost: 25000,
  defaultListSize: 10,
});

/** Codes of the limit errors. Clients rely on these strings: add freely, never rename. */
export type OperationLimitCode =
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'BAD_USER_INPUT';

/**
 * A client error with a stable code and HTTP 400. `extensions.http` is read and stripped by both servers
 * (yoga at the gateway, Apollo in the subgraphs); `spec: false` makes yoga keep the status for
 * `Accept: application/json` clients too.
 */
function limitError(code: OperationLimitCode, message: string, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, http: { status: 400, spec: false } } });
}

function positiveInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new ConfigError(`${name} must be a positive integer, got "${raw}"`);
  return n;
}

/**
 * Reads the operation limits from `GATEWAY_MAX_DEPTH`, `GATEWAY_MAX_ALIASES`, `GATEWAY_MAX_TOKENS` and
 * `GATEWAY_MAX_COST`. The subgraphs read the same variables, so raising a limit at the gateway raises it behind.
 * @param env - the environment
 * @returns only the limits that are set (merge over {@link OPERATION_LIMIT_DEFAULTS})
 * @example resolveOperationLimits(operationLimitsFromEnv(process.env))
 */
export function operationLimitsFromEnv(env: NodeJS.ProcessEnv): Partial<OperationLimits> {
  const set: Partial<OperationLimits> = {};
  const depth = positiveInt(env, 'GATEWAY_MAX_DEPTH');
  const aliases = positiveInt(env, 'GATEWAY_MAX_ALIASES');
  const tokens = positiveInt(env, 'GATEWAY_MAX_TOKENS');
  const cost = positiveInt(env, 'GATEWAY_MAX_COST');
  if (depth !== undefined) set.maxDepth = depth;
  if (aliases !== undefined) set.maxAliases = aliases;
  if (tokens !== undefined) set.maxTokens = tokens;
  if (cost !== undefined) set.maxCost = cost;
  return set;
}

/**
 * Fills in defaults.
 * @param limits - overrides
 * @returns complete limits
 */
export function resolveOperationLimits(limits: Partial<OperationLimits> = {}): OperationLimits {
  return {
    maxDepth: limits.maxDepth ?? OPERATION_LIMIT_DEFAULTS.maxDepth,
    maxAliases: limits.maxAliases ?? OPERATION_LIMIT_DEFAULTS.maxAliases,
    maxTokens: limits.maxTokens ?? OPERATION_LIMIT_DEFAULTS.maxTokens,
    maxCost: limits.maxCost ?? OPERATION_LIMIT_DEFAULTS.maxCost,
    defaultListSize: limits.defaultListSize ?? OPERATION_LIMIT_DEFAULTS.defaultListSize,
  };
}

/**
 * The token limit, checked on the raw text before parsing (an oversized document costs no more than the limit).
 * @param query - the document text
 * @param limits - the limits
 * @returns TOKEN_LIMIT_EXCEEDED, or undefined
 */
export function tokenLimitError(query: string, limits: Pick<OperationLimits, 'maxTokens'>): GraphQLError | undefined {
  if (countTokens(query, limits.maxTokens) <= limits.maxTokens) return undefined;
  return limitError('TOKEN_LIMIT_EXCEEDED', `the document has more than ${limits.maxTokens} tokens`, { limit: limits.maxTokens });
}

/**
 * Depth and alias limits, which depend on the document alone. Run them before standard validation: its
 * overlapping-fields rule is quadratic in aliases.
 * @param document - the parsed document
 * @param limits - the limits
 * @returns DEPTH_LIMIT_EXCEEDED and/or ALIAS_LIMIT_EXCEEDED (empty when within limits)
 */
export function shapeLimitErrors(document: DocumentNode, limits: Pick<OperationLimits, 'maxDepth' | 'maxAliases'>): GraphQLError[] {
  const shape = measureDocument(document);
  const errors: GraphQLError[] = [];
  if (shape.depth > limits.maxDepth) {
    errors.push(
      limitError('DEPTH_LIMIT_EXCEEDED', `the query is ${shape.depth} levels deep; the limit is ${limits.maxDepth}`, {
        limit: limits.maxDepth,
        depth: shape.depth,
      }),
    );
  }
  if (shape.aliases > limits.maxAliases) {
    errors.push(
      limitError('ALIAS_LIMIT_EXCEEDED', `the query uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}`, {
        limit: limits.maxAliases,
        aliases: shape.aliases,
      }),
    );
  }
  return errors;
}

/**
 * The cost limit; it depends on variables (`first: $n`), so run it on a validated document with coerced variables.
 * @param schema - the schema the document was validated against
 * @param document - the document
 * @param operationName - the operation to run
 * @param variables - coerced variable values
 * @param limits - the limits
 * @returns COST_LIMIT_EXCEEDED, or undefined
 */
export function costLimitError(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
  limits: Pick<OperationLimits, 'maxCost' | 'defaultListSize'>,
): GraphQLError | undefined {
  if (!Number.isFinite(limits.maxCost)) return undefined;
  const cost = operationCost(schema, document, operationName, variables ?? {}, { defaultListSize: limits.defaultListSize });
  if (cost <= limits.maxCost) return undefined;
  return limitError('COST_LIMIT_EXCEEDED', `the operation's estimated cost ${cost} exceeds ${limits.maxCost}`, {
    limit: limits.maxCost,
    cost,
  });
}

/**
 * Coerces the request's variables against the operation's definitions, as execution would, but turns every
 * failure (wrong type, missing required, null for non-null) into BAD_USER_INPUT with `reason: INVALID_VARIABLE`
 * and the variable's name, HTTP 400. graphql-js reports them without a code.
 * @param schema - the schema
 * @param document - the validated document
 * @param operationName - the operation to run
 * @param variables - the raw variables from the request
 * @returns the coerced values, or the coded errors
 * @example coerceVariables(schema, parse('query($id: ID!) { child(id: $id) { id } }'), null, { id: {} })
 */
export function coerceVariables(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | null | undefined,
): { coerced: Record<string, unknown> } | { errors: GraphQLError[] } {
  const op = getOperationAST(document, operationName ?? undefined);
  // No single operation: execution reports that itself (with a code).
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) return { coerced: variables ?? {} };
  const result = getVariableValues(schema, op.variableDefinitions ?? [], variables ?? {}, { maxErrors: 25 });
  if (result.coerced) return { coerced: result.coerced };
  return {
    errors: result.errors.map((e) => {
      const variable = /^Variable "\$([_A-Za-z][_0-9A-Za-z]*)"/.exec(e.message)?.[1];
      return new GraphQLError(e.message, {
        nodes: e.nodes,
        extensions: {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_VARIABLE',
          ...(variable ? { variable } : {}),
          http: { status: 400, spec: false },
        },
      });
    }),
  };
}
