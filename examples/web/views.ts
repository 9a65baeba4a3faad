// One function per route: fetch with a typed operation, return the content to show.
import { h } from "./dom";
import type { Lang, Strings } from "./i18n";

export type ViewContext = { arg: string; lang: Lang; t: Strings; signal: AbortSignal };
export type View = (context: ViewContext) => Promise<Node>;

export const views = {
  prize: async ({ t }) => h("h2", {}, t.prize),
} satisfies Record<string, View>;
