import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { hasChromium, launchChromium, offMachine, openPage, skipReason } from "./chromium";

/** An editor's visible text; Monaco wraps long lines, so whitespace runs become one space. */
async function editorText(editor: Locator): Promise<string> {
  return (await editor.locator(".view-lines").first().innerText()).replace(/[\s\u00a0]+/g, " ");
}
const responseText = (page: Page) => editorText(page.locator(".graphiql-response"));

let browser: Browser;
const site = inject("siteUrl");

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
      .poll(() => responseText(page), { timeout: 15_000 })
      .toBe(
        '{ "data": { "region": { "name": "Norrbottens län" } }, "extensions": { "cost": { "requestedQueryCost": 2, "maximumAvailable": 1000 } } }',
      );
    expect(requests.map((url) => url.pathname)).toEqual(
      expect.arrayContaining(["/graphiql/yoga-graphiql.umd.js", "/graphiql/graphiql.css", "/graphql"]),
    );
    expect(offMachine(requests)).toEqual([]);
  });

  it("opens with the persisted operations as tabs, ready to run, under a header that links the query guide", async () => {
    const { page, requests } = await openPage(browser, "playground-tabs");
    await page.goto(`${site}/graphql`);
    const tabs = page.locator(".graphiql-tab");
    await expect.poll(() => tabs.allInnerTexts()).toEqual(expect.arrayContaining(["PrizeHistory", "RegionProfile"]));
    await expect
      .poll(() => page.locator("#api-header").innerText())
      .toMatch(/read-only GraphQL API about Swedish export promotion/);

    // A click before GraphiQL has settled can go unheard: click until the tab is shown.
    const variables = page.locator(".graphiql-editor-tool");
    await expect
      .poll(async () => {
        await tabs.filter({ hasText: "RegionProfile" }).click();
        return editorText(variables);
      })
      .toBe('{ "code": "SE-BD" }');
    // GraphiQL learns the new tab's operation name a moment after the switch; until then
    // it answers "Cannot infer operation". Run again until it has.
    await expect
      .poll(
        async () => {
          await page.locator(".graphiql-execute-button").click();
          await page.locator(".graphiql-response .view-lines").first().waitFor();
          return responseText(page);
        },
        { timeout: 15_000, interval: 1_000 },
      )
      .toMatch(/"name": "Norrbotten County"/);
    await expect.poll(() => responseText(page)).toMatch(/"won": true, "edition": \{ "year": 2022/);

    const guide = page.locator("#api-header a", { hasText: "Query guide" });
    const response = await page.request.get(new URL((await guide.getAttribute("href"))!, site).href);
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain('id="query-guide"');
    expect(offMachine(requests)).toEqual([]);
  });

  it("browses the schema's documentation", async () => {
    const { page, requests } = await openPage(browser, "playground-docs");
    await page.goto(`${site}/graphql`);
    await page.getByRole("button", { name: /show documentation explorer/i }).click();
    const docs = page.locator(".graphiql-doc-explorer");
    await expect.poll(() => docs.innerText()).toContain("Query");
    await docs.getByText("Query", { exact: true }).click();
    await expect.poll(() => docs.innerText()).toContain("The entry points of the Swedish export promotion API.");
    expect(offMachine(requests)).toEqual([]);
  });
});
