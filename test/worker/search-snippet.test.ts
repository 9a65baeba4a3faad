// The snippet of one text: which passage, where it is cut, what is marked. Subtle on its own,
// so tested as a unit; through the API in schema-search-match.test.ts.
import { describe, expect, it } from "vitest";
import { snippetOf } from "../../src/schema/search-match";

const filler = (n: number, word = "lorem") => Array.from({ length: n }, () => word).join(" ");

describe("snippetOf", () => {
  it("marks whole words and prefixes of a short text, folded, and escapes HTML", () => {
    expect(snippetOf('Luleå & <Piteå> "kommun"', ["lulea", "kommun"], null)).toBe(
      "<mark>Luleå</mark> &amp; &lt;Piteå&gt; &quot;<mark>kommun</mark>&quot;",
    );
    expect(snippetOf("Exportfrämjandet i Norrbotten", ["exportframjande"], null)).toBe(
      "<mark>Exportfrämjandet</mark> i Norrbotten",
    );
    // Hangul folds to more characters (its syllables decompose): the marks stay on the original's words.
    expect(snippetOf("한국 och Luleå", ["lulea"], null)).toBe("한국 och <mark>Luleå</mark>");
    // A short term matches whole words only.
    expect(snippetOf("år årets är", ["ar"], null)).toBe("<mark>år</mark> årets <mark>är</mark>");
  });

  it("shows the passage with most of the query's words, not the first match", () => {
    const text = `Alpha once. ${filler(60)}. Then alpha and beta together. ${filler(60)}.`;
    const snippet = snippetOf(text, ["alpha", "beta"], null);
    expect(snippet).toMatch(/^…Then <mark>alpha<\/mark> and <mark>beta<\/mark> together\./);
    expect(snippet).toMatch(/lorem…$/);
    expect(snippet.replace(/<\/?mark>/g, "").length).toBeLessThanOrEqual(202);
  });

  it("starts at the sentence when it begins near the match, else at a word", () => {
    const near = `${filler(40)}. The sentence starts here and then the word target comes. ${filler(40)}`;
    expect(snippetOf(near, ["target"], null)).toMatch(
      /^…The sentence starts here and then the word <mark>target<\/mark>/,
    );
    const far = `${filler(60)} target ${filler(60)}`;
    const snippet = snippetOf(far, ["target"], null);
    expect(snippet).toMatch(/^…lorem lorem/);
    expect(snippet).toContain("<mark>target</mark>");
    expect(snippet.indexOf("<mark>")).toBeGreaterThan(50);
  });

  it("fills a passage near the end from before it, rather than leaving a lone word", () => {
    const text = `${filler(80)} last`;
    const snippet = snippetOf(text, ["last"], null);
    expect(snippet).toMatch(/^…(lorem ){20,}<mark>last<\/mark>$/);
  });

  it("makes white space one space", () => {
    expect(snippetOf("First paragraph.\n\nSecond  paragraph with\tword.", ["word"], null)).toBe(
      "First paragraph. Second paragraph with <mark>word</mark>.",
    );
  });

  it("shows a match of the other language's text at the same place: the same paragraph", () => {
    const other = `${filler(50, "one")}\n\n${filler(50, "two")}\n\nThe match is here.\n\n${filler(50, "four")}`;
    const text = `${filler(50, "ett")}\n\n${filler(50, "två")}\n\nTräffen är här.\n\n${filler(50, "fyra")}`;
    const snippet = snippetOf(text, ["match"], other);
    expect(snippet).toMatch(/^…Träffen är här\. fyra/);
    expect(snippet).not.toContain("<mark>");
    // Without the other text's match, the opening.
    expect(snippetOf(text, ["match"], null)).toMatch(/^ett ett/);
  });

  it("reads a text full of one word only as far as its first passages", () => {
    const text = filler(5000, "export");
    const snippet = snippetOf(text, ["export"], null);
    expect(snippet).toMatch(/^(<mark>export<\/mark> )+<mark>export<\/mark>…$/);
    expect(snippet.length).toBeLessThan(600);
  });
});
