/**
 * Case- and diacritic-insensitive form of a text, so that `exportframjande` matches
 * `exportfrämjandet` and `Lulea` matches `Luleå`: decompose, drop combining marks, lower-case.
 */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
