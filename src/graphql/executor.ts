/**
 * `@graphql-tools/executor` as graphql-yoga imports it (`normalizedExecutor`): graphql-js' own
 * `execute`. wrangler.toml aliases the package to this module: both execution paths run
 * graphql-js' `execute` (src/graphql/yoga.ts replaces Yoga's executor), so the fork Yoga would
 * otherwise bundle (22 KiB) is never used. Subscriptions are refused before execution.
 */
export { execute as normalizedExecutor } from "graphql";
