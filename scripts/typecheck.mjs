// `npm run typecheck`: the Worker's project (tsconfig.json) and the tools' (tsconfig.node.json),
// checked side by side (on two cores a cold check takes half as long), each incremental, with
// its build info in node_modules/.cache/tsc/. Fails when either does.
import { spawn } from "node:child_process";

const projects = { worker: "tsconfig.json", node: "tsconfig.node.json" };
const codes = await Promise.all(
  Object.entries(projects).map(
    ([name, config]) =>
      new Promise((resolve) => {
        const args = [
          "-p",
          config,
          "--incremental",
          "--tsBuildInfoFile",
          `node_modules/.cache/tsc/${name}.tsbuildinfo`,
        ];
        spawn("tsc", args, { stdio: "inherit" }).on("exit", (code) => resolve(code ?? 1));
      }),
  ),
);
process.exitCode = codes.every((code) => code === 0) ? 0 : 1;
