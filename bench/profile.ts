/** `--profile`: a CPU profile of each target alone (setup excluded), written beside the bench bundle. */
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { progress } from "./measure";

/** Runs `run` under the V8 profiler and writes `target-N.cpuprofile`; the inspector answers synchronously. */
export function profiled<T>(target: number, run: () => T): T {
  const session = new Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.start");
  try {
    return run();
  } finally {
    session.post("Profiler.stop", (error, result) => {
      if (error) progress(`target ${target}: no profile (${error.message})`);
      else {
        const file = join(__dirname, `target-${target}.cpuprofile`);
        writeFileSync(file, JSON.stringify(result.profile));
        progress(`target ${target}: profile written to ${file} (summary: node bench/profile-summary.mjs ${file})`);
      }
    });
    session.disconnect();
  }
}
