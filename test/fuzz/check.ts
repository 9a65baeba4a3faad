/**
 * What the fuzzer asserts of each generated operation, whatever runs the Worker (workerd in
 * `npm test`, Node in `npm run fuzz`): it is sent to a fresh Worker, then twice to a warm one,
 * and every answer must be
 * - below 500, JSON, without `INTERNAL_SERVER_ERROR`;
 * - with errors only of a code of the error table (REQUEST_ERROR_CODES): a request error the
 *   API raised on purpose, never a message without a code;
 * - the same, fresh and warm: status, media type and body (the body has no per-request field:
 *   the request id and the timing are headers);
 * and no promise rejection may be left unhandled.
 */
import { REQUEST_ERROR_CODES } from "../../src/graphql/errors";
import { type FuzzOperation, requestOf, shrink } from "./operations";

declare module "vitest" {
  export interface ProvidedContext {
    /** How many operations the fuzzer sends, and its seed (vitest.config.ts; `npm run fuzz`). */
    fuzz: { count: number; seed: number };
  }
}

/** A Worker's fetch, in the development or the production settings. */
export type Fetch = (request: Request, production: boolean) => Promise<Response>;

/**
 * The Workers a check sends to: a new one for each operation, and one kept warm across them;
 * `unhandled` counts the promise rejections nobody handled since it was last asked (once the
 * pending ones settled), where the runtime can tell.
 */
export type Workers = { fresh: () => Fetch; warm: Fetch; unhandled?: () => Promise<number> };

export type Answer = { status: number; contentType: string | null; body: string };

/** An operation, in the production settings for every third one. */
export type FuzzCase = { operation: FuzzOperation; production: boolean };

export function httpRequestOf({ operation }: FuzzCase): Request {
  const { query, variables } = requestOf(operation);
  const headers: Record<string, string> = { accept: operation.accept };
  if (operation.acceptLanguage) headers["accept-language"] = operation.acceptLanguage;
  const params: Record<string, string> = { query };
  if (Object.keys(variables).length) params["variables"] = JSON.stringify(variables);
  if (operation.name) params["operationName"] = operation.name;
  if (operation.method === "GET") {
    return new Request(`http://fuzz.test/graphql?${new URLSearchParams(params)}`, { headers });
  }
  const body = JSON.stringify({ ...params, variables: Object.keys(variables).length ? variables : undefined });
  return new Request("http://fuzz.test/graphql", {
    method: "POST",
    headers: { ...headers, "content-type": "application/json" },
    body,
  });
}

async function answerOf(fetch: Fetch, test: FuzzCase): Promise<Answer> {
  const response = await fetch(httpRequestOf(test), test.production);
  return { status: response.status, contentType: response.headers.get("content-type"), body: await response.text() };
}

/** What is wrong with one answer on its own. */
function problemsOfAnswer(label: string, answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`${label}: status ${answer.status}`);
  let body: { errors?: { message?: unknown; extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [...problems, `${label}: not JSON: ${answer.body.slice(0, 200)}`];
  }
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== "string" || !REQUEST_ERROR_CODES.has(code)) {
      problems.push(`${label}: an error with code ${String(code)}: ${String(error.message)}`);
    }
  }
  return problems;
}

/** What a case's answers show: its fresh one's outcome (for the tally) and what is wrong. */
export type Checked = { fresh: Answer; outcome: string; problems: string[] };

export async function check(test: FuzzCase, workers: Workers): Promise<Checked> {
  const fresh = await answerOf(workers.fresh(), test);
  const warm = await answerOf(workers.warm, test);
  const again = await answerOf(workers.warm, test);
  const problems = [...problemsOfAnswer("fresh", fresh), ...problemsOfAnswer("warm", warm)];
  const unhandled = (await workers.unhandled?.()) ?? 0;
  if (unhandled) problems.push(`${unhandled} promise rejections left unhandled`);
  for (const [label, other] of [
    ["warm", warm],
    ["warm again", again],
  ] as const) {
    if (other.status !== fresh.status || other.contentType !== fresh.contentType || other.body !== fresh.body) {
      problems.push(
        `${label} differs from fresh: ${other.status} ${other.body.slice(0, 300)} / fresh ${fresh.status} ${fresh.body.slice(0, 300)}`,
      );
    }
  }
  return { fresh, outcome: outcomeOf(fresh), problems };
}

/** "data" for an answer without errors, else its status and error codes. */
function outcomeOf(answer: Answer): string {
  try {
    const body = JSON.parse(answer.body) as { errors?: { extensions?: { code?: unknown } }[] };
    if (!body.errors?.length) return "data";
    return `${answer.status} ${[...new Set(body.errors.map((e) => String(e.extensions?.code)))].sort().join(",")}`;
  } catch {
    return `${answer.status} not JSON`;
  }
}

export type Failure = { test: FuzzCase; problems: string[] };

/** Checks every case; the outcomes tallied, and the failures. */
export async function fuzz(
  cases: readonly FuzzCase[],
  workers: Workers,
): Promise<{ tally: Record<string, number>; failures: Failure[] }> {
  const tally: Record<string, number> = {};
  const failures: Failure[] = [];
  for (const test of cases) {
    const { outcome, problems } = await check(test, workers);
    tally[outcome] = (tally[outcome] ?? 0) + 1;
    if (problems.length) failures.push({ test, problems });
  }
  return { tally, failures };
}

/** The smallest operation that still fails as `failure` did, printed with its variables and what is wrong. */
export async function smallestFailing(failure: Failure, workers: Workers): Promise<string> {
  const fails = async (operation: FuzzOperation) =>
    (await check({ ...failure.test, operation }, workers)).problems.length > 0;
  const operation = await shrink(failure.test.operation, fails);
  const smallest = { ...failure.test, operation };
  const { problems } = await check(smallest, workers);
  const { query, variables } = requestOf(operation);
  return [
    `${operation.method} (${failure.test.production ? "production" : "development"}, Accept: ${operation.accept}, Accept-Language: ${operation.acceptLanguage ?? "none"})`,
    query,
    `variables: ${JSON.stringify(variables)}`,
    ...problems,
  ].join("\n");
}
