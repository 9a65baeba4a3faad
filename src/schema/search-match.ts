// What matched in one search hit, in the language asked for: which field, and the passage of
// its text around the match. Read only for the hits a page shows, from the hit's own texts.
import type { KindName } from "../data/entities";
import type { Label } from "../data/kind";
import type { Lang, LocalizedText } from "../data/kit";
import type { DataStore } from "../data/store";
import { fold } from "./fold";
import { isPrefix, matches } from "./search-index";
import { type SearchText, textsOf, Weight } from "./search-texts";

/** What a hit shows of its match, in one language. */
export type SearchMatch = {
  /** The stable path of the field that matched (`winner`, `questions.2.answer`). */
  field: string;
  label: Label;
  /** The snippet's language: the one asked for, or null for a text the same in both (a name). */
  lang: Lang | null;
  /** The snippet's text's marker, as `LocalizedText.translated`. */
  translated: LocalizedText["translated"];
  /** HTML-escaped, matched words in <mark>…</mark>. */
  snippet: string;
};

/**
 * The order in which a hit's texts are read, as one number: in the asked language first, then
 * the record's own words before the names of linked records (which say less about it), then
 * the heaviest.
 */
const keyOf = (text: SearchText, lang: Lang) =>
  (text.lang === lang || text.lang === null ? 8 : 0) + (text.linked ? 0 : 4) + text.weight;

const WORD = /[\p{L}\p{N}]+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;
/** A snippet's length, about: the passage around the match. */
const WIDTH = 200;
/** At most this many matched words are weighed for the best passage: a text full of one word needs no more. */
const MAX_MATCHES = 64;

type Matched = { start: number; end: number; terms: number };

/** The bits of the query terms that a word (not yet folded) matches. */
function termsOf(word: string, terms: readonly string[]): number {
  const folded = fold(word);
  let bits = 0;
  terms.forEach((term, t) => {
    if (matches(folded, term)) bits |= 1 << (t % 31);
  });
  return bits;
}

/** The words of a text that query terms match, at the text's own offsets: at most `limit`. */
function matchedWords(text: string, terms: readonly string[], limit: number): Matched[] {
  const folded = fold(text);
  if (folded.length === text.length) return matchesIn(folded, terms, limit);
  // A letter folded to two (ǅ to dz): word by word, at the original's offsets.
  const found: Matched[] = [];
  for (const m of text.matchAll(WORD)) {
    const bits = termsOf(m[0], terms);
    if (bits) found.push({ start: m.index, end: m.index + m[0].length, terms: bits });
    if (found.length >= limit) break;
  }
  return found;
}

const bitCount = (n: number) => {
  let count = 0;
  for (let v = n; v; v &= v - 1) count++;
  return count;
};

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined) => c !== undefined && WORD_CHAR.test(c);

/**
 * Every place in a folded text where a query term matches a word, as the index matches them:
 * at a word's start, and to its end for a term shorter than a prefix. In order of the text, at
 * most `limit` of them; each with the bits of the terms it matches and the word's end.
 */
function matchesIn(folded: string, terms: readonly string[], limit: number): Matched[] {
  const found: Matched[] = [];
  terms.forEach((term, t) => {
    let count = 0;
    for (let at = folded.indexOf(term); at >= 0 && count < limit; at = folded.indexOf(term, at + 1)) {
      if (isWordChar(folded[at - 1])) continue;
      let end = at + term.length;
      if (!isPrefix(term) && isWordChar(folded[end])) continue;
      while (isWordChar(folded[end])) end++;
      found.push({ start: at, end, terms: 1 << (t % 31) });
      count++;
    }
  });
  found.sort((a, b) => a.start - b.start);
  // One word matched by several terms is one match.
  const words: Matched[] = [];
  for (const m of found) {
    const last = words[words.length - 1];
    if (last && last.start === m.start) last.terms |= m.terms;
    else words.push({ ...m });
  }
  return words.slice(0, limit);
}

/**
 * How well a text matches: the query terms it has (then its key), and its matching words per
 * word, a whole word counting more than a prefix (as in MiniSearch's scores): read only when no
 * text has every term. Null when no word matches. Folded once: a term occurs in few texts.
 */
function rankOf(text: SearchText, terms: readonly string[]): { found: number; density: () => number } | null {
  const folded = fold(text.text);
  if (!terms.some((term) => folded.includes(term))) return null;
  const words = matchesIn(folded, terms, MAX_MATCHES);
  const found = bitCount(words.reduce((union, m) => union | m.terms, 0));
  if (!found) return null;
  let density: number | undefined;
  const densityOf = () => {
    if (density === undefined) {
      const total = folded.split(NOT_WORD).filter(Boolean).length;
      const whole = (m: Matched) => terms.some((term) => m.end - m.start === term.length);
      density = words.reduce((sum, m) => sum + (whole(m) ? 1 : 0.5), 0) / (total || 1);
    }
    return density;
  };
  return { found, density: densityOf };
}

type Ranked = { text: SearchText; order: number; density: () => number };
const better = (a: Ranked, b: Ranked | null) =>
  !b || a.order > b.order || (a.order === b.order && a.density() > b.density());

/**
 * What a hit shows of its match in `lang`:
 * - the field that matched best, leaving out the fields a result's title shows (`heading`):
 *   the one with most query terms, then in `lang`, then the record's own words, then the
 *   heaviest; then the first in the record's order that has every term, else the one with
 *   most matching words for its length. The snippet is that field's text in `lang` around the
 *   match. A text that matched only in the other language is shown in `lang`, at the same
 *   place (the same paragraph, or as far into the text); one with no text in `lang` is not shown.
 * - when only a title matched: that field, and as the snippet the opening of the record's first
 *   text in its declared order that is neither a title nor another name of it (an intro, a
 *   motivation, a role, a first fact, a winner), so the snippet does not repeat the title; the
 *   title itself when the record has none.
 * Null when no single word matches (the index split a word differently).
 */
export function matchOf(
  store: DataStore,
  kind: KindName,
  record: object,
  terms: readonly string[],
  lang: Lang,
): SearchMatch | null {
  const texts = textsOf(store, kind, record);
  const shown = new Map<number, SearchText>();
  for (const text of texts) if (text.lang === lang || text.lang === null) shown.set(text.group, text);
  // Best key first (a stable sort keeps the record's order): once a text has every term, no
  // later text can rank above it, and the long texts (answers, article bodies) are left unread.
  const order = texts
    .filter((text) => !text.heading && shown.has(text.group))
    .map((text) => ({ text, key: keyOf(text, lang) }))
    .sort((a, b) => b.key - a.key);
  let best: Ranked | null = null;
  for (const { text, key } of order) {
    const rank = rankOf(text, terms);
    if (!rank) continue;
    const ranked = { text, order: rank.found * 16 + key, density: rank.density };
    if (better(ranked, best)) best = ranked;
    if (rank.found === terms.length) break;
  }
  if (best) {
    const at = shown.get(best.text.group) ?? best.text;
    return matchIn(best.text, at, snippetOf(at.text, terms, at === best.text ? null : best.text.text));
  }
  let title: Ranked | null = null;
  for (const text of texts) {
    if (!text.heading || !shown.has(text.group)) continue;
    const rank = rankOf(text, terms);
    const ranked = rank && { text, order: rank.found * 16 + keyOf(text, lang), density: rank.density };
    if (ranked && better(ranked, title)) title = ranked;
  }
  if (!title) return null;
  // Another name of the record (a seat, an English name) says no more than its title.
  const lead = texts.find(
    (text) => !text.heading && shown.get(text.group) === text && (text.linked || text.weight === Weight.text),
  );
  if (lead) return matchIn(title.text, lead, snippetOf(lead.text, terms, null));
  const at = shown.get(title.text.group) ?? title.text;
  return matchIn(title.text, at, snippetOf(at.text, terms, null));
}

const matchIn = (matched: SearchText, shown: SearchText, snippet: string): SearchMatch => ({
  field: matched.field,
  label: matched.label,
  lang: shown.lang,
  translated: shown.translated,
  snippet,
});

/**
 * Where the best passage of a text begins its first match: the first passage with most of the
 * query's terms, then most matched words. Null when no word matches.
 */
function anchorOf(text: string, terms: readonly string[]): number | null {
  const found = matchedWords(text, terms, MAX_MATCHES);
  let best: { terms: number; words: number; anchor: number } | null = null;
  let first = 0;
  for (const [last, m] of found.entries()) {
    while ((found[first]?.start ?? m.start) < m.end - (WIDTH * 2) / 3) first++;
    const window = found.slice(first, last + 1);
    const count = bitCount(window.reduce((union, w) => union | w.terms, 0));
    if (!best || count > best.terms || (count === best.terms && window.length > best.words)) {
      best = { terms: count, words: window.length, anchor: found[first]?.start ?? m.start };
    }
  }
  return best?.anchor ?? null;
}

/**
 * Where, in a text, the place `at` of its other language's version is: the same place in the
 * same paragraph when both have as many paragraphs (blank-line separated), else as far into the text.
 */
function samePlace(text: string, other: string, at: number): number {
  const paragraphs = text.split("\n\n");
  const others = other.split("\n\n");
  if (paragraphs.length > 1 && paragraphs.length === others.length) {
    let start = 0;
    let otherStart = 0;
    for (let i = 0; i < others.length; i++) {
      const o = others[i] ?? "";
      const p = paragraphs[i] ?? "";
      if (at <= otherStart + o.length) return start + Math.round(((at - otherStart) / (o.length || 1)) * p.length);
      start += p.length + 2;
      otherStart += o.length + 2;
    }
  }
  return Math.round((at / (other.length || 1)) * text.length);
}

/**
 * About WIDTH characters of a text around its best passage (the one with most of the query's
 * words), HTML-escaped, each word that a query term matches (folded, as the index matches them)
 * in <mark>…</mark>. The passage starts at its sentence when that is near, else at a word; white
 * space is one space. `other`: the text in the other language whose match is shown here, when
 * this text has none.
 */
export function snippetOf(text: string, terms: readonly string[], other: string | null): string {
  const anchor = anchorOf(text, terms) ?? (other ? samePlace(text, other, anchorOf(other, terms) ?? 0) : 0);
  let start = Math.max(0, anchor - Math.floor(WIDTH / 3));
  if (start > 0) {
    // The sentence the passage is in, when it begins near enough; else the next word.
    const before = text.slice(Math.max(0, anchor - WIDTH / 2), anchor);
    const sentence = Math.max(before.lastIndexOf(". "), before.lastIndexOf("\n"), before.lastIndexOf("? "));
    start =
      sentence >= 0
        ? Math.max(0, anchor - WIDTH / 2) + sentence + (before[sentence] === "\n" ? 1 : 2)
        : text.indexOf(" ", start) + 1 || start;
  }
  // A passage that reaches the text's end starts early enough to be as long as any other.
  if (text.length - start < WIDTH) start = Math.min(start, startNear(text, Math.max(0, text.length - WIDTH)));
  let end = Math.min(text.length, start + WIDTH);
  if (end < text.length) {
    const space = text.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  while (start < end && /\s/.test(text[start] ?? "")) start++;
  // Only the words inside the passage are marked: they are folded again, at most WIDTH characters.
  const passage = text.slice(start, end);
  let out = start > 0 ? "…" : "";
  let at = 0;
  for (const m of matchedWords(passage, terms, Number.POSITIVE_INFINITY)) {
    out += `${asHtml(passage.slice(at, m.start))}<mark>${asHtml(passage.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  out += asHtml(passage.slice(at));
  return end < text.length ? `${out.trimEnd()}…` : out;
}

/** The start of a sentence shortly after `at`, else of the next word: where a passage may begin. */
function startNear(text: string, at: number): number {
  if (at === 0) return 0;
  const sentence = text.indexOf(". ", at);
  if (sentence >= 0 && sentence < at + WIDTH / 4) return sentence + 2;
  return text.indexOf(" ", at) + 1 || at;
}

const htmlEntities: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};
const asHtml = (text: string) => text.replace(/\s+|[&<>"']/g, (c) => htmlEntities[c] ?? " ");
