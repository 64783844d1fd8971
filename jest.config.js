/** One jest run for all three tiers; the jsdom tier opts in per file with a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.(t|j)sx?$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  moduleNameMapper: { "^obsidian$": "<rootDir>/test/fakes/obsidian.ts" },
  testTimeout: 60000,
  // A run without ../shared lists what it skipped and why, one line each.
  reporters: ["default", "<rootDir>/test/support/skip-reporter.js"],
  globalSetup: "<rootDir>/test/support/global-setup.ts",
};
