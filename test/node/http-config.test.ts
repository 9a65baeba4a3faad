// The settings in wrangler.toml, per environment, as the Worker will read them.
import { describe, expect, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { CONFIG_VARIABLES, ConfigError, parseConfig } from "../../src/config";
import { root } from "./deployable";

const varsOf = (env?: string) =>
  unstable_readConfig({ config: `${root}/wrangler.toml`, env }).vars as Record<string, unknown>;

describe("wrangler.toml", () => {
  it("sets every variable in every environment (wrangler does not inherit [vars])", () => {
    for (const env of [undefined, "staging", "production"]) {
      expect(Object.keys(varsOf(env)).sort(), env ?? "top level").toEqual([...CONFIG_VARIABLES].sort());
    }
  });

  it("says WORKERS_CACHE exactly where Workers Cache is on ([cache] enabled), so the hop to it is made there only", () => {
    for (const env of [undefined, "staging", "production"]) {
      const config = unstable_readConfig({ config: `${root}/wrangler.toml`, env });
      expect(parseConfig(config.vars).workersCache, env ?? "top level").toBe(config.cache?.enabled === true);
    }
    expect(parseConfig(varsOf("production")).workersCache).toBe(true);
  });

  it("has top-level [vars] equal to the Worker's defaults, so a Worker given no vars is development", () => {
    expect(parseConfig(varsOf())).toEqual(parseConfig({}));
  });

  it("serves the playground, introspection and field suggestions in production and staging", () => {
    expect(parseConfig(varsOf("production"))).toMatchObject({
      environment: "production",
      graphiql: true,
      introspection: true,
      responseCache: true,
      corsOrigins: "*",
    });
    expect(parseConfig(varsOf("staging"))).toMatchObject({
      environment: "staging",
      graphiql: true,
      introspection: true,
    });
  });
});

describe("parseConfig", () => {
  it("reads numbers given as TOML numbers or strings, and origin lists", () => {
    expect(parseConfig({ MAX_DEPTH: 7, MAX_COST: "900", CORS_ORIGINS: "https://a.se, https://b.se" })).toMatchObject({
      maxDepth: 7,
      maxCost: 900,
      corsOrigins: ["https://a.se", "https://b.se"],
    });
  });

  it("names every wrong variable, its value and what it may be", () => {
    expect(() => parseConfig({ RESPONSE_CACHE: "yes", MAX_BODY_BYTES: "0", ENVIRONMENT: "prod" })).toThrow(
      new ConfigError(
        'Invalid Worker configuration: ENVIRONMENT must be "development", "staging" or "production", but is "prod"; RESPONSE_CACHE must be "on" or "off", but is "yes"; MAX_BODY_BYTES must be a whole number of bytes (1 or more), but is "0".',
      ),
    );
  });
});
