// Sums the JSON reports of every suite CI ran (vitest: unit + integration; Playwright: e2e)
// into the one closing line CI reads: `N passed, N failed`. A missing report counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const reports = [
  { name: 'vitest', file: 'test-results/vitest.json', count: countVitest },
  { name: 'e2e', file: 'test-results/e2e.json', count: countPlaywright },
];

function countVitest(report) {
  const failedTests = report.numFailedTests ?? 0;
  // A file that fails to load has no failed test in it, but the run still failed.
  const failed = failedTests + (report.success === false && failedTests === 0 ? 1 : 0);
  return { passed: report.numPassedTests ?? 0, failed, skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0) };
}

function countPlaywright(report) {
  const stats = report.stats ?? {};
  // A test that failed once and passed on its retry counts as passed, and is named as flaky.
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: stats.unexpected ?? 0, skipped: stats.skipped ?? 0, flaky: stats.flaky ?? 0 };
}

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const { name, file, count } of reports) {
  if (!existsSync(file)) {
    console.log(`${name}: no report at ${file} (the suite did not run to the end)`);
    failed += 1;
    ok = false;
    continue;
  }
  const result = count(JSON.parse(readFileSync(file, 'utf8')));
  console.log(`${name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped${result.flaky ? ` (${result.flaky} flaky: passed on retry)` : ''}`);
  passed += result.passed;
  failed += result.failed;
  skipped += result.skipped;
}
if (failed > 0) ok = false;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(ok ? 0 : 1);
