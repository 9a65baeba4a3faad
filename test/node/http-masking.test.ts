// Unexpected errors are masked in the deployable bundle, whatever the environment. The real
// data never makes a resolver fail, so this bundle is built (in a temporary copy of the
// project) with one source URL broken: `Source.host` then throws a TypeError inside a resolver.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildDeployable, projectWithData } from "../../bench/build";
import { root, serveBundle } from "./deployable";
import { post } from "./http-support";

const servers: Record<string, Miniflare> = {};
const environments = ["development", "staging", "production"] as const;

beforeAll(async () => {
  const data = mkdtempSync(join(tmpdir(), "broken-data-"));
  cpSync(join(root, "data"), data, { recursive: true });
  const file = join(data, "regions.json");
  const regions = JSON.parse(readFileSync(file, "utf8"));
  regions.find((r: { isoCode: string }) => r.isoCode === "SE-BD").sources[0] =
    "//secret-internal-host:99999/ no scheme";
  writeFileSync(file, JSON.stringify(regions));
  const bundle = buildDeployable(projectWithData(data));
  for (const ENVIRONMENT of environments) servers[ENVIRONMENT] = await serveBundle(bundle.script, { ENVIRONMENT });
});
afterAll(() => Promise.all(Object.values(servers).map((mf) => mf.dispose())));

describe("an unexpected error in a resolver", () => {
  it.each(environments)("is masked in %s: no message, no stack, the rest of the answer intact", async (environment) => {
    const response = await post(servers[environment]!, {
      query: `{ region(code: "SE-BD") { slug sources { host } } ok: region(code: "SE-N") { slug } }`,
    });
    expect(response.status).toBe(200);
    const text = await response.text();
    const body = JSON.parse(text);
    expect(body.data).toEqual({ region: null, ok: { slug: "halland" } });
    expect(body.errors).toEqual([
      {
        message: "Unexpected error.",
        locations: [{ line: 1, column: 42 }],
        path: ["region", "sources", 0, "host"],
        extensions: { code: "INTERNAL_SERVER_ERROR" },
      },
    ]);
    expect(text).not.toMatch(/Invalid URL|TypeError|secret-internal-host|stack|\.ts:\d/);
    // Errors are never cached: the same request is executed again and fails the same way.
    const again = await post(servers[environment]!, {
      query: `{ region(code: "SE-BD") { slug sources { host } } ok: region(code: "SE-N") { slug } }`,
    });
    expect(again.headers.get("x-cache")).toBe("BYPASS");
    expect(await again.json()).toEqual(body);
  });
});
