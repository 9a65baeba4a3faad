// The page's addresses: `#/<language>/<view>/<argument>`, so that a link says both what
// to show and in which language (`#/en/region/SE-BD`), and the back button returns to both.
import { type Lang, languages } from "./i18n";

/** Each view, and whether its address takes an argument after the view's name. */
export const views = {
  prizes: "optional", // a prize, an edition or a company to scroll to
  regions: "none",
  region: "required", // ISO 3166-2 code
  interview: "required", // slug
  search: "optional", // the query
} as const satisfies Record<string, "none" | "optional" | "required">;

export type ViewName = keyof typeof views;

/** The start page, when an address names only the language. */
export const home: ViewName = "prizes";

export type Route =
  | { lang: Lang; view: ViewName; arg: string }
  /** An address that leads nowhere; `path` is what was asked, for the not-found page. */
  | { lang: Lang; view: "notFound"; arg: string; path: string };

/**
 * Reads an address. Without a language (a link from before languages were in addresses, or
 * the bare page) the language is null and `rest` is the rest of the address, to be shown
 * in the reader's language.
 */
export function parseHash(hash: string): { lang: Lang | null; rest: string; route: (lang: Lang) => Route } {
  const path = hash.replace(/^#\/?/, "");
  const [first = "", ...others] = path.split("/");
  const lang = languages.find((l) => l.toLowerCase() === first.toLowerCase()) ?? null;
  const rest = lang ? others.join("/") : path;
  return { lang, rest, route: (language) => routeOf(language, rest) };
}

function routeOf(lang: Lang, rest: string): Route {
  const [name = "", ...others] = rest.split("/");
  const notFound = { lang, view: "notFound" as const, arg: "", path: `/${rest}` };
  if (name === "") return { lang, view: home, arg: "" };
  if (!Object.hasOwn(views, name)) return notFound;
  const view = name as ViewName;
  let arg: string;
  try {
    arg = decodeURIComponent(others.join("/"));
  } catch {
    return notFound; // a malformed escape such as `%E0%A4%A`
  }
  const takes = views[view];
  if ((takes === "none" && arg !== "") || (takes === "required" && arg.trim() === "")) return notFound;
  return { lang, view, arg };
}

/** The address of a view in a language: `href("EN", "region", "SE-BD")` → `#/en/region/SE-BD`. */
export function href(lang: Lang, view: ViewName, arg = ""): string {
  return `#/${lang.toLowerCase()}/${view}${arg ? `/${encodeURIComponent(arg)}` : ""}`;
}

/** The same page in another language (the not-found page keeps the address it could not find). */
export function translatedHref(route: Route, lang: Lang): string {
  if (route.view === "notFound") return `#/${lang.toLowerCase()}${route.path}`;
  return href(lang, route.view, route.arg);
}
