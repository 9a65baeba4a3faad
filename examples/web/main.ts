// The example page: a hash router, a language switch, and one view per route. Every view
// fetches with one typed operation (operations/web.graphql) and renders plain DOM.
import { RequestError } from "./client";
import { h } from "./dom";
import { type Lang, type Strings, strings } from "./i18n";
import { views } from "./views";

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

/** The nav link each view belongs under. */
const sections: Record<keyof typeof views, string> = {
  prize: "#/prize",
  regions: "#/regions",
  region: "#/regions",
  interview: "#/regions",
  search: "#/search",
};

/** `#/region/SE-BD` → the region view with its argument; anything unknown → the prize. */
function route(): { name: keyof typeof views; arg: string } {
  const [first = "", ...rest] = location.hash.replace(/^#\/?/, "").split("/");
  const name = Object.hasOwn(views, first) ? (first as keyof typeof views) : "prize";
  return { name, arg: decodeURIComponent(rest.join("/")) };
}

async function render(): Promise<void> {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const t = strings[lang];
  translateFrame(t);
  const { name, arg } = route();
  for (const link of Array.from(document.querySelectorAll<HTMLAnchorElement>("nav a"))) {
    if (link.hash === sections[name]) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  view.setAttribute("aria-busy", "true");
  view.replaceChildren(h("p", { class: "status" }, t.loading));
  try {
    const content = await views[name]({ arg, lang, t, signal: controller.signal });
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
  const message = error instanceof RequestError ? error.message : String(error);
  const retry = h("button", { type: "button" }, t.retry);
  retry.addEventListener("click", () => void render());
  return h("div", { class: "error", role: "alert" }, h("strong", {}, `${t.error}: `), message, " ", retry);
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
