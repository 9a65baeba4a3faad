/** Writes `contents` to `path` unless it already holds them; true when it wrote. */
export function writeIfChanged(path: string, contents: string | Uint8Array): boolean;
