// What `npm run deploy` ships presents itself: the bundle built with `--env production`, served
// with production's [vars] and rate limits on 127.0.0.1, gives a browser the playground, answers
// GraphiQL's introspection query, and lets GraphQL Code Generator (the project's own
// codegen.ts, pointed at the running Worker) type an operation.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { getIntrospectionQuery } from "graphql";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { buildBundle, type RateLimits, rateLimitsOf, root, serveBundle } from "./deployable";

/** What Chrome sends when it navigates to a page. */
const CHROME_NAVIGATION =
  "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,application/signed-exchange;v=b3;q=0.7";

const config = unstable_readConfig({ config: join(root, "wrangler.toml"), env: "production" });
const vars = Object.fromEntries(Object.entries(config.vars).map(([k, v]) => [k, String(v)]));
const frontend = mkdtempSync(join(tmpdir(), "production-codegen-"));
let build: ReturnType<typeof buildBundle>;
let production: Miniflare;
let graphql: string;

beforeAll(async () => {
  build = buildBundle("production");
  const ratelimits: RateLimits = Object.fromEntries(rateLimitsOf("production").map((r) => [r.name, r.simple]));
  production = await serveBundle(build.script, vars, { port: 0, host: "127.0.0.1" }, ratelimits, () => {});
  graphql = new URL("/graphql", await production.ready).href;
}, 120_000);
afterAll(async () => {
  await production?.dispose();
  rmSync(build?.dir ?? "", { recursive: true, force: true });
  rmSync(frontend, { recursive: true, force: true });
});

describe("the production deployment", () => {
  it("turns the playground and introspection on", () => {
    expect(vars).toMatchObject({ ENVIRONMENT: "production", GRAPHIQL: "on", INTROSPECTION: "on" });
  });

  it("gives a browser's navigation to /graphql the playground", async () => {
    const page = await fetch(graphql, { headers: { accept: CHROME_NAVIGATION } });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain("/graphiql/yoga-graphiql.umd.js");
    // Its script and stylesheet are Static Assets of the same deployment.
    const script = await fetch(new URL("/graphiql/yoga-graphiql.umd.js", graphql));
    expect(script.status).toBe(200);
    await script.arrayBuffer();
  });

  it("answers GraphiQL's introspection query, within MAX_COST", async () => {
    const query = getIntrospectionQuery({ descriptions: true, schemaDescription: true, inputValueDeprecation: true });
    const response = await fetch(graphql, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/graphql-response+json" },
      body: JSON.stringify({ query, operationName: "IntrospectionQuery" }),
    });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.__schema.queryType).toEqual({ name: "Query", kind: "OBJECT" });
    expect(body.data.__schema.types.map((t: { name: string }) => t.name)).toContain("Region");
    expect(body.extensions.cost.maximumAvailable).toBe(Number(vars["MAX_COST"]));
    expect(body.extensions.cost.requestedQueryCost).toBeLessThanOrEqual(Number(vars["MAX_COST"]));
  });

  it("lets the project's codegen.ts, pointed at it, type an operation", () => {
    const codegen = readFileSync(join(root, "codegen.ts"), "utf8");
    const pointed = codegen
      .replace('schema: "schema/schema.graphql"', `schema: ${JSON.stringify(graphql)}`)
      .replace('documents: ["operations/**/*.graphql"]', 'documents: ["src/**/*.graphql"]')
      .replace('const output = "examples/web/gql/"', 'const output = "src/gql/"');
    expect(pointed).toContain(`schema: ${JSON.stringify(graphql)}`);
    expect(pointed).toContain('const output = "src/gql/"');
    symlinkSync(join(root, "node_modules"), join(frontend, "node_modules"));
    writeFileSync(join(frontend, "codegen.ts"), pointed);
    mkdirSync(join(frontend, "src"));
    writeFileSync(
      join(frontend, "src", "region.graphql"),
      /* GraphQL */ `query RegionName($code: String!) { region(code: $code) { name(lang: EN) population { value } } }\n`,
    );
    const run = spawnSync(join(root, "node_modules", ".bin", "graphql-codegen"), ["--config", "codegen.ts"], {
      cwd: frontend,
      encoding: "utf8",
      env: { ...process.env, PATH: `${join(root, "node_modules", ".bin")}:${process.env.PATH}`, FORCE_COLOR: "0" },
    });
    expect(run.status, `graphql-codegen failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
    const types = readFileSync(join(frontend, "src", "gql", "graphql.ts"), "utf8");
    expect(types).toContain("export type RegionNameQueryVariables = Exact<{\n  code: string;\n}>;");
    expect(types).toContain(
      "export type RegionNameQuery = { region: { name: string, population: { value: number } } | null };",
    );
  });
});
