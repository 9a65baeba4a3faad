// The Worker: the bundled dataset, served by the one pipeline (src/worker.ts).
import { store } from "./data";
import { createWorker } from "./worker";

export default createWorker({ store });
