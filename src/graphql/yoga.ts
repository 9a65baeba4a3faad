import {
  type DocumentNode,
  execute,
  type GraphQLError,
  type GraphQLSchema,
  NoSchemaIntrospectionCustomRule,
  specifiedRules,
  type ValidationRule,
  validate,
} from "graphql";
import { createYoga, type Plugin, type YogaServerInstance } from "graphql-yoga";
import type { Config } from "../config";
import type { Context } from "../schema/builder";
import type { Cost } from "./cost";
import { maskApiError } from "./errors";
import { checkExecution, hidesSuggestions, limits } from "./limits";
import { checkOperation } from "./operation";

/** The one route of the API. */
export const GRAPHQL_PATH = "/graphql";

/**
 * What Yoga's context is while it admits a document: the schema's context, the document as
 * the executor parsed it (or the parse's error), whether it is a trusted document, and the
 * slots where the document and its cost land once it parsed, validated and passed the limits
 * (Yoga's `onExecute`).
 */
export type Admission = Context & {
  parsed: DocumentNode | GraphQLError;
  trusted: boolean;
  admitted: DocumentNode | null;
  cost: Cost | null;
  method: string;
  requestedCost: number | null;
};

/** Yoga's parse is the executor's: the document is parsed once (src/graphql/execute.ts). */
const useParsed = (): Plugin<Admission> => ({
  onParse({ context, setParseFn }) {
    setParseFn(() => {
      if (context.parsed instanceof Error) throw context.parsed;
      return context.parsed;
    });
  },
});

/** The operation checks (src/graphql/operation.ts) as soon as a new document is parsed. */
const useOperationCheck = (): Plugin<Admission> => ({
  onParse() {
    return ({ result, context }) => {
      if (!(result instanceof Error) && result) {
        const refused = checkOperation(context.method, result, context.params?.operationName ?? undefined);
        if (refused) throw refused;
      }
    };
  },
});

/** Records the document Yoga is about to execute: it is admitted. */
const useAdmission = (): Plugin<Admission> => ({
  onExecute({ args }) {
    (args.contextValue as Admission).admitted = args.document;
  },
});

/** The rules that depend on the schema alone: every trusted document passed them at build time. */
const schemaRules = new Set(specifiedRules);

/**
 * Both paths validate and execute with graphql-js' own functions (Yoga's default executor is a
 * fork), hiding "Did you mean …?" suggestions where introspection is off. A trusted document is validated
 * by the rules that depend on the settings only (the limits, introspection).
 */
const useGraphqlJs = (config: Config): Plugin<Admission> => {
  const hideSuggestions = hidesSuggestions(config);
  return {
    onValidate({ context, setValidationFn }) {
      setValidationFn((schema, document, rules) =>
        validate(
          schema,
          document,
          context.trusted ? rules.filter((rule: ValidationRule) => !schemaRules.has(rule)) : rules,
          {
            hideSuggestions,
          },
        ),
      );
    },
    onExecute({ setExecuteFn }) {
      setExecuteFn((args) => execute({ ...args, hideSuggestions }));
    },
  };
};

/**
 * The checks that depend on the variables, on every execution (the direct path runs them too);
 * the cost they found lands in the admission.
 */
const usePerExecutionChecks = (config: Config, schema: GraphQLSchema): Plugin<Admission> => ({
  onExecute({ args, setResultAndStopExecution }) {
    const admission = args.contextValue as Admission;
    const variables = args.variableValues as Record<string, unknown> | null | undefined;
    const { refused, cost } = checkExecution(
      config,
      schema,
      args.document,
      args.operationName ?? undefined,
      variables ?? undefined,
      admission,
      admission.requestedCost,
    );
    if (refused) setResultAndStopExecution({ errors: [refused] });
    else admission.cost = cost;
  },
});

/** Turns introspection off with graphql-js' own validation rule. */
const useNoIntrospection = (): Plugin => ({
  onValidate({ addValidationRule }) {
    addValidationRule(NoSchemaIntrospectionCustomRule);
  },
});

/**
 * The Yoga that admits documents: only its GraphQL pipeline is used (`getResultForParams`),
 * never its request parsing, CORS, GraphiQL or response building (src/http does those, once).
 * Its parse and validation caches are off: a document it admitted is kept by the executor,
 * within the isolate's memory budget, and nothing else is.
 */
export function createAdmission(config: Config, schema: GraphQLSchema): YogaServerInstance<Admission, object> {
  return createYoga<Admission>({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    landingPage: false,
    graphiql: false,
    maskedErrors: { isDev: false, maskError: (error, message) => maskApiError(error, message) },
    cors: false,
    batching: false,
    multipart: false,
    logging: false,
    parserAndValidationCache: false,
    plugins: [
      useParsed(),
      useGraphqlJs(config),
      useOperationCheck(),
      ...limits(config),
      ...(config.introspection ? [] : [useNoIntrospection()]),
      usePerExecutionChecks(config, schema),
      useAdmission(),
    ],
  });
}
