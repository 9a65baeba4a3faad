import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { executed } from "../executed";
import { artifacts, hasChromium, launchChromium, offMachine, openPage, skipReason } from "./chromium";

/** An editor's visible text; Monaco wraps long lines, so whitespace runs become one space. */
async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator(".view-lines").first().innerText()).replace(/[\s\u00a0]+/g, " ");
}
const responseText = (page: Page) => editorText(page.locator(".graphiql-response"));

let browser: Browser;
const site = inject("siteUrl");
const phone = { width: 390, height: 844 };

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`) });
}

/**
 * Runs the tab on show until its answer is there. GraphiQL learns a new tab's operation name
 * a moment after the switch (until then it answers "Cannot infer operation"), and a click
 * before it has settled can go unheard.
 */
async function runUntil(page: Page, answer: RegExp): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.locator(".graphiql-execute-button").click();
        await page.locator(".graphiql-response .view-lines").first().waitFor();
        return responseText(page);
      },
      { timeout: 15_000, interval: 1_000 },
    )
    .toMatch(answer);
}

/** The relative luminance (0 black … 1 white) of an element's computed background. */
function luminance(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const [r, g, b] = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
    const linear = (c = 0) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  });
}

describe.skipIf(!hasChromium)(`the playground in Chromium${hasChromium ? "" : ` (skipped: ${skipReason})`}`, () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("runs a query and shows the result, loading nothing from outside this machine", async () => {
    const { page, requests } = await openPage(browser, "playground-query");
    await page.goto(`${site}/graphql?query=${encodeURIComponent('{ region(code: "SE-BD") { name(lang: SV) } }')}`);
    await page.locator(".graphiql-execute-button").click();
    await expect
      .poll(async () => JSON.parse((await responseText(page)) || "null"), { timeout: 15_000 })
      .toEqual(executed({ data: { region: { name: "Norrbottens län" } } }));
    expect(requests.map((url) => url.pathname)).toEqual(
      expect.arrayContaining(["/graphiql/yoga-graphiql.umd.js", "/graphiql/graphiql.css", "/graphql"]),
    );
    expect(offMachine(requests)).toEqual([]);
  });

  it("opens on the prize's history in one language, with the persisted operations as tabs, under a header that links the schema reference and the query guide", async () => {
    const { page, requests } = await openPage(browser, "playground-tabs");
    await page.goto(`${site}/graphql`);
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(() => tabs.allInnerTexts()).toEqual(expect.arrayContaining(["PrizeHistory", "RegionProfile"]));
    expect((await tabs.allInnerTexts())[0]).toBe("PrizeHistory");
    await expect
      .poll(() => page.locator("#api-header").innerText())
      .toMatch(/read-only GraphQL API about Swedish export promotion/);

    const variables = page.locator(".graphiql-editor-tool");
    await expect.poll(() => editorText(variables)).toBe('{ "lang": "EN" }');
    const answered = page.waitForResponse(
      (r) => r.request().method() === "POST" && r.request().postDataJSON()?.operationName === "PrizeHistory",
    );
    await runUntil(page, /"name": "Export Region of the Year"/);
    // Every text of the answer in English (the result pane shows only its first lines).
    const answer = JSON.stringify(await (await answered).json());
    expect(answer).toMatch(/"motivation":"Although Norrbotten is a large region/);
    expect(answer).toMatch(/"notes":"The Government's website regeringen\.se/);
    expect(answer).not.toMatch(/Årets|län"|Regeringens/);
    // On a desktop the result stays beside the editors.
    const editors = (await page.locator(".graphiql-editors").boundingBox())!;
    const result = (await page.locator(".graphiql-response").boundingBox())!;
    expect(result.x).toBeGreaterThanOrEqual(editors.x + editors.width);
    expect(result.width).toBeGreaterThanOrEqual(400);
    await screenshot(page, "playground-desktop");

    await expect
      .poll(async () => {
        await tabs.filter({ hasText: "RegionProfile" }).click();
        return editorText(variables);
      })
      .toBe('{ "code": "SE-BD" }');
    await runUntil(page, /"name": "Norrbotten County"/);
    await expect.poll(() => responseText(page)).toMatch(/"won": true, "edition": \{ "year": 2022/);

    const guide = page.locator("#api-header a", { hasText: "Query guide" });
    const response = await page.request.get(new URL((await guide.getAttribute("href"))!, site).href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('<h1 id="query-guide">Query guide</h1>');
    const reference = page.locator("#api-header a", { hasText: "Schema reference" });
    expect(await reference.getAttribute("href")).toBe("/docs/");
    const docs = await page.request.get(new URL("/docs/", site).href);
    expect(docs.status()).toBe(200);
    expect(await docs.text()).toContain('<h1 id="schema-reference">Schema reference</h1>');
    expect(offMachine(requests)).toEqual([]);
  });

  it("fits a phone: a compact header, nothing over the tabs, the result under the editors and readable", async () => {
    const { page, requests } = await openPage(browser, "playground-phone", phone);
    await page.goto(`${site}/graphql`);
    await runUntil(page, /"name": "Export Region of the Year"/);

    const header = (await page.locator("#api-header").boundingBox())!;
    expect(header.height).toBeLessThanOrEqual(phone.height / 12);
    expect(await page.locator("#api-header").innerText()).toBe(
      "Swedish export promotion API\nSchema reference · Query guide · Example frontend",
    );
    expect(await page.locator(".graphiql-logo").isVisible()).toBe(false);
    // The tab strip is what the session header shows, whole.
    const strip = (await page.locator(".graphiql-session-header").boundingBox())!;
    const tab = (await page.locator(".graphiql-tab").first().boundingBox())!;
    expect(tab.y).toBeGreaterThanOrEqual(strip.y);
    expect(tab.y + tab.height).toBeLessThanOrEqual(strip.y + strip.height + 1);

    const editors = (await page.locator(".graphiql-editors").boundingBox())!;
    const result = (await page.locator(".graphiql-response").boundingBox())!;
    expect(result.y).toBeGreaterThanOrEqual(editors.y + editors.height - 1);
    expect(result.width).toBeGreaterThanOrEqual(phone.width * 0.7);
    expect(result.height).toBeGreaterThanOrEqual(phone.height / 3);
    // Lines of JSON, not a character per line.
    const lines = (await page.locator(".graphiql-response .view-line").allInnerTexts()).map((l) =>
      l.replace(/\u00a0/g, " ").trim(),
    );
    expect(lines.length).toBeGreaterThanOrEqual(12);
    expect(lines.slice(0, 3)).toEqual(["{", '"data": {', '"award": {']);
    expect(Math.max(...lines.map((l) => l.length))).toBeGreaterThanOrEqual(20);
    const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.window);
    await screenshot(page, "playground-phone");

    // The docs take the whole width while open.
    await page.getByRole("button", { name: /show documentation explorer/i }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await expect.poll(() => docs.innerText()).toContain("Query");
    expect((await page.locator(".graphiql-plugin").boundingBox())!.width).toBeGreaterThanOrEqual(phone.width * 0.75);
    expect(await page.locator(".graphiql-sessions").isVisible()).toBe(false);
    await screenshot(page, "playground-phone-docs");
    expect(offMachine(requests)).toEqual([]);
  });

  it.each([
    ["phone", phone],
    ["desktop", { width: 1280, height: 900 }],
  ])(
    "is dark in dark mode, header included, and follows GraphiQL's own theme setting (%s)",
    async (width, viewport) => {
      const { page, requests } = await openPage(browser, `playground-dark-${width}`, viewport);
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto(`${site}/graphql`);
      await runUntil(page, /"name": "Export Region of the Year"/);
      const header = page.locator("#api-header");
      const container = page.locator(".graphiql-container").first();
      expect(await luminance(container)).toBeLessThan(0.05);
      expect(await luminance(header)).toBeLessThan(0.05);
      expect(await luminance(page.locator("body"))).toBeLessThan(0.05);
      await screenshot(page, `playground-dark-${width}`);

      // GraphiQL's settings: Light under a dark system, then Dark under a light one.
      const choose = async (theme: "Light" | "Dark") => {
        await page.getByRole("button", { name: /settings/i }).click();
        await page.getByRole("button", { name: theme, exact: true }).click();
        await page.keyboard.press("Escape");
      };
      await choose("Light");
      await expect.poll(() => luminance(container)).toBeGreaterThan(0.9);
      expect(await luminance(header)).toBeGreaterThan(0.85);
      await page.emulateMedia({ colorScheme: "light" });
      await choose("Dark");
      await expect.poll(() => luminance(container)).toBeLessThan(0.05);
      expect(await luminance(header)).toBeLessThan(0.05);
      expect(offMachine(requests)).toEqual([]);
    },
  );

  it("browses the schema's documentation", async () => {
    const { page, requests } = await openPage(browser, "playground-docs");
    await page.goto(`${site}/graphql`);
    await page.getByRole("button", { name: /show documentation explorer/i }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await expect.poll(() => docs.innerText()).toContain("Query");
    await docs.getByText("Query", { exact: true }).click();
    await expect.poll(() => docs.innerText()).toContain("The entry points of the Swedish export promotion API.");
    await screenshot(page, "playground-desktop-docs");
    expect(offMachine(requests)).toEqual([]);
  });
});
