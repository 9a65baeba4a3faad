import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { artifacts, hasChromium, launchChromium, offMachine, openPage, skipReason } from "./chromium";

let browser: Browser;
const site = inject("siteUrl");

/** The GraphQL requests a page sends: their parameters, from the URL (GET) or the body (POST). */
function graphqlRequests(page: Page): { method: string; operationName?: string; query?: string; extensions?: any }[] {
  const sent: { method: string; operationName?: string; query?: string; extensions?: any }[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname !== "/graphql") return;
    if (request.method() === "POST") sent.push({ method: "POST", ...request.postDataJSON() });
    else {
      const extensions = url.searchParams.get("extensions");
      sent.push({
        method: request.method(),
        operationName: url.searchParams.get("operationName") ?? undefined,
        query: url.searchParams.get("query") ?? undefined,
        extensions: extensions ? JSON.parse(extensions) : undefined,
      });
    }
  });
  return sent;
}

const view = (page: Page) => page.locator("#view");
/** The view once it has finished loading. */
async function shown(page: Page): Promise<string> {
  await page.locator("#view:not([aria-busy])").waitFor();
  return view(page).innerText();
}

describe.skipIf(!hasChromium)(
  `the example frontend in Chromium${hasChromium ? "" : ` (skipped: ${skipReason})`}`,
  () => {
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    it("shows the prize history, switches language, opens Norrbotten and searches, with persisted operations", async () => {
      const { page, requests } = await openPage(browser, "example");
      const sent = graphqlRequests(page);
      await page.goto(`${site}/examples/`);

      const edition2022 = page.locator('.edition[data-year="2022"]');
      await expect.poll(() => edition2022.innerText()).toMatch(/Vinnare\s+Norrbottens län/);
      expect(await edition2022.innerText()).toMatch(/Nominerade\s+Norrbottens län, Skåne län, Uppsala län/);
      expect(await page.locator("nav").innerText()).toBe("Årets exportregion\nRegioner\nSök");

      await page.getByRole("button", { name: "English" }).click();
      await expect.poll(() => edition2022.innerText()).toMatch(/Winner\s+Norrbotten County/);
      expect(await page.locator("h1").innerText()).toBe("Swedish export promotion");
      expect(await page.locator("nav").innerText()).toBe("Export Region of the Year\nRegions\nSearch");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator("#search input").getAttribute("placeholder")).toBe(
        "Search regions, interviews, people …",
      );

      await page.locator("nav a", { hasText: "Regions" }).click();
      await expect.poll(() => shown(page)).toContain("Choose a region (21)");
      expect(await page.locator("ul.regions li").count()).toBe(21);
      await page.getByRole("link", { name: "Norrbotten County" }).click();
      const profile = page.locator('.region[data-region="SE-BD"]');
      await expect.poll(() => profile.innerText()).toContain("2022 Export Region of the Year: won");
      expect(await profile.innerText()).toMatch(/Seat\s+Luleå/);
      expect(await page.locator('nav a[aria-current="page"]').allInnerTexts()).toEqual(["Regions"]);
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, "example-norrbotten.png"), fullPage: true });

      await page.locator("#search input").fill("Luleå");
      await page.locator("#search button").click();
      await expect.poll(() => shown(page)).toMatch(/Search: “Luleå”\s+\d+ results/);
      expect(await page.locator('.hits li[data-type="Region"] a').allInnerTexts()).toContain("Norrbotten County");
      expect(await page.locator(".hits mark").count()).toBeGreaterThan(0);

      // Every operation went by its persisted hash alone, by GET, and the server knew it.
      expect(sent.map((r) => [r.method, r.operationName])).toEqual(
        ["WebPrizeHistory", "WebPrizeHistory", "WebRegions", "WebRegion", "WebSearch"].map((name) => ["GET", name]),
      );
      for (const r of sent) {
        expect(r.extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
        expect(r.query).toBeUndefined();
      }
      expect(offMachine(requests)).toEqual([]);
    });

    it("shows an interview's questions and answers, marking translations", async () => {
      const { page, requests } = await openPage(browser, "example-interview");
      await page.goto(`${site}/examples/#/region/SE-BD`);
      await page.locator(".region a[href^='#/interview/']").first().click();
      await expect.poll(() => page.locator(".qa dt").count()).toBeGreaterThan(2);
      expect(await page.locator(".interview h2").innerText()).toContain("Lars-Åke Isaksson");
      expect(await page.locator(".interview .translated").count()).toBe(0); // Swedish: the source's words

      await page.getByRole("button", { name: "English" }).click();
      await expect.poll(() => page.locator(".qa .translated").count()).toBeGreaterThan(0);
      expect(await page.locator(".qa .translated").first().innerText()).toBe("(translated by the project)");
      expect(offMachine(requests)).toEqual([]);
    });

    it("falls back to the full query when the server does not know the hash", async () => {
      const { page, requests } = await openPage(browser, "example-fallback");
      const sent = graphqlRequests(page);
      // The server is asked for a hash it does not know.
      await page.route("**/graphql?*", async (route) => {
        const url = new URL(route.request().url());
        url.searchParams.set(
          "extensions",
          JSON.stringify({ persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } }),
        );
        await route.continue({ url: url.href });
      });
      await page.goto(`${site}/examples/#/region/SE-BD`);
      await expect.poll(() => shown(page)).toContain("2022 Årets exportregion: vann");
      expect(sent.map((r) => [r.method, r.operationName, r.query !== undefined])).toEqual([
        ["GET", "WebRegion", false],
        ["POST", "WebRegion", true],
      ]);
      expect(offMachine(requests)).toEqual([]);
    });

    it("shows loading and error states, and recovers on retry", async () => {
      const { page, requests } = await openPage(browser, "example-error");
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      const graphql = (url: URL) => url.pathname === "/graphql";
      await page.route(graphql, async (route) => {
        await held;
        await route.abort("connectionrefused");
      });
      await page.goto(`${site}/examples/#/regions`);
      await expect.poll(() => view(page).innerText()).toBe("Hämtar …");
      expect(await view(page).getAttribute("aria-busy")).toBe("true");
      release();
      await expect.poll(() => page.getByRole("alert").innerText()).toMatch(/^Något gick fel: network: .+ Försök igen$/);

      await page.unroute(graphql);
      await page.getByRole("button", { name: "Försök igen" }).click();
      await expect.poll(() => shown(page)).toContain("Välj en region (21)");
      expect(offMachine(requests)).toEqual([]);
    });

    it("fits a narrow (mobile) window", async () => {
      const { page, requests } = await openPage(browser, "example-narrow", { width: 360, height: 740 });
      await page.goto(`${site}/examples/#/region/SE-BD`);
      await expect.poll(() => shown(page)).toContain("Norrbottens län");
      const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
      expect(widths.page).toBeLessThanOrEqual(widths.window);
      expect(offMachine(requests)).toEqual([]);
    });
  },
);
