// The Worker: the bundled dataset, served by the one pipeline (src/worker.ts), built in module scope.
import { env } from "cloudflare:workers";
import { store } from "./data";
import { createWorker } from "./worker";

export default createWorker({ store }, env);
