// `npm run bench`: bundles the bench (and the plugin-in-the-fake-app probe) with esbuild into
// bench/.build/, builds main.js, then runs the bench in a Node with --expose-gc and room for 30×.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import esbuild from "esbuild";
import { cliBuildOptions, pluginBuildOptions } from "../esbuild.config.mjs";

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, "..");
const out = join(benchDir, ".build");
const args = process.argv.slice(2);
const smoke = args.includes("--smoke");
mkdirSync(out, { recursive: true });

const nodeBundle = { bundle: true, platform: "node", format: "cjs", target: "node20", logLevel: "silent", external: ["jsdom", "esbuild", "playwright-core", "@sparticuz/chromium"] };
const firstLine = (error) => String(error?.errors?.[0]?.text ?? error?.message ?? error).split("\n")[0];
const env = { ...process.env };

await esbuild.build({ ...nodeBundle, entryPoints: [join(benchDir, "main.ts")], outfile: join(out, "bench.cjs") });

// The plugin in the fake app: only targets 7 and 12 need it, so a broken plugin build fails only those.
try {
  await esbuild.build({
    ...nodeBundle,
    entryPoints: { "plugin-load": join(benchDir, "plugin-load/main.ts"), "first-build": join(benchDir, "plugin-load/first-build.ts") },
    outdir: out,
    outExtension: { ".js": ".cjs" },
    alias: { obsidian: join(root, "test/fakes/obsidian.ts") },
  });
} catch (error) {
  env.BENCH_PLUGIN_LOAD_ERROR = `the plugin did not bundle with the fake app: ${firstLine(error)}`;
}

// main.js and dist/cli.js as `npm run build` makes them; the smoke run builds the same into bench/.build/ to leave the root alone.
if (smoke) {
  env.BENCH_MAIN_JS = join(out, "main.js");
  env.BENCH_CLI_JS = join(out, "cli.js");
  const inRoot = (options) => ({ ...options, entryPoints: options.entryPoints.map((entry) => join(root, entry)), logLevel: "silent" });
  try {
    await esbuild.build({ ...inRoot(pluginBuildOptions(true)), outfile: env.BENCH_MAIN_JS });
  } catch (error) {
    env.BENCH_MAIN_JS_ERROR = `the plugin build failed: ${firstLine(error)}`;
  }
  try {
    await esbuild.build({ ...inRoot(cliBuildOptions), outfile: env.BENCH_CLI_JS });
  } catch (error) {
    env.BENCH_CLI_JS_ERROR = `the CLI build failed: ${firstLine(error)}`;
  }
} else {
  env.BENCH_MAIN_JS = join(root, "main.js");
  env.BENCH_CLI_JS = join(root, cliBuildOptions.outfile);
  const build = spawnSync("npm", ["run", "-s", "build"], { cwd: root, stdio: ["ignore", 2, 2] });
  if (build.status !== 0) env.BENCH_MAIN_JS_ERROR = env.BENCH_CLI_JS_ERROR = "`npm run build` failed";
}

// --expose-gc: a collection before each sample and a settled heap for target 6. --single-threaded-gc:
// otherwise that collection leaves background sweeping of a 30× heap competing with the next sample.
const nodeFlags = ["--expose-gc", "--single-threaded-gc", "--max-old-space-size=8192"];
const run = spawnSync(process.execPath, [...nodeFlags, join(out, "bench.cjs"), ...args], { cwd: root, stdio: "inherit", env });
process.exit(run.status ?? 1);
