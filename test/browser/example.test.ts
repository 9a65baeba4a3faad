import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { kinds as declared } from "../../src/data/entities";
import { artifacts, hasChromium, launchChromium, offMachine, openPage, skipReason } from "./chromium";

let browser: Browser;
const site = inject("siteUrl");

/** A phone (an iPhone 14's CSS pixels) and a desktop window: every page is tried at both. */
const widths = {
  phone: { width: 390, height: 844 },
  desktop: { width: 1280, height: 900 },
};

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
const hash = (page: Page) => new URL(page.url()).hash;
const searchBox = (page: Page) => page.locator("#search input");

/** What a person sees: test/artifacts/<name>.png, the whole page. */
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
}

/**
 * What a search hit of each kind is called in each language, as the API labels it
 * (`SearchEdge.kindLabel`, declared with each kind): never the API's type name.
 */
const kinds = {
  SV: Object.fromEntries(Object.values(declared).flatMap((k) => (k.search ? [[k.type, k.search.label.sv]] : []))),
  EN: Object.fromEntries(Object.values(declared).flatMap((k) => (k.search ? [[k.type, k.search.label.en]] : []))),
};

/** Nothing wider than the window (no sideways scrolling on a phone). */
async function fitsWidth(page: Page): Promise<void> {
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, window: innerWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.window);
}

describe.skipIf(!hasChromium)(
  `the example frontend in Chromium${hasChromium ? "" : ` (skipped: ${skipReason})`}`,
  () => {
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(() => browser?.close());

    describe.each(Object.entries(widths))("at %s width", (width, viewport) => {
      it("shows both prizes, every edition's winner and nominees, and a motivation or why there is none", async () => {
        const { page, requests } = await openPage(browser, `example-prizes-${width}`, viewport);
        await page.goto(`${site}/examples/#/sv/prizes`);
        await expect.poll(() => shown(page)).toContain("Regeringens exportpriser");
        expect(await page.locator(".award h3").allInnerTexts()).toEqual(["Årets exportregion", "Årets exportsuccé"]);
        expect(await page.title()).toBe("Exportpriserna · Svenskt exportfrämjande");

        const edition = (award: string, year: number) =>
          page.locator(`.edition[data-award="${award}"][data-year="${year}"]`);
        const region2022 = await edition("arets-exportregion", 2022).innerText();
        expect(region2022).toMatch(/Vinnare\s+Norrbottens län/);
        expect(region2022).toMatch(/Nominerade\s+Norrbottens län, Skåne län, Uppsala län/);
        expect(region2022).toMatch(/Motivering\s+Trots att Norrbotten är en stor region/);
        // 2021 has no motivation in the dataset: the edition's notes say why.
        const region2021 = await edition("arets-exportregion", 2021).innerText();
        expect(region2021).toMatch(/Vinnare\s+Hallands län/);
        expect(region2021).toMatch(
          /Motivering\s+Projektets anmärkning: Regeringens webbplats regeringen\.se har en motivering för var och en av de nominerade 2021/,
        );
        const success2022 = await edition("arets-exportsucce", 2022).innerText();
        expect(success2022).toMatch(/Vinnare\s+Nordic Biomarker \(Umeå\)/);
        expect(success2022).toMatch(/Nominerade\s+Nordic Biomarker \(Umeå\), AIM Apparel, Broddson/);
        expect(success2022).toMatch(/Motivering\s+Ingen av källorna ger en motivering\./);
        expect(success2022).toMatch(
          /Om Nordic Biomarker\s+Nordic Biomarker har sin bas i Umeå och verkar inom life science\./,
        );
        const success2021 = await edition("arets-exportsucce", 2021).innerText();
        expect(success2021).toMatch(/Vinnare\s+BICO Group \(Göteborg\)/);
        expect(success2021).toMatch(/Nominerade\s+BICO Group \(Göteborg\), Nick's, OrganoWood/);
        // In Swedish no text is a translation; the companies' facts are the project's words.
        expect(await page.locator(".translation-note").allInnerTexts()).toEqual([
          "Skrivet av projektet: fakta om Nordic Biomarker och fakta om BICO Group.",
        ]);
        await fitsWidth(page);

        await page.getByRole("link", { name: "English" }).click();
        await expect.poll(() => edition("arets-exportregion", 2021).innerText()).toMatch(/Winner\s+Halland County/);
        expect(await edition("arets-exportregion", 2021).innerText()).toMatch(
          /Motivation\s+The project's note: The Government's website regeringen\.se has a motivation for each 2021 nominee/,
        );
        expect(await page.locator(".award h3").allInnerTexts()).toEqual([
          "Export Region of the Year",
          "Exporter of the Year",
        ]);
        expect(await page.locator(".translation-note").allInnerTexts()).toEqual([
          "Translated by the project from Swedish: the purpose of Export Region of the Year and the motivation for Export Region of the Year 2022. Written by the project: the facts about Nordic Biomarker and the facts about BICO Group.",
        ]);
        expect(await page.title()).toBe("Export prizes · Swedish export promotion");
        await fitsWidth(page);
        await screenshot(page, `example-prizes-${width}`);
        expect(offMachine(requests)).toEqual([]);
      });

      it("shows why a region was nominated on its profile: the facts, the figures and the people", async () => {
        const { page, requests } = await openPage(browser, `example-reasons-${width}`, viewport);
        await page.goto(`${site}/examples/#/sv/region/SE-N`);
        const nomination2021 = page.locator('.region li[data-edition="arets-exportregion-2021"]');
        await expect.poll(() => nomination2021.innerText()).toMatch(/^2021 Årets exportregion: vann\s+Skäl/);
        const halland = await nomination2021.innerText();
        expect(halland).toContain(
          "Små och medelstora företag i Halland ökade sin varuexport per invånare med 27 procent mellan 2016 och 2020.",
        );
        expect(await nomination2021.locator(".figures li").allInnerTexts()).toEqual([
          "Förändring av små och medelstora företags varuexport per invånare, 2016–2020: +27\u00a0%",
          "Varuexporterande små och medelstora företag per 100 000 invånare: 363 per 100 000 invånare",
        ]);
        expect(await page.locator(".translation-note").allInnerTexts()).toEqual([
          "Skrivet av projektet: skälen till nomineringarna och siffrornas rubriker.",
        ]);
        await fitsWidth(page);

        await page.getByRole("link", { name: "English" }).click();
        await expect
          .poll(() => nomination2021.locator(".figures li").allInnerTexts())
          .toEqual([
            "Change in goods exports per inhabitant by small and medium-sized companies, 2016–2020: +27%",
            "Goods-exporting small and medium-sized companies per 100,000 inhabitants: 363 per 100,000 inhabitants",
          ]);
        expect(await nomination2021.innerText()).toMatch(/^2021 Export Region of the Year: won\s+Reasons/);
        await screenshot(page, `example-reasons-${width}`);

        // Skåne's 2022 reasons name the people around the nomination, with roles in English (translations).
        await page.goto(`${site}/examples/#/en/region/SE-M`);
        const skane2022 = page.locator('.region li[data-edition="arets-exportregion-2022"]');
        await expect.poll(() => skane2022.innerText()).toMatch(/^2022 Export Region of the Year: nominated\s+Reasons/);
        expect(await skane2022.locator(".reasons p").innerText()).toBe(
          "Jennika Gill Noltorp, business developer, responsible for export cooperation in Skåne; Ulrika Geeraedts, development director",
        );
        expect(await page.locator(".translation-note").allInnerTexts()).toEqual([
          "Translated by the project from Swedish: the people's roles. Written by the project: the reasons for the nominations.",
        ]);
        expect(offMachine(requests)).toEqual([]);
      });

      it("shows an interview, saying once which texts are the project's", async () => {
        const { page, requests } = await openPage(browser, `example-interview-${width}`, viewport);
        await page.goto(`${site}/examples/#/en/region/SE-BD`);
        await page.locator(".region a[href*='/interview/']").first().click();
        await expect.poll(() => page.locator(".qa dt").count()).toBe(3);
        expect(hash(page)).toBe("#/en/interview/lars-ake-isaksson-een-norrbotten");
        expect(await page.title()).toBe(
          "Lars-Åke Isaksson, EEN adviser at LTU Business, on Norrbotten's export success · Swedish export promotion",
        );
        expect(await page.locator(".translation-note").allInnerTexts()).toEqual([
          "Translated by the project from Swedish: the title, the introduction, the interviewee's role, the questions and the answers.",
        ]);
        expect(await page.locator("body").innerText()).not.toMatch(/\(translated by the project\)/i);
        expect(await page.locator(".qa [data-translation]").count()).toBe(6);
        await fitsWidth(page);
        await screenshot(page, `example-interview-${width}`);

        // The article's words are the Swedish text; only the title is the project's.
        await page.getByRole("link", { name: "Svenska" }).click();
        await expect
          .poll(() => page.locator(".translation-note").allInnerTexts())
          .toEqual(["Skrivet av projektet: rubriken."]);
        expect(await page.locator(".interview [data-translation]").count()).toBe(0);
        expect(await page.locator(".qa dt").first().innerText()).toMatch(
          /^Lars-Åke Isaksson, EEN-rådgivare på LTU Business, vad/,
        );
        expect(offMachine(requests)).toEqual([]);
      });

      it("shows a not-found page for an unknown region, interview or address, in the page's language", async () => {
        const { page, requests } = await openPage(browser, `example-not-found-${width}`, viewport);
        await page.goto(`${site}/examples/#/sv/region/SE-XX`);
        await expect
          .poll(() => shown(page))
          .toBe("Sidan finns inte\n\nDet finns ingen region med koden ”SE-XX”.\n\nTill exportpriserna · Alla regioner");
        expect(await page.title()).toBe("Sidan finns inte · Svenskt exportfrämjande");
        expect(await page.getByRole("alert").count()).toBe(0);
        await fitsWidth(page);
        await screenshot(page, `example-not-found-${width}`);

        await page.getByRole("link", { name: "English" }).click();
        await expect.poll(() => shown(page)).toContain("There is no region with the code “SE-XX”.");
        expect(hash(page)).toBe("#/en/region/SE-XX");
        expect(await page.title()).toBe("Page not found · Swedish export promotion");
        await page.getByRole("link", { name: "All regions" }).click();
        await expect.poll(() => shown(page)).toContain("Choose a region (21)");

        for (const [address, text] of [
          ["#/en/interview/no-such-interview", "There is no interview called “no-such-interview”."],
          ["#/en/nowhere/at/all", "The address “/nowhere/at/all” leads to no page here."],
          ["#/en/regions/extra", "The address “/regions/extra” leads to no page here."],
          ["#/sv/region/%E0%A4%A", "Adressen ”/region/%E0%A4%A” leder inte till någon sida här."],
          ["#/sv/prizes/no-such-prize", "Inget pris, prisår eller företag heter ”no-such-prize”."],
          ["#/en/__proto__", "The address “/__proto__” leads to no page here."],
          ["#/en/constructor/x", "The address “/constructor/x” leads to no page here."],
          ["#/en/region/%20", "The address “/region/%20” leads to no page here."],
        ]) {
          await page.goto(`${site}/examples/${address}`);
          await expect.poll(() => shown(page)).toContain(text!);
          expect(await page.locator(".not-found h2").count()).toBe(1);
        }
        expect(offMachine(requests)).toEqual([]);
      });

      it("keeps the language in the address: shareable, through reload, back and forward", async () => {
        const { page, requests } = await openPage(browser, `example-language-${width}`, viewport);
        await page.goto(`${site}/examples/#/en/region/SE-BD`);
        await expect.poll(() => shown(page)).toContain("Norrbotten County");
        expect(await page.locator("html").getAttribute("lang")).toBe("en");
        expect(await page.title()).toBe("Norrbotten County · Swedish export promotion");
        await page.reload();
        await expect.poll(() => shown(page)).toContain("Norrbotten County");
        expect(await page.locator('.language a[aria-current="true"]').innerText()).toBe("English");

        await page.getByRole("link", { name: "Svenska" }).click();
        await expect.poll(() => page.title()).toBe("Norrbottens län · Svenskt exportfrämjande");
        expect(hash(page)).toBe("#/sv/region/SE-BD");
        expect(await page.locator("html").getAttribute("lang")).toBe("sv");
        await page.goBack();
        await expect.poll(() => page.title()).toBe("Norrbotten County · Swedish export promotion");
        expect(hash(page)).toBe("#/en/region/SE-BD");
        expect(await shown(page)).toMatch(/Seat\s+Luleå/);
        await page.goForward();
        await expect.poll(() => page.title()).toBe("Norrbottens län · Svenskt exportfrämjande");
        expect(await shown(page)).toMatch(/Residensstad\s+Luleå/);

        // An address without a language (an older link) gets the last one chosen, in place.
        await page.goto(`${site}/examples/#/regions`);
        await expect.poll(() => page.title()).toBe("Regioner · Svenskt exportfrämjande");
        expect(hash(page)).toBe("#/sv/regions");
        await page.getByRole("link", { name: "English" }).click();
        await expect.poll(() => page.title()).toBe("Regions · Swedish export promotion");
        await page.goto(`${site}/examples/`);
        await expect.poll(() => page.title()).toBe("Export prizes · Swedish export promotion");
        expect(hash(page)).toBe("#/en/prizes");
        expect(offMachine(requests)).toEqual([]);
      });

      it("searches: the box shows the query (also after back and forward), hits are labelled in the page's language", async () => {
        const { page, requests } = await openPage(browser, `example-search-${width}`, viewport);
        await page.goto(`${site}/examples/#/sv/prizes`);
        await shown(page);
        await searchBox(page).fill("export");
        await searchBox(page).press("Enter");
        await expect.poll(() => shown(page)).toMatch(/^Sök: ”export”\s+\d+ träffar/);
        expect(hash(page)).toBe("#/sv/search/export");
        expect(await page.title()).toBe("Sök: ”export” · Svenskt exportfrämjande");
        const labels = (page: Page) =>
          page
            .locator(".hits li")
            .evaluateAll((items) =>
              items.map((li) => [li.getAttribute("data-type"), li.querySelector(".kind")?.textContent]),
            );
        const swedish = await labels(page);
        expect(new Set(swedish.map(([type]) => type)).size).toBeGreaterThanOrEqual(5);
        for (const [type, label] of swedish) expect(label, type!).toBe(kinds.SV[type!]);
        await fitsWidth(page);
        await screenshot(page, `example-search-${width}`);

        await page.getByRole("link", { name: "English" }).click();
        await expect.poll(() => shown(page)).toMatch(/^Search: “export”\s+\d+ results/);
        expect(await searchBox(page).inputValue()).toBe("export");
        const english = await labels(page);
        expect(english.map(([type]) => type)).toEqual(swedish.map(([type]) => type));
        for (const [type, label] of english) expect(label, type!).toBe(kinds.EN[type!]);

        // Following a hit clears the box; back brings the query back into it.
        await page.locator('.hits li[data-type="ExportCooperation"] a').first().click();
        await expect.poll(() => shown(page)).toContain("Norrbotten County");
        expect(await searchBox(page).inputValue()).toBe("");
        await page.goBack();
        await expect.poll(() => searchBox(page).inputValue()).toBe("export");
        await page.goForward();
        await expect.poll(() => searchBox(page).inputValue()).toBe("");

        // A nomination's reasons lead to the nominated region's profile.
        await page.goto(`${site}/examples/#/sv/search/varuexport`);
        const reasonsHit = page.locator('.hits li[data-type="NominationReasons"]').first();
        await expect.poll(() => reasonsHit.locator(".kind").innerText()).toBe(kinds.SV.NominationReasons);
        await reasonsHit.locator("a").click();
        await expect.poll(() => page.locator(".region .reasons").count()).toBeGreaterThan(0);
        expect(hash(page)).toMatch(/^#\/sv\/region\/SE-[A-Z]+$/);

        // A company's hit leads to the edition that nominated it.
        await page.goto(`${site}/examples/#/en/search/${encodeURIComponent("BICO Group")}`);
        await expect.poll(() => searchBox(page).inputValue()).toBe("BICO Group");
        await page.locator('.hits li[data-type="Company"] a', { hasText: "BICO Group" }).click();
        await expect.poll(() => page.locator(".edition.target").getAttribute("id")).toBe("arets-exportsucce-2021");
        expect(hash(page)).toBe("#/en/prizes/bico-group");
        expect(offMachine(requests)).toEqual([]);
      });
    });

    it("gives every page its own title", async () => {
      const { page, requests } = await openPage(browser, "example-titles");
      const titles: Record<string, string> = {
        "#/sv/prizes": "Exportpriserna · Svenskt exportfrämjande",
        "#/sv/regions": "Regioner · Svenskt exportfrämjande",
        "#/sv/region/SE-BD": "Norrbottens län · Svenskt exportfrämjande",
        "#/en/region/SE-AC": "Västerbotten County · Swedish export promotion",
        "#/sv/interview/lars-ake-isaksson-een-norrbotten":
          "Lars-Åke Isaksson, EEN-rådgivare på LTU Business, om exportframgångarna i Norrbotten · Svenskt exportfrämjande",
        "#/en/search/Lule%C3%A5": "Search: “Luleå” · Swedish export promotion",
        "#/en/search": "Search · Swedish export promotion",
        "#/en/prizes/arets-exportregion-2021": "Export prizes · Swedish export promotion",
        "#/en/nope": "Page not found · Swedish export promotion",
      };
      for (const [address, title] of Object.entries(titles)) {
        await page.goto(`${site}/examples/${address}`);
        await expect.poll(() => page.title()).toBe(title);
      }
      // A query is text wherever it is shown, never markup.
      const markup = "<img src=x onerror=alert(1)>";
      await page.goto(`${site}/examples/#/en/search/${encodeURIComponent(markup)}`);
      await expect.poll(() => page.title()).toBe(`Search: “${markup}” · Swedish export promotion`);
      expect(await page.locator("#view h2").innerText()).toBe(`Search: “${markup}”`);
      expect(await page.locator("#view img").count()).toBe(0);
      expect(await searchBox(page).inputValue()).toBe(markup);
      expect(offMachine(requests)).toEqual([]);
    });

    it("sends every operation by its persisted hash alone, by GET", async () => {
      const { page, requests } = await openPage(browser, "example");
      const sent = graphqlRequests(page);
      await page.goto(`${site}/examples/`);
      await expect.poll(() => shown(page)).toContain("Regeringens exportpriser");
      expect(await page.locator("nav.sections").innerText()).toBe("Exportpriserna\nRegioner\nSök");

      await page.getByRole("link", { name: "English" }).click();
      await expect.poll(() => shown(page)).toContain("The Government's export prizes");
      expect(await page.locator("h1").innerText()).toBe("Swedish export promotion");
      expect(await page.locator("nav.sections").innerText()).toBe("Export prizes\nRegions\nSearch");
      expect(await searchBox(page).getAttribute("placeholder")).toBe("Search regions, interviews, people …");

      await page.locator("nav.sections a", { hasText: "Regions" }).click();
      await expect.poll(() => shown(page)).toContain("Choose a region (21)");
      expect(await page.locator("ul.regions li").count()).toBe(21);
      await page.getByRole("link", { name: "Norrbotten County" }).click();
      const profile = page.locator('.region[data-region="SE-BD"]');
      await expect.poll(() => profile.innerText()).toContain("2022 Export Region of the Year: won");
      expect(await profile.innerText()).toMatch(/Seat\s+Luleå/);
      expect(await page.locator('nav.sections a[aria-current="page"]').allInnerTexts()).toEqual(["Regions"]);
      await screenshot(page, "example-norrbotten");

      await searchBox(page).fill("Luleå");
      await page.locator("#search button").click();
      await expect.poll(() => shown(page)).toMatch(/Search: “Luleå”\s+\d+ results/);
      expect(await page.locator('.hits li[data-type="Region"] a').allInnerTexts()).toContain("Norrbotten County");
      expect(await page.locator(".hits mark").count()).toBeGreaterThan(0);

      expect(sent.map((r) => [r.method, r.operationName])).toEqual(
        ["WebPrizeHistory", "WebPrizeHistory", "WebRegions", "WebRegion", "WebSearch"].map((name) => ["GET", name]),
      );
      for (const r of sent) {
        expect(r.extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
        expect(r.query).toBeUndefined();
      }
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
      await page.goto(`${site}/examples/#/sv/region/SE-BD`);
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
      await page.goto(`${site}/examples/#/sv/regions`);
      await expect.poll(() => view(page).innerText()).toBe("Hämtar …");
      expect(await view(page).getAttribute("aria-busy")).toBe("true");
      release();
      await expect.poll(() => page.getByRole("alert").innerText()).toMatch(/^Något gick fel: network: .+ Försök igen$/);
      expect(await page.title()).toBe("Något gick fel · Svenskt exportfrämjande");

      await page.unroute(graphql);
      await page.getByRole("button", { name: "Försök igen" }).click();
      await expect.poll(() => shown(page)).toContain("Välj en region (21)");
      expect(offMachine(requests)).toEqual([]);
    });
  },
);
