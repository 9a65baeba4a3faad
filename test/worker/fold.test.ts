// Search and `contains` filters fold texts with a per-character table (src/schema/fold.ts);
// it must give exactly what the definition (NFD, no combining marks, lower case) gives, in
// the runtime's own ICU.
import { describe, expect, it } from "vitest";
import data from "../../data/interviews.json";
import { fold, foldByDefinition } from "../../src/schema/fold";

describe("fold", () => {
  it("folds Swedish and other Latin text as the definition does", () => {
    for (const text of [
      "Luleå",
      "ÅRETS EXPORTREGION",
      "Exportfrämjandet i Skåne och Örebro",
      "Ĳssel Ǆ İstanbul Ÿ ß ẞ Æble Øre",
      "e\u0301te\u0301",
      "plain ascii, 2022!",
      "",
    ]) {
      expect(fold(text), text).toBe(foldByDefinition(text));
    }
    expect(fold("Luleå Exportfrämjandet")).toBe("lulea exportframjandet");
  });

  it("gives the definition's answer for every character up to U+07FF, alone and in words", () => {
    for (let code = 0; code < 0x800; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `Ab${c}Ö`, `${c}\u0308x`])
        expect(fold(text), `U+${code.toString(16)}`).toBe(foldByDefinition(text));
    }
  });

  it("takes the definition for text beyond Latin (Greek final sigma, emoji, Cyrillic)", () => {
    for (const text of ["ΟΔΟΣ Ås", "Sverige 🇸🇪 Ö", "МОСКВА å", "\ud800 lone surrogate Å"]) {
      expect(fold(text), text).toBe(foldByDefinition(text));
    }
  });

  it("folds the dataset's interview texts as the definition does", () => {
    const texts = JSON.stringify(data)
      .split('"')
      .filter((s) => s.length > 20);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(fold(text)).toBe(foldByDefinition(text));
  });
});
