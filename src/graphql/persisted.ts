import manifest from "../generated/persisted-operations.json";

/**
 * The trusted documents, by the sha256 (hex) of their text, generated from `operations/` by
 * `npm run generate` (scripts/persisted-operations.ts). A Map, so that only its own keys are hashes: `__proto__`,
 * `constructor` or `toString` are unknown hashes like any other.
 */
export const persistedDocuments: ReadonlyMap<string, string> = new Map(Object.entries(manifest));
