// /docs/ in Chromium: the schema reference names every type, field, argument and enum value of
// schema/schema.graphql (read from the SDL, not a list kept here) with their descriptions and
// deprecations; its links between types lead somewhere; the guide's pages (README.md and
// docs/*.md) each have a table of contents; nothing is loaded from outside this machine (every
// other request is intercepted and refused); and no page scrolls sideways on a phone.
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  buildSchema,
  type GraphQLField,
  type GraphQLInputField,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
} from "graphql";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { root } from "../node/deployable";
import { artifacts, hasChromium, launchChromium, offMachine, openPage, skipReason, type TestPage } from "./chromium";

let browser: Browser;
const site = inject("siteUrl");
const phone = { width: 390, height: 844 };

const schema = buildSchema(readFileSync(join(root, "schema", "schema.graphql"), "utf8"));
const types = Object.values(schema.getTypeMap()).filter((t) => !t.name.startsWith("__"));
const guidePages = [
  "readme",
  ...readdirSync(join(root, "docs")).flatMap((f) => (f.endsWith(".md") ? [f.slice(0, -3)] : [])),
];

/** A description as a reader sees it: the start of its first sentence, without Markdown's marks. */
function readable(description: string | null | undefined): string | null {
  if (!description) return null;
  const text = description
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return text.split(" ").slice(0, 6).join(" ");
}

/** A page whose requests to anything but this machine are refused, and listed. */
async function localPage(
  name: string,
  viewport = { width: 1280, height: 900 },
): Promise<TestPage & { refused: string[] }> {
  const opened = await openPage(browser, name, viewport);
  const refused: string[] = [];
  await opened.context.route(
    (url) => offMachine([url]).length > 0,
    (route) => {
      refused.push(route.request().url());
      return route.abort();
    },
  );
  return { ...opened, refused };
}

/** Each type's section of the reference: its heading's id → the text under it, up to the next type. */
function sections(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const found: Record<string, string> = {};
    for (const heading of document.querySelectorAll("main h2[id], main h3[id]")) {
      let text = "";
      for (let el = heading.nextElementSibling; el && !/^H[23]$/.test(el.tagName); el = el.nextElementSibling) {
        text += ` ${(el as HTMLElement).innerText}`;
      }
      found[heading.id] = text.replace(/\s+/g, " ");
    }
    return found;
  });
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));

describe.skipIf(!hasChromium)(`/docs/ in Chromium${hasChromium ? "" : ` (skipped: ${skipReason})`}`, () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("names every type, field, argument and enum value of the schema, with its description", async () => {
    const { page, requests, refused } = await localPage("docs-reference");
    await page.goto(`${site}/docs/`);
    const byId = await sections(page);
    const missing: string[] = [];
    /** Whether the type's section has `text`: a name as a whole word, a description's opening as it reads. */
    const expectIn = (id: string, text: string | null, what: string) => {
      if (!text) return;
      const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const whole = /^\w+$/.test(text) ? "(?!\\w)" : "";
      if (!new RegExp(`(^|[^\\w])${escaped}${whole}`).test(byId[id] ?? "")) missing.push(what);
    };
    for (const type of types) {
      const id = type.name.toLowerCase();
      if (!(id in byId)) {
        missing.push(`type ${type.name}`);
        continue;
      }
      expectIn(id, readable(type.description), `${type.name}'s description`);
      const fields: (GraphQLField<unknown, unknown> | GraphQLInputField)[] =
        isObjectType(type) || isInterfaceType(type) || isInputObjectType(type) ? Object.values(type.getFields()) : [];
      for (const field of fields) {
        expectIn(id, field.name, `${type.name}.${field.name}`);
        expectIn(id, readable(field.description), `${type.name}.${field.name}'s description`);
        if (field.deprecationReason)
          expectIn(id, readable(field.deprecationReason), `${type.name}.${field.name}'s deprecation`);
        for (const arg of "args" in field ? field.args : []) {
          expectIn(id, arg.name, `${type.name}.${field.name}(${arg.name}:)`);
          expectIn(id, readable(arg.description), `${type.name}.${field.name}(${arg.name}:)'s description`);
        }
      }
      for (const value of isEnumType(type) ? type.getValues() : []) {
        expectIn(id, value.name, `${type.name}.${value.name}`);
        expectIn(id, readable(value.description), `${type.name}.${value.name}'s description`);
        if (value.deprecationReason)
          expectIn(id, readable(value.deprecationReason), `${type.name}.${value.name}'s deprecation`);
      }
      for (const member of isUnionType(type) ? type.getTypes() : [])
        expectIn(id, member.name, `${type.name} | ${member.name}`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(byId).length).toBeGreaterThanOrEqual(types.length);
    expect(offMachine(requests)).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("links every type it names to its section, from the index and from the fields", async () => {
    const { page, requests, refused } = await localPage("docs-links");
    await page.goto(`${site}/docs/`);
    const links = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>('main a[href^="#"]')].map((a) =>
        a.getAttribute("href")!.slice(1),
      ),
    );
    const ids = await page.evaluate(() => [...document.querySelectorAll("[id]")].map((el) => el.id));
    expect(links.filter((id) => !ids.includes(id))).toEqual([]);
    // Every type is in the index, and a field's type leads to that type.
    for (const type of types) expect(links, type.name).toContain(type.name.toLowerCase());
    const regionField = page.locator("#query\\.region").locator("xpath=ancestor::tr").locator('a[href="#region"]');
    await regionField.click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe("#region");
    expect(await page.locator("h3#region").isVisible()).toBe(true);
    expect(offMachine(requests)).toEqual([]);
    expect(refused).toEqual([]);
  });

  it.each(["index", ...guidePages])("/docs/%s fits a phone: no sideways scroll, nothing from outside", async (name) => {
    const { page, requests, refused } = await localPage(`docs-${name}-phone`, phone);
    // Each page at its address without .html, as the pages link it: no redirect.
    const response = await page.goto(`${site}/docs/${name === "index" ? "" : name}`);
    expect(response?.status()).toBe(200);
    expect(response?.request().redirectedFrom()).toBeNull();
    const width = await fitsWidth(page);
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    if (name !== "index") {
      // A table of contents whose every link leads to a heading of the page.
      const toc = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLAnchorElement>("nav.toc a")].map((a) => a.getAttribute("href")!.slice(1)),
      );
      expect(toc.length).toBeGreaterThan(0);
      const headings = await page.evaluate(() => [...document.querySelectorAll("h2[id], h3[id]")].map((h) => h.id));
      expect(toc.filter((id) => !headings.includes(id))).toEqual([]);
    }
    if (name === "index" || name === "readme" || name === "http-api") {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `docs-${name}-phone.png`) });
    }
    expect(offMachine(requests)).toEqual([]);
    expect(refused).toEqual([]);
  });

  it("links the guide's pages to each other, not to their Markdown files", async () => {
    const { page } = await localPage("docs-guide-links");
    await page.goto(`${site}/docs/readme`);
    const hrefs = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLAnchorElement>("main a")].map((a) => a.getAttribute("href")!),
    );
    expect(hrefs).toEqual(expect.arrayContaining(["http-api", "limits-and-cost", "queries"]));
    expect(hrefs.filter((href) => /^[\w./-]+\.md(#|$)/.test(href))).toEqual([]);
    const pages = hrefs.filter((href) => /^[\w-]+(#|$)/.test(href));
    expect(pages.length).toBeGreaterThanOrEqual(guidePages.length - 1);
    for (const local of pages) {
      const answer = await page.request.get(new URL(local, `${site}/docs/`).href, { maxRedirects: 0 });
      expect(answer.status(), local).toBe(200);
    }
  });
});
