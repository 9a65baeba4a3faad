// The Workers Cache model's clients (test/workers-cache-model.ts) send what their installed
// sources send: each Accept header is read from node_modules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_ACCEPTS, clientAcceptSources } from "../workers-cache-model";
import { root } from "./deployable";

describe("the clients' Accept headers in the Workers Cache model", () => {
  it.each(Object.entries(clientAcceptSources).filter(([, source]) => source))("%s's is its source's", (_, source) => {
    expect(readFileSync(join(root, "node_modules", source!.file), "utf8")).toContain(source!.text);
  });

  it("graphql-request joins application/graphql-response+json and application/json", () => {
    const http = readFileSync(join(root, "node_modules", "graphql-request", "src", "lib", "http.ts"), "utf8");
    expect(http).toContain("CONTENT_TYPE_GQL = `application/graphql-response+json`");
    expect(http).toContain("CONTENT_TYPE_JSON = `application/json`");
    expect(CLIENT_ACCEPTS["graphql-request"]).toBe("application/graphql-response+json, application/json");
  });
});
