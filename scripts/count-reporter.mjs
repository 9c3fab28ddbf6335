// A node:test reporter that only counts, so scripts/test.mjs can print one summary line over all suites.
export default async function* countReporter(source) {
  let passed = 0;
  let failed = 0;
  const failures = [];
  for await (const event of source) {
    const isSuite = event.data?.details?.type === 'suite';
    if (event.type === 'test:pass' && !isSuite && !event.data.skip && !event.data.todo) {
      passed += 1;
    } else if (event.type === 'test:fail' && (!isSuite || ownFailure(event.data.details?.error))) {
      failed += 1;
      failures.push(`${event.data.file ?? ''} › ${event.data.name}`);
    }
  }
  yield `${JSON.stringify({ passed, failed, failures })}\n`;
}

/**
 * A suite fails on its own when a hook of it failed (an `after` that checks the store, say), not merely because a
 * test in it did; that failure is counted, or every test would pass while the run fails.
 */
function ownFailure(error) {
  return error?.failureType !== 'subtestsFailed';
}
