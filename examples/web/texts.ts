// Texts from the API, and whose words they are: a view notes each text that is this
// project's translation (or written by the project) while it builds, and the page says so
// once, in one line, instead of after every text.
import { h } from "./dom";
import type { FigureUnit } from "./gql/graphql";
import { type Lang, locale, type Strings } from "./i18n";

/** A text as the API gives it: in the page's language, and whose words it is in that language. */
type LocalizedText = { text: string; isTranslation: boolean; isParaphrase?: boolean };
type Tag = "p" | "span" | "h2" | "dd" | "dt" | "li";

export class Provenance {
  readonly #translated = new Set<string>();
  readonly #ours = new Set<string>();

  constructor(
    private readonly t: Strings,
    private readonly lang: Lang,
  ) {}

  /**
   * The text as an element; `part` names it in the note when it is the project's: its
   * translation, or its own words in both languages (a paraphrase of the sources).
   */
  text(value: LocalizedText, part: string, tag: Tag = "span"): HTMLElement {
    if (value.isParaphrase) this.#ours.add(part);
    else if (value.isTranslation) this.#translated.add(part);
    return h(tag, { "data-translation": value.isTranslation ? "" : undefined }, value.text);
  }

  /** A text the project wrote itself rather than took from a source (an interview's title). */
  ours(part: string): void {
    this.#ours.add(part);
  }

  /** One line naming every translated or project-written text the view showed; null when none. */
  note(): HTMLElement | null {
    const list = new Intl.ListFormat(locale(this.lang), { type: "conjunction" });
    const ours = [...this.#ours].filter((part) => !this.#translated.has(part));
    const sentences = [
      this.#translated.size ? this.t.translatedNote(list.format(this.#translated)) : "",
      ours.length ? this.t.oursNote(list.format(ours)) : "",
    ].filter(Boolean);
    return sentences.length ? h("p", { class: "translation-note", role: "note" }, sentences.join(" ")) : null;
  }
}

/** `2022-08-31` → `31 augusti 2022` / `31 August 2022`. */
export function formatDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

export const formatNumber = (value: number, lang: Lang) => new Intl.NumberFormat(locale(lang)).format(value);

/** A definition list of the rows that have a value. */
export function facts(rows: [label: string, value: Node | string | null | undefined | false][]): HTMLDListElement {
  return h(
    "dl",
    { class: "facts" },
    rows
      .filter(([, value]) => value != null && value !== "" && value !== false)
      .map(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]),
  );
}

/** `a, b, c` as DOM, with a separator between the items. */
export function joined(items: Node[], separator = ", "): HTMLSpanElement {
  return h(
    "span",
    {},
    items.flatMap((item, i) => [i > 0 ? separator : "", item]),
  );
}

/** A figure as its source gave it: `+41 %` for a change over a period, `363 per 100 000 invånare`. */
export function formatFigure(
  t: Strings,
  lang: Lang,
  figure: { unit: FigureUnit; value: number; periodStart: number | null; year: number | null },
): string {
  const change = figure.periodStart != null;
  const value =
    figure.unit === "PERCENT"
      ? new Intl.NumberFormat(locale(lang), { style: "percent", signDisplay: change ? "exceptZero" : "auto" }).format(
          figure.value / 100,
        )
      : formatNumber(figure.value, lang);
  return t.units[figure.unit](value);
}

/** `2016–2020`, `2020`, or null when the source gives no year. */
export function period(figure: { periodStart: number | null; year: number | null }): string | null {
  if (figure.year == null) return null;
  return figure.periodStart == null ? String(figure.year) : `${figure.periodStart}–${figure.year}`;
}
