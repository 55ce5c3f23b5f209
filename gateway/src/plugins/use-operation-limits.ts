import { Kind } from 'graphql';
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { coerceVariables, costLimitError, MAX_OPERATION_NAME_LENGTH, shapeLimitErrors } from '@hub/service-kit';
import { gatewayError } from '../limits/gateway-errors';
import type { ResolvedLimits } from '../options';
import type { HubContext } from './use-caller-guard';

type Limits = Pick<ResolvedLimits, 'maxDepth' | 'maxAliases' | 'maxCost' | 'defaultListSize'>;

function nameErrors(document: DocumentNode): GraphQLError[] {
  for (const def of document.definitions) {
    if (def.kind === Kind.OPERATION_DEFINITION && def.name && def.name.value.length > MAX_OPERATION_NAME_LENGTH) {
      return [gatewayError('BAD_REQUEST', `the operation name is longer than ${MAX_OPERATION_NAME_LENGTH} characters`, { limit: MAX_OPERATION_NAME_LENGTH })];
    }
  }
  return [];
}

/**
 * Operation names, depth, alias, variable and cost checks (the limit logic is the kit's, shared with the subgraphs).
 * - Names, depth and aliases depend on the document alone, so they run at validation, *instead of* the standard
 *   rules when exceeded: the overlapping-fields rule is quadratic in aliases, and an alias bomb would
 *   otherwise spend its CPU before being refused. yoga caches validation by document, which is right here.
 * - Variables are coerced against the operation before anything runs: a wrong type, a missing required
 *   variable or null for non-null is BAD_USER_INPUT (reason INVALID_VARIABLE, HTTP 400) naming the variable.
 * - Cost depends on the (coerced) variables (`first: $n`), so it runs when the operation is about to execute or
 *   subscribe, after validation, still before any subgraph is called.
 * @param limits - the resolved limits
 * @returns the plugin
 */
export function useOperationLimits(limits: Limits): GatewayPlugin<HubContext> {
  const refusal = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError[] | undefined => {
    const coerced = coerceVariables(schema, document, operationName, variables);
    if ('errors' in coerced) return coerced.errors;
    const cost = costLimitError(schema, document, operationName, coerced.coerced, limits);
    return cost ? [cost] : undefined;
  };

  return {
    onValidate({ params, setResult }) {
      const errors = [...nameErrors(params.documentAST), ...shapeLimitErrors(params.documentAST, limits)];
      if (errors.length) setResult(errors);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const errors = refusal(args.schema, args.document, args.operationName, args.variableValues);
      if (errors) setResultAndStopExecution({ errors });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = refusal(args.schema, args.document, args.operationName, args.variableValues);
      if (errors) setResultAndStopExecution({ errors });
    },
  };
}
