// The order test files start in. Vitest's own sequencer runs the projects one after another,
// by name (browser, node, worker), and within each the longest first (the size of a file when
// no earlier run has timed it). The worker project came last, yet its runtimes load the
// Worker's modules for seconds before its first test and its fuzzer is among the longest
// files: started last, they left a core idle at the end of every run. The worker project
// starts first here, and the other projects fill the cores meanwhile: `npm test` from a clean
// clone took 79 and 72 s against 81 and 80 s without it, alternating (2026-12-07), with 15
// against 19 core-seconds idle (/proc/stat).
import { BaseSequencer, type TestSpecification } from "vitest/node";

const projectOrder = ["worker", "browser", "node"];
const rank = (spec: TestSpecification) => projectOrder.indexOf(spec.project.name);

export class WorkerProjectFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
