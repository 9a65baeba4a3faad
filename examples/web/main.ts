// The example page: a hash router, a language switch, and one view per route. Every view
// fetches with one typed operation (operations/web.graphql) and renders plain DOM.
import { RequestError } from "./client";
import { strings, type Lang, type Strings } from "./i18n";
import { views, type View } from "./views";

const view = document.querySelector<HTMLElement>("#view")!;
const searchForm = document.querySelector<HTMLFormElement>("#search")!;

let lang: Lang = localStorage.getItem("lang") === "EN" ? "EN" : "SV";
/** The route being shown; a newer navigation aborts the older one's request. */
let current: AbortController | undefined;

/** Writes every UI string of the page's frame in the chosen language. */
function translateFrame(t: Strings): void {
  document.documentElement.lang = lang.toLowerCase();
  document.title = t.title;
  for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-text]"))) {
    el.textContent = String(t[el.dataset.text as keyof Strings]);
  }
  for (const el of Array.from(document.querySelectorAll<HTMLInputElement>("[data-placeholder]"))) {
    el.placeholder = String(t[el.dataset.placeholder as keyof Strings]);
    el.setAttribute("aria-label", t.search);
  }
  for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-lang]"))) {
    button.setAttribute("aria-pressed", String(button.dataset.lang === lang));
  }
}

/** `#/region/SE-BD` → the region view with its argument. */
function route(): { view: View; arg: string } {
  const [name = "", ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const arg = decodeURIComponent(rest.join("/"));
  return { view: views[name as keyof typeof views] ?? views.prize, arg };
}

async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const t = strings[lang];
  translateFrame(t);
  const { view: show, arg } = route();
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("nav a"))) {
    link.toggleAttribute("aria-current", location.hash.startsWith(link.hash) && link.hash.length > 2);
    if (link.hasAttribute("aria-current")) link.setAttribute("aria-current", "page");
  }
  view.setAttribute("aria-busy", "true");
  view.replaceChildren(Object.assign(document.createElement("p"), { className: "status", textContent: t.loading }));
  try {
    const content = await show({ arg, lang, t, signal: controller.signal });
    if (controller.signal.aborted) return;
    view.replaceChildren(content);
  } catch (error) {
    if (controller.signal.aborted) return;
    view.replaceChildren(errorBox(t, error));
  } finally {
    if (!controller.signal.aborted) view.removeAttribute("aria-busy");
  }
}

function errorBox(t: Strings, error: unknown): HTMLElement {
  const box = Object.assign(document.createElement("div"), { className: "error" });
  box.setAttribute("role", "alert");
  const message = error instanceof RequestError ? error.message : String(error);
  const retry = Object.assign(document.createElement("button"), { type: "button", textContent: t.retry });
  retry.addEventListener("click", () => void render());
  box.append(Object.assign(document.createElement("strong"), { textContent: `${t.error}: ` }), message, " ", retry);
  return box;
}

for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>("[data-lang]"))) {
  button.addEventListener("click", () => {
    lang = button.dataset.lang === "EN" ? "EN" : "SV";
    localStorage.setItem("lang", lang);
    void render();
  });
}
searchForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = new FormData(searchForm).get("q")?.toString().trim() ?? "";
  location.hash = `#/search/${encodeURIComponent(q)}`;
});
addEventListener("hashchange", () => void render());
void render();
