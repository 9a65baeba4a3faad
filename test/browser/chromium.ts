// Drives Debian's Chromium with playwright-core (Playwright's own browser download cannot
// work on these machines): its headless shell when installed, which is what Playwright itself
// runs for headless tests (the same Blink at about half the CPU of the full browser: 41.7
// against 77.5 core-seconds for `npx vitest run --project browser`, read from /proc/stat
// before and after, on two idle cores), else the full browser. Every test gets a fresh
// browser context, records every request its pages make, and leaves a screenshot in
// test/artifacts/ when it fails.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { onTestFinished } from "vitest";

const builds = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"];
export const CHROMIUM = builds.find((path) => existsSync(path));
export const hasChromium = CHROMIUM !== undefined;
export const skipReason = `neither ${builds.join(" nor ")} is installed: \`apt-get install -y chromium-headless-shell\` (as .ci/run does)`;
if (!hasChromium) console.warn(`Browser tests skipped: ${skipReason}`);

export const artifacts = join(import.meta.dirname, "..", "artifacts");

/** Headless Chromium with a fresh, throw-away profile, and nothing that phones home. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

export type TestPage = { page: Page; context: BrowserContext; requests: URL[] };

/**
 * A page in a new context (its own storage: GraphiQL's saved tabs never leak between
 * tests). `requests` lists every URL the context asked for, workers included.
 * When the test ends the context closes; on failure the page is first saved as
 * test/artifacts/<name>-failed.png.
 */
export async function openPage(
  browser: Browser,
  name: string,
  viewport = { width: 1280, height: 900 },
): Promise<TestPage> {
  const context = await browser.newContext({ viewport });
  const requests: URL[] = [];
  context.on("request", (request) => requests.push(new URL(request.url())));
  const page = await context.newPage();
  // One hook for both: vitest runs onTestFinished before onTestFailed, and a closed page
  // cannot be photographed.
  onTestFinished(async ({ task }) => {
    if (task.result?.state === "fail") {
      mkdirSync(artifacts, { recursive: true });
      await page.screenshot({ path: join(artifacts, `${name}-failed.png`), fullPage: true }).catch(() => {});
    }
    await context.close();
  });
  return { page, context, requests };
}

/** The requests that went anywhere but this machine (data: and blob: URLs stay in the page). */
export function offMachine(requests: URL[]): string[] {
  return requests
    .filter((url) => !["data:", "blob:"].includes(url.protocol))
    .filter((url) => !["127.0.0.1", "localhost"].includes(url.hostname))
    .map((url) => url.href);
}
