// The example page: a hash router whose addresses carry the language (routes.ts), and one
// view per route. Every view fetches with one typed operation (operations/web.graphql) and
// renders plain DOM.
import { RequestError } from "./client";
import { h } from "./dom";
import { type Lang, type Strings, strings } from "./i18n";
import { href, parseHash, type Route, translatedHref, type ViewName } from "./routes";
import { notFound, type Page, views } from "./views";

const view = document.querySelector<HTMLElement>("#view")!;
const searchForm = document.querySelector<HTMLFormElement>("#search")!;
const searchInput = searchForm.querySelector<HTMLInputElement>("input")!;

/** The language last chosen: for an address that names none. */
const preferred = (): Lang => (localStorage.getItem("lang") === "EN" ? "EN" : "SV");

/** The route being shown; a newer navigation aborts the older one's request. */
let current: AbortController | undefined;
/** False until the first view has been shown: only later navigations move the focus. */
let navigated = false;

/** The nav link each view belongs under. */
const sections: Record<Route["view"], ViewName | null> = {
  prizes: "prizes",
  regions: "regions",
  region: "regions",
  interview: "regions",
  search: "search",
  notFound: null,
};

/** Writes every UI string of the page's frame in the route's language, and the frame's links. */
function showFrame(route: Route, t: Strings): void {
  document.documentElement.lang = route.lang.toLowerCase();
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-text]"))) {
    el.textContent = String(t[el.dataset.text as keyof Strings]);
  }
  document.querySelector("nav.sections")?.setAttribute("aria-label", t.menu);
  searchInput.placeholder = t.searchPlaceholder;
  searchInput.setAttribute("aria-label", t.search);
  // The box says what is being searched for, also after back and forward.
  searchInput.value = route.view === "search" ? route.arg : "";
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("a[data-lang]"))) {
    const lang = link.dataset.lang === "EN" ? "EN" : "SV";
    link.href = translatedHref(route, lang);
    if (lang === route.lang) link.setAttribute("aria-current", "true");
    else link.removeAttribute("aria-current");
  }
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("nav a[data-view]"))) {
    const name = link.dataset.view as ViewName;
    link.href = href(route.lang, name);
    if (name === sections[route.view]) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
}

/** The route of the address; an address without a language gets the preferred one, in place. */
function currentRoute(): Route {
  const parsed = parseHash(location.hash);
  const route = parsed.route(parsed.lang ?? preferred());
  if (!parsed.lang) history.replaceState(history.state, "", translatedHref(route, route.lang));
  return route;
}

function show(page: Page, t: Strings): void {
  document.title = `${page.title} · ${t.title}`;
  view.replaceChildren(page.content);
  const target = page.focus ?? (navigated ? view.querySelector("h2") : null);
  if (!(target instanceof HTMLElement)) return;
  // Keyboard and screen reader users land on what the navigation brought.
  target.tabIndex = -1;
  target.focus({ preventScroll: true });
  if (page.focus) {
    target.classList.add("target");
    target.scrollIntoView({ block: "start" });
  } else scrollTo(0, 0);
}

async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const route = currentRoute();
  const t = strings[route.lang];
  localStorage.setItem("lang", route.lang);
  showFrame(route, t);
  const link = (name: ViewName, arg?: string) => href(route.lang, name, arg);
  view.setAttribute("aria-busy", "true");
  view.replaceChildren(h("p", { class: "status" }, t.loading));
  try {
    const page =
      route.view === "notFound"
        ? notFound({ t, link }, t.noPage(route.path))
        : await views[route.view]({ arg: route.arg, lang: route.lang, t, signal: controller.signal, link });
    if (controller.signal.aborted) return;
    show(page, t);
  } catch (error) {
    if (controller.signal.aborted) return;
    document.title = `${t.error} · ${t.title}`;
    view.replaceChildren(errorBox(t, error));
  } finally {
    if (!controller.signal.aborted) {
      view.removeAttribute("aria-busy");
      navigated = true;
    }
  }
}

function errorBox(t: Strings, error: unknown): HTMLElement {
  const message = error instanceof RequestError ? error.message : String(error);
  const retry = h("button", { type: "button" }, t.retry);
  retry.addEventListener("click", () => void render());
  return h("div", { class: "error", role: "alert" }, h("strong", {}, `${t.error}: `), message, " ", retry);
}

searchForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = searchInput.value.trim();
  location.hash = href(currentRoute().lang, "search", q);
});
addEventListener("hashchange", () => void render());
void render();
