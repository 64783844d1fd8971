/**
 * A jest reporter that lists, one line each, the tests skipped because something they need is
 * absent (their titles start with "skipped:", see test/support/paths.ts). jest's own summary
 * only counts skipped tests; this says which and why.
 */
class SkipReporter {
  onRunComplete(_contexts, results) {
    for (const line of skippedLines(results)) process.stderr.write(line + "\n");
  }
}

/** `skipped: <reason> (<test file>)` for every skipped test that gives a reason, in file order. */
function skippedLines(results) {
  const lines = [];
  for (const file of results.testResults) {
    for (const test of file.testResults) {
      if (test.status === "pending" && test.title.startsWith("skipped:")) lines.push(`${test.title} (${relative(file.testFilePath)})`);
    }
  }
  return lines;
}

function relative(path) {
  const root = `${process.cwd()}/`;
  return path.startsWith(root) ? path.slice(root.length) : path;
}

module.exports = SkipReporter;
module.exports.skippedLines = skippedLines;
