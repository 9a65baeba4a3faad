// Serves Workers in one raw workerd process (the binary wrangler itself runs), from a small
// generated config: no wrangler dev, no Miniflare proxy or entry Worker in front of them.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, openSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { connect, createServer } from "node:net";
import { basename, join, relative } from "node:path";
import WebSocket from "ws";
import { root } from "./build";

/** The native workerd binary of the wrangler the project deploys with (not its Node shim). */
export function workerdBinary(): string {
  const fromWrangler = createRequire(createRequire(join(root, "package.json")).resolve("wrangler/package.json"));
  return (fromWrangler("workerd") as { default: string }).default;
}

export type WorkerSpec = {
  /** Service name, also the key of its address in `Workerd.urls`. */
  name: string;
  /** The built ES module (a single file, as wrangler and esbuild write them). */
  script: string;
  compatibilityDate: string;
  compatibilityFlags?: string[];
  /** Wrangler's [vars]: strings become text bindings, anything else JSON (as wrangler does). */
  vars?: Record<string, unknown>;
  /** Extra sockets for named entrypoints: socket name → entrypoint. */
  entrypoints?: Record<string, string>;
  /** Rate Limiting bindings (bench/ratelimit.mjs): binding name → its `simple` settings. */
  ratelimits?: Record<string, { limit: number; period: number }>;
};

/** The module behind the bench's Rate Limiting bindings (a workerd extension, internal). */
const RATE_LIMIT_MODULE = "bench-internal:ratelimit";

export type RateLimits = NonNullable<WorkerSpec["ratelimits"]>;

/**
 * An environment's Rate Limiting bindings (wrangler's `ratelimits`) with a quota no bench row
 * reaches: every request is counted, as in production, and none is refused.
 */
export function roomy(ratelimits: { name: string; simple: { period?: number } }[]): RateLimits {
  return Object.fromEntries(ratelimits.map((r) => [r.name, { limit: 1e12, period: r.simple.period ?? 60 }]));
}

export type Workerd = {
  urls: Record<string, string>;
  pid: number;
  /** CPU time (user + system) the process has used so far, in milliseconds. */
  cpuMs(): number;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/** Whether a TCP connection to `url` opens (and it is closed at once: nothing is sent). */
function accepts(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.once("connect", () => {
      socket.destroy();
      resolve();
    });
    socket.once("error", reject);
  });
}

const capnpString = (s: string) => JSON.stringify(s);

function workerConfig(spec: WorkerSpec, configDir: string): string {
  const bindings = Object.entries(spec.vars ?? {}).map(([name, value]) =>
    typeof value === "string"
      ? `(name = ${capnpString(name)}, text = ${capnpString(value)})`
      : `(name = ${capnpString(name)}, json = ${capnpString(JSON.stringify(value))})`,
  );
  // The API's assets are served in front of the Worker on Cloudflare; here a binding that
  // answers 404 keeps `env.ASSETS` defined without serving anything.
  bindings.push(`(name = "ASSETS", service = "assets")`);
  for (const [name, { limit, period }] of Object.entries(spec.ratelimits ?? {})) {
    bindings.push(
      `(name = ${capnpString(name)}, wrapped = (moduleName = ${capnpString(RATE_LIMIT_MODULE)}, innerBindings = [(name = "limit", json = "${limit}"), (name = "period", json = "${period}")]))`,
    );
  }
  return `(
    modules = [(name = ${capnpString(basename(spec.script))}, esModule = embed ${capnpString(relative(configDir, spec.script))})],
    compatibilityDate = ${capnpString(spec.compatibilityDate)},
    compatibilityFlags = [${(spec.compatibilityFlags ?? []).map(capnpString).join(", ")}],
    bindings = [${bindings.join(", ")}],
  )`;
}

/** Starts workerd with one HTTP socket on 127.0.0.1 per Worker (and per named entrypoint). */
export async function startWorkerd(
  specs: WorkerSpec[],
  configDir: string,
  options: {
    inspectorPort?: number;
    /**
     * Ready when every socket accepts a connection, without sending any Worker a request: the
     * cold rows' first request must be each Worker's first.
     */
    untouched?: boolean;
  } = {},
): Promise<Workerd> {
  const services: string[] = [
    `(name = "assets", worker = (modules = [(name = "assets.js", esModule = "export default { fetch() { return new Response(null, { status: 404 }); } };")], compatibilityDate = "2024-01-01"))`,
  ];
  const sockets: string[] = [];
  const urls: Record<string, string> = {};
  for (const spec of specs) {
    services.push(`(name = ${capnpString(spec.name)}, worker = ${workerConfig(spec, configDir)})`);
    const port = await freePort();
    sockets.push(
      `(name = ${capnpString(spec.name)}, address = "127.0.0.1:${port}", http = (), service = ${capnpString(spec.name)})`,
    );
    urls[spec.name] = `http://127.0.0.1:${port}`;
    for (const [socket, entrypoint] of Object.entries(spec.entrypoints ?? {})) {
      const entryPort = await freePort();
      sockets.push(
        `(name = ${capnpString(socket)}, address = "127.0.0.1:${entryPort}", http = (), service = (name = ${capnpString(spec.name)}, entrypoint = ${capnpString(entrypoint)}))`,
      );
      urls[socket] = `http://127.0.0.1:${entryPort}`;
    }
  }
  const config = join(configDir, "bench.capnp");
  const rateLimitModule = relative(configDir, join(root, "bench", "ratelimit.mjs"));
  const extensions = specs.some((spec) => spec.ratelimits)
    ? `  extensions = [(modules = [(name = ${capnpString(RATE_LIMIT_MODULE)}, esModule = embed ${capnpString(rateLimitModule)}, internal = true)])],\n`
    : "";
  writeFileSync(
    config,
    `using Workerd = import "/workerd/workerd.capnp";\n\nconst config :Workerd.Config = (\n  services = [\n    ${services.join(",\n    ")}\n  ],\n  sockets = [\n    ${sockets.join(",\n    ")}\n  ],\n${extensions});\n`,
  );
  const args = ["serve", config, "--experimental"];
  if (options.inspectorPort) args.push(`--inspector-addr=127.0.0.1:${options.inspectorPort}`);
  // workerd writes its output (the Worker's log lines among it) straight to a file: piping it
  // into this process would spend the bench's own CPU on every line, on the rows that log
  // but not on the ceiling, and so skew the ratios.
  const logFile = join(configDir, "workerd.log");
  const out = openSync(logFile, "w");
  const child: ChildProcess = spawn(workerdBinary(), args, { stdio: ["ignore", out, out] });
  closeSync(out);
  const logTail = () => readFileSync(logFile, "utf8").slice(-4000);
  let exit = "";
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code, signal) => {
      exit = `workerd exited (code ${code}, signal ${signal}):\n${logTail()}`;
      resolve();
    }),
  );

  // Ready when every socket answers.
  const deadline = Date.now() + 30_000;
  for (const url of Object.values(urls)) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`workerd exited (${child.exitCode}):\n${logTail()}`);
      if (Date.now() > deadline) throw new Error(`workerd did not open ${url} in 30 s:\n${logTail()}`);
      try {
        if (options.untouched) await accepts(url);
        else await fetch(url, { method: "HEAD", signal: AbortSignal.timeout(1000) });
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  const pid = child.pid!;
  const ticksPerMs = 100 / 1000; // USER_HZ is 100 on Linux
  return {
    urls,
    pid,
    cpuMs() {
      if (exit) throw new Error(exit);
      // /proc/<pid>/stat: fields 14 and 15 are utime and stime, in clock ticks.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
      return (Number(fields[11]) + Number(fields[12])) / ticksPerMs;
    },
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

type ProfileNode = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
};
export type CpuProfile = { nodes: ProfileNode[] };

/**
 * A CPU profile of the Worker whose inspector title contains `title`, through workerd's
 * inspector (Chrome DevTools protocol) at `inspectorPort`, taken while `during` runs.
 */
export async function profileWhile<T>(
  inspectorPort: number,
  title: string,
  during: () => Promise<T>,
  intervalMicros = 100,
): Promise<{ profile: CpuProfile; result: T }> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string;
    title: string;
  }[];
  const target = targets.find((t) => t.title.includes(title)) ?? targets[0]!;
  const ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve) => ws.once("open", resolve));
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  ws.on("message", (data) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  });
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<any>((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call("Profiler.enable");
    await call("Profiler.setSamplingInterval", { interval: intervalMicros });
    await call("Profiler.start");
    const result = await during();
    const { profile } = await call("Profiler.stop");
    return { profile, result };
  } finally {
    ws.close();
  }
}

/** The functions with the most self time (idle excluded), by bundle location, in per cent of the samples. */
export function selfTimes(profile: CpuProfile, top = 30): { percent: number; fn: string }[] {
  const nodes = profile.nodes.filter((n) => n.callFrame.functionName !== "(idle)");
  const total = nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
  const self = new Map<string, number>();
  for (const node of nodes) {
    const { functionName, lineNumber, columnNumber, url } = node.callFrame;
    const key = `${functionName || "(anonymous)"} ${url.split("/").pop()}:${lineNumber + 1}:${columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (node.hitCount ?? 0));
  }
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, hits]) => ({ percent: (100 * hits) / total, fn }));
}
