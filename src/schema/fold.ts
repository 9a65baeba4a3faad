/**
 * Case- and diacritic-insensitive form of a text, so that `exportframjande` matches
 * `exportfrämjandet` and `Lulea` matches `Luleå`: decompose, drop combining marks, lower-case.
 * This is the definition; `fold` computes the same faster.
 */
export function foldByDefinition(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/**
 * Latin letters (up to U+024F) and combining diacritical marks (U+0300–U+036F) fold one
 * character at a time exactly as the whole text folds by definition: their decompositions
 * and lower cases do not depend on their neighbours. Anything else takes the definition.
 */
const TABLE_END = 0x250;
const MARKS_START = 0x300;
const MARKS_END = 0x370;
let table: string[] | undefined;

function foldTable(): string[] {
  const folded: string[] = [];
  for (let code = 0; code < TABLE_END; code++) folded.push(foldByDefinition(String.fromCharCode(code)));
  return folded;
}

/**
 * `foldByDefinition`, without normalizing and scanning the whole text with a Unicode
 * regular expression: search folds every text it ranks, and filters every value they test.
 */
export function fold(text: string): string {
  table ??= foldTable();
  let out = "";
  let from = 0; // text[from, i) needs no change
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Lower-case ASCII, digits, space and punctuation stay as they are.
    if (code < 0x80 && (code < 0x41 || code > 0x5a)) continue;
    let replacement: string;
    if (code < TABLE_END) replacement = table[code] ?? "";
    else if (code >= MARKS_START && code < MARKS_END) replacement = "";
    else return foldByDefinition(text);
    if (i > from) out += text.slice(from, i);
    out += replacement;
    from = i + 1;
  }
  return from === 0 ? text : from < text.length ? out + text.slice(from) : out;
}
