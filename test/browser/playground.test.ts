import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { hasChromium, launchChromium, offMachine, openPage, skipReason } from "./chromium";

/** The response pane's text; Monaco wraps long lines, so whitespace runs become one space. */
async function responseText(page: Page): Promise<string> {
  const text = await page.locator(".graphiql-response .view-lines").innerText();
  return text.replace(/[\s\u00a0]+/g, " ");
}

let browser: Browser;
const site = inject("siteUrl");

describe.skipIf(!hasChromium)(`the playground in Chromium${hasChromium ? "" : ` (skipped: ${skipReason})`}`, () => {
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  it("runs a query and shows the result, loading nothing from outside this machine", async () => {
    const { page, requests } = await openPage(browser, "playground");
    await page.goto(`${site}/graphql?query=${encodeURIComponent("{ about }")}`);
    await page.locator(".graphiql-execute-button").click();
    await expect
      .poll(() => responseText(page), { timeout: 15_000 })
      .toContain(
        `"about": "Swedish export promotion: the Government's export prizes, the 21 regions, interviews, people and organizations."`,
      );
    expect(requests.map((url) => url.pathname)).toEqual(
      expect.arrayContaining(["/graphiql/yoga-graphiql.umd.js", "/graphiql/graphiql.css", "/graphql"]),
    );
    expect(offMachine(requests)).toEqual([]);
  });
});
