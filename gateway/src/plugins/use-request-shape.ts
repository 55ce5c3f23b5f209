import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { MAX_OPERATION_NAME_LENGTH } from '@hub/service-kit';
import { gatewayError } from '../limits/gateway-errors';
import type { HubContext } from './use-caller-guard';

/** The request parameters the gateway reads: GraphQL over HTTP's, plus a persisted `documentId`. */
export interface HubParams {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  documentId?: string;
}

const PARAMS = ['query', 'operationName', 'variables', 'extensions', 'documentId'] as const;
const JSON_TYPES = ['application/json', 'application/graphql+json'];

const badRequest = (message: string, extra: Record<string, unknown> = {}) => gatewayError('BAD_REQUEST', message, extra);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `variables` and `extensions`: an object, or absent/null. */
function objectParam(name: string, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) throw badRequest(`"${name}" must be a JSON object`, { param: name });
  return value;
}

function stringParam(name: string, value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw badRequest(`"${name}" must be a string`, { param: name });
  return value;
}

/** Checks each parameter's type; bounds the operation name. */
function shapeOf(raw: Record<string, unknown>): HubParams {
  const operationName = stringParam('operationName', raw.operationName);
  if (operationName !== undefined && operationName.length > MAX_OPERATION_NAME_LENGTH) {
    throw badRequest(`the operation name is longer than ${MAX_OPERATION_NAME_LENGTH} characters`, {
      param: 'operationName',
      limit: MAX_OPERATION_NAME_LENGTH,
    });
  }
  return {
    query: stringParam('query', raw.query),
    operationName,
    variables: objectParam('variables', raw.variables),
    extensions: objectParam('extensions', raw.extensions),
    documentId: stringParam('documentId', raw.documentId),
  };
}

function parseJson(name: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // never echo the parser's message: it quotes the input and names internals
    throw badRequest(name === 'body' ? 'the body is not valid JSON' : `"${name}" is not valid JSON`, { param: name });
  }
}

function contentTypeOf(request: Request): string {
  return (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Reads a request's GraphQL parameters, refusing every malformed shape with a stable code and no parser
 * internals, before anything else looks at them:
 * - GET: each parameter at most once; `variables` and `extensions` JSON objects (BAD_REQUEST, 400);
 * - POST: `application/json` (or `application/graphql+json`) only (UNSUPPORTED_MEDIA_TYPE, 415: form posts would
 *   let any web page send operations); the body one JSON object, not a batch (BAD_REQUEST);
 * - any method: `query`, `operationName`, `documentId` strings, `variables`/`extensions` objects, the operation
 *   name at most 128 characters (BAD_REQUEST).
 * The body's size was bounded before the request reached the runtime.
 * @param request - the fetch Request
 * @returns the parameters
 */
export async function parseHubRequest(request: Request): Promise<HubParams> {
  if (request.method === 'GET') {
    const search = new URL(request.url, 'http://gateway').searchParams;
    const raw: Record<string, unknown> = {};
    for (const name of PARAMS) {
      const values = search.getAll(name);
      if (values.length > 1) throw badRequest(`"${name}" is given more than once`, { param: name });
      const value = values[0];
      if (value === undefined || value === '') continue;
      raw[name] = name === 'variables' || name === 'extensions' ? parseJson(name, value) : value;
    }
    return shapeOf(raw);
  }
  // other methods never get here: yoga answers them 405 BAD_REQUEST first
  if (!JSON_TYPES.includes(contentTypeOf(request))) {
    throw gatewayError('UNSUPPORTED_MEDIA_TYPE', 'send the operation as application/json');
  }
  const body = parseJson('body', await request.text());
  if (!isPlainObject(body)) throw badRequest('the body must be one JSON object (batches are not accepted)');
  return shapeOf(body);
}

/**
 * Installs {@link parseHubRequest} as the only request parser (yoga's own GET, form, multipart and
 * `application/graphql` parsers are replaced).
 * @returns the plugin
 */
export function useRequestShape(): GatewayPlugin<HubContext> {
  return {
    onRequestParse({ setRequestParser }) {
      setRequestParser(parseHubRequest);
    },
  };
}
