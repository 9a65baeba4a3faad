// `wrangler` with the bundle's code version defined (scripts/code-version.ts): what
// `npm run build`, `npm run deploy` and `npm run deploy:staging` run.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { defineCodeVersion } from "./code-version";

const root = join(import.meta.dirname, "..");
const run = spawnSync(
  join(root, "node_modules", ".bin", "wrangler"),
  [...process.argv.slice(2), ...defineCodeVersion(root)],
  { cwd: root, stdio: "inherit" },
);
process.exit(run.status ?? 1);
