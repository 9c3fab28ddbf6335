#!/usr/bin/env node
// `npm test`: every suite Helsebro has, then one closing line `N passed, N failed` (CI reads that line).
//  1. unit + integration tests on the embedded store (PGlite) — always;
//  2. the same tests on a PostgreSQL server — when TEST_DATABASE_URL is set;
//  3. browser journeys (Playwright + Debian's Chromium) — when Chromium is installed.
// HELSEBRO_REQUIRE=postgres,browser (set by .ci/run) turns a suite that cannot run into a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// One directory per run: two runs at once (engineers sharing a checkout) must not delete each other's reports.
const results = join(root, '.test-results', 'runs', String(process.pid));
const required = new Set(
  (process.env.HELSEBRO_REQUIRE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const only = process.argv.slice(2); // optional file filters: `npm test -- audit`

function findTests(dir) {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') {
      return [];
    }
    if (statSync(p).isDirectory()) {
      return findTests(p);
    }
    return name.endsWith('.test.ts') ? [p] : [];
  });
}

const filter = (files) => (only.length === 0 ? files : files.filter((f) => only.some((o) => f.includes(o))));
const serverTests = filter(
  [
    'packages/contracts/src',
    'packages/server/src',
    'packages/server/test',
    'packages/web/src',
    'scripts',
    'bench/src',
  ].flatMap((d) => findTests(join(root, d))),
);
const browserTests = filter(findTests(join(root, 'e2e')));

rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
const totals = { passed: 0, failed: 0, failures: [] };
const notes = [];

function runSuite(name, files, env = {}, concurrency = 2) {
  if (files.length === 0) {
    return;
  }
  console.log(`\n=== ${name}: ${files.length} test files ===`);
  const out = join(results, `${name.replace(/\W+/g, '-')}.json`);
  const res = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      `--test-concurrency=${concurrency}`,
      // A test that hangs fails after five minutes instead of holding CI until its time runs out.
      '--test-timeout=300000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(root, 'scripts/count-reporter.mjs')}`,
      `--test-reporter-destination=${out}`,
      ...files.map((f) => relative(root, f)),
    ],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } },
  );
  let counts = { passed: 0, failed: 0, failures: [] };
  try {
    counts = JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    counts.failed = 1;
    counts.failures = [`${name}: the test runner produced no report (exit ${res.status})`];
  }
  if (res.status !== 0 && counts.failed === 0) {
    counts.failed = 1;
    counts.failures.push(`${name}: the test runner exited with ${res.status ?? res.signal}`);
  }
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.failures.push(...counts.failures.map((f) => `[${name}] ${f}`));
}

function skipped(suite, why, how) {
  if (required.has(suite)) {
    totals.failed += 1;
    totals.failures.push(`[${suite}] required but could not run: ${why}`);
    console.log(`\n!!! The ${suite} suite is required (HELSEBRO_REQUIRE) but could not run: ${why}`);
  } else {
    notes.push(`The ${suite} suite did not run: ${why}. ${how}`);
  }
}

runSuite('unit and integration (PGlite)', serverTests, { TEST_DATABASE_URL: '' });

if (process.env.TEST_DATABASE_URL) {
  runSuite('integration (PostgreSQL)', serverTests);
} else {
  skipped(
    'postgres',
    'TEST_DATABASE_URL is not set',
    'To run it: TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm test',
  );
}

if (browserTests.length > 0) {
  if (existsSync(chromium)) {
    const build = spawnSync('npm', ['run', 'build', '--silent', '-w', '@helsebro/web'], {
      cwd: root,
      stdio: 'inherit',
    });
    if (build.status !== 0) {
      totals.failed += 1;
      totals.failures.push('[browser] the web build failed');
    } else {
      runSuite('browser (Chromium)', browserTests, { CHROMIUM_PATH: chromium }, 1);
    }
  } else {
    skipped(
      'browser',
      `no Chromium at ${chromium}`,
      'To run it: apt-get install chromium (or set CHROMIUM_PATH), then npm test',
    );
  }
}

console.log('');
for (const f of totals.failures) {
  console.log(`FAILED ${f}`);
}
for (const n of notes) {
  console.log(`NOTE ${n}`);
}
rmSync(results, { recursive: true, force: true });
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
