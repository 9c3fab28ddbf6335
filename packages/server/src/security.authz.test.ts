import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { createAuthzFixture, type AuthzFixture } from '../test/security/fixture.ts';
import { ACCESS_TABLES, accessFilesOnDisk } from '../test/security/access-tables.ts';
import { checkCoverage, runMatrix } from '../test/security/matrix.ts';

const TABLES = Object.values(ACCESS_TABLES);

/**
 * The authorization matrix (issue 10): every route of the real application, as every kind of caller, with A's
 * real ids in the path and valid, empty and all-null bodies. The app listens on loopback only because the EPJ API
 * fetches the issuer's keys over HTTP; the matrix itself goes through app.inject.
 */
void describe('authorization matrix: every route as every caller', () => {
  let t: TestApp;
  let fixture: AuthzFixture;

  before(async () => {
    // Generous limits, so every request reaches the real check instead of a 429.
    const limits = {
      RATE_LIMIT_LOGIN_PER_MINUTE: '1000000',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
      RATE_LIMIT_EDI_PER_MINUTE: '1000000',
    };
    t = await buildTestApp(limits, { listen: true });
    fixture = await createAuthzFixture(t);
  });
  after(async () => {
    await t.close();
  });

  void it('declares every route, and every declaration is of a route', () => {
    assert.deepEqual(accessFilesOnDisk().sort(), Object.keys(ACCESS_TABLES).sort(), 'every *.access.ts is read');
    const coverage = checkCoverage(t.app.routeTable.routes(), TABLES);
    assert.deepEqual(coverage, { undeclared: [], orphaned: [], duplicated: [], badParams: [] });
  });

  void it('gives no caller a 2xx it is not declared to get, answers nothing with 5xx, and reaches every allowed route', async () => {
    const report = await runMatrix(t, fixture, TABLES);
    console.log(`authz: ${report.checked} checked, ${report.unexpected.length} unexpected`);
    // One assertion, so a failure lists all three kinds at once.
    assert.deepEqual(
      { unexpected: report.unexpected, serverErrors: report.serverErrors, unreached: report.unreached },
      { unexpected: [], serverErrors: [], unreached: [] },
      'unexpected: a 2xx the declarations do not allow; serverErrors: a 5xx; unreached: an allowed caller got no ' +
        '2xx with the valid body (the declaration allows more than the code does, or the fixture is not real)',
    );
    assert.ok(report.checked > 1000, `${report.checked} requests`);
  });
});
