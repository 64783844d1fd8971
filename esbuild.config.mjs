// Two bundles from one core: the Obsidian plugin (main.js) and the headless CLI (dist/cli.js).
// Run as a script it builds them; bench/run.mjs imports the plugin's options to build the same.
import esbuild from "esbuild";
import { chmodSync } from "node:fs";
import { builtinModules } from "node:module";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The plugin bundle as Obsidian loads it: `main.js`, minified for a release. */
export function pluginBuildOptions(production) {
  return {
    entryPoints: ["src/main.ts"],
    bundle: true,
    format: "cjs",
    target: "es2021",
    platform: "browser",
    outfile: "main.js",
    minify: production,
    sourcemap: production ? false : "inline",
    treeShaking: true,
    logLevel: "info",
    external: [
      "obsidian",
      "electron",
      "@codemirror/*",
      "@lezer/*",
      ...builtinModules,
    ],
  };
}

/**
 * The headless CLI as `npm link` and `npx attack-vault` run it: `dist/cli.js`, minified, since Node
 * parses the whole bundle at every start (issue 16: a third of a small vault's run). Tests and the
 * bench build the same with another `outfile`.
 */
export const cliBuildOptions = {
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  format: "cjs",
  platform: "node",
  target: "node20",
  outfile: "dist/cli.js",
  banner: { js: "#!/usr/bin/env node" },
  minify: true,
  sourcemap: false,
  logLevel: "info",
  // Executable, so `./dist/cli.js` runs by its shebang as `npm link`'s `attack-vault` does.
  plugins: [
    {
      name: "executable",
      setup: (build) => build.onEnd((result) => result.errors.length === 0 && build.initialOptions.write !== false && chmodSync(build.initialOptions.outfile, 0o755)),
    },
  ],
};

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const production = process.argv[2] === "production";
  const builds = [pluginBuildOptions(production), cliBuildOptions];
  if (production) {
    await Promise.all(builds.map((options) => esbuild.build(options)));
  } else {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
  }
}
