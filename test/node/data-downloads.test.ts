// The data for data users: every data file the API answers from at /data/<file>.json, the same
// bytes as in data/, and the whole dataset at /data/dataset.json with the version the Worker
// reports and the licence it states (LICENSE-DATA), all Static Assets of the deployable bundle:
// a download never runs the Worker.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Miniflare } from "miniflare";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { unstable_readConfig } from "wrangler";
import { kindNames, kinds } from "../../src/data";
import { DATA_LICENCE, REPOSITORY_URL } from "../../src/data/licence";
import { root, serveBundle } from "./deployable";

const files = kindNames.map((kind) => kinds[kind].file);
const logged: string[] = [];
let mf: Miniflare;

beforeAll(async () => {
  mf = await serveBundle(inject("bundle").script, {}, {}, {}, (line) => logged.push(line));
});
afterAll(() => mf?.dispose());

const download = async (path: string) => {
  const response = await mf.dispatchFetch(`http://localhost${path}`);
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    cors: response.headers.get("access-control-allow-origin"),
    text: await response.text(),
  };
};

describe("the data downloads", () => {
  it("publishes every data file of data/ the API answers from, and nothing of data/material/", () => {
    const published = readdirSync(join(root, "data")).filter((f) => f.endsWith(".json"));
    expect([...files].sort()).toEqual(published.sort());
    expect(readdirSync(join(root, "public", "data")).sort()).toEqual([...files, "dataset.json"].sort());
  });

  it.each([...files, "dataset.json"])("serves /data/%s to any origin (public/_headers), like the API", async (file) => {
    expect((await download(`/data/${file}`)).cors).toBe("*");
  });

  it.each(files)("serves /data/%s as data/ holds it, without running the Worker", async (file) => {
    const before = logged.length;
    const { status, type, text } = await download(`/data/${file}`);
    expect(status).toBe(200);
    expect(type).toMatch(/^application\/json/);
    expect(text).toBe(readFileSync(join(root, "data", file), "utf8"));
    // Every request the Worker answers writes a log line; a Static Asset writes none.
    expect(logged.slice(before)).toEqual([]);
  });

  it("serves the whole dataset with the Worker's version, its licence and every file's records", async () => {
    const { status, text } = await download("/data/dataset.json");
    expect(status).toBe(200);
    const dataset = JSON.parse(text);
    const before = logged.length;
    const answer = await mf.dispatchFetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: /* GraphQL */ `query Dataset { datasetVersion dataset { version download licence { name title spdx url legalCodeUrl licensor attribution scope } } }`,
      }),
    });
    const { data } = (await answer.json()) as { data: any };
    // The Worker's answer is logged (what the downloads above did not write).
    expect(logged.length).toBeGreaterThan(before);
    expect(data.dataset.version).toBe(data.datasetVersion);
    expect(data.dataset.download).toBe("/data/dataset.json");
    expect(data.dataset.licence).toEqual(DATA_LICENCE);
    expect(dataset).toEqual({
      name: "Exportpriser GraphQL dataset",
      version: data.datasetVersion,
      licence: DATA_LICENCE,
      repository: REPOSITORY_URL,
      files: Object.fromEntries(
        files.map((file) => [file.replace(/\.json$/, ""), JSON.parse(readFileSync(join(root, "data", file), "utf8"))]),
      ),
    });
  });

  it("is answered from the assets before the Worker in every environment (no run_worker_first)", () => {
    for (const env of [undefined, "staging", "production"]) {
      const { assets } = unstable_readConfig({ config: join(root, "wrangler.toml"), env });
      expect(assets?.directory, env).toBe("./public");
      expect(assets?.run_worker_first ?? false, env).toBe(false);
    }
  });

  it("states the licence in LICENSE-DATA as the API does", () => {
    // Its lines wrapped: compared with single spaces.
    const notice = readFileSync(join(root, "LICENSE-DATA"), "utf8").replace(/\s+/g, " ");
    const { title, name, url, legalCodeUrl, attribution } = DATA_LICENCE;
    for (const text of [`${title} licence (${name})`, ` ${url} `, ` ${legalCodeUrl} `, attribution]) {
      expect(notice).toContain(text);
    }
  });
});
