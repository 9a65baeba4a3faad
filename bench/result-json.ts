/**
 * A result file's JSON: indented for its first three levels (rows, their groups and their
 * figures), each deeper value on one line, so a result stays readable in a diff and
 * bench/results within its 100 KiB (test/node/repository.test.ts).
 */
export function resultJson(value: unknown, depth = 0, indent = ""): string {
  if (depth >= 3 || value === null || typeof value !== "object") return JSON.stringify(value);
  const entries = Array.isArray(value) ? value.map((item) => [null, item] as const) : Object.entries(value);
  if (entries.length === 0) return JSON.stringify(value);
  const inner = `${indent}  `;
  const lines = entries.map(
    ([key, item]) => `${inner}${key === null ? "" : `${JSON.stringify(key)}: `}${resultJson(item, depth + 1, inner)}`,
  );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  return `${open}\n${lines.join(",\n")}\n${indent}${close}`;
}
