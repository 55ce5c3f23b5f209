import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { gatewayError } from '../limits/gateway-errors';
import { measureDocument } from '../limits/document-shape';
import { operationCost } from '../limits/operation-cost';
import type { ResolvedLimits } from '../options';
import type { HubContext } from './use-caller-guard';

type Limits = Pick<ResolvedLimits, 'maxDepth' | 'maxAliases' | 'maxCost' | 'defaultListSize'>;

/**
 * Depth, alias and cost limits.
 * - Depth and aliases depend on the document alone, so they run at validation, *instead of* the standard
 *   rules when exceeded: the overlapping-fields rule is quadratic in aliases, and an alias bomb would
 *   otherwise spend its CPU before being refused. yoga caches validation by document, which is right here.
 * - Cost depends on variables (`first: $n`), so it runs when the operation is about to execute or subscribe,
 *   after validation, still before any subgraph is called.
 * @param limits - the resolved limits
 * @returns the plugin
 */
export function useOperationLimits(limits: Limits): GatewayPlugin<HubContext> {
  const costError = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
  ): GraphQLError | undefined => {
    if (!Number.isFinite(limits.maxCost)) return undefined;
    const cost = operationCost(schema, document, operationName, variables ?? {}, { defaultListSize: limits.defaultListSize });
    if (cost <= limits.maxCost) return undefined;
    return gatewayError('COST_LIMIT_EXCEEDED', `the operation's estimated cost ${cost} exceeds ${limits.maxCost}`, {
      limit: limits.maxCost,
      cost,
    });
  };

  return {
    onValidate({ params, setResult }) {
      const shape = measureDocument(params.documentAST);
      const errors: GraphQLError[] = [];
      if (shape.depth > limits.maxDepth) {
        errors.push(
          gatewayError('DEPTH_LIMIT_EXCEEDED', `the query is ${shape.depth} levels deep; the limit is ${limits.maxDepth}`, {
            limit: limits.maxDepth,
            depth: shape.depth,
          }),
        );
      }
      if (shape.aliases > limits.maxAliases) {
        errors.push(
          gatewayError('ALIAS_LIMIT_EXCEEDED', `the query uses ${shape.aliases} aliases; the limit is ${limits.maxAliases}`, {
            limit: limits.maxAliases,
            aliases: shape.aliases,
          }),
        );
      }
      if (errors.length) setResult(errors);
    },
    onExecute({ args, setResultAndStopExecution }) {
      const error = costError(args.schema, args.document, args.operationName, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const error = costError(args.schema, args.document, args.operationName, args.variableValues);
      if (error) setResultAndStopExecution({ errors: [error] });
    },
  };
}
