import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import type { MunicipalitiesResponse } from '@helsebro/contracts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { chooseTestUser, logInFromLanding, waitForHeading } from './support/journey.ts';

const REASON = 'Kalenderen i journalsystemet byttes ut';

/** The suspension stood, and the nurse's visit left no calendar reading in the audit log (the page asked nothing). */
async function inspectStore(dataDir: string): Promise<void> {
  const db = await PGlite.create({ dataDir: join(dataDir, 'pglite') });
  try {
    const { rows } = await db.query<{ status: string }>(
      `SELECT s.status FROM municipality_services s JOIN municipalities m ON m.id = s.municipality_id
         WHERE m.name = 'Fjordvik kommune' AND s.service_code = 'appointments.view'`,
    );
    assert.deepEqual(rows, [{ status: 'suspended' }]);
    const calendarReads = await db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'appointment.calendar'",
    );
    assert.equal(calendarReads.rows[0]?.n, 0);
  } finally {
    await db.close();
  }
}

void describe('the staff calendar where Timeavtaler is not active (issue 12, seed 000 §5.1)', () => {
  const journey = useJourney({}, { inspectStore });

  void it(
    'says the service is not in use, in nb and nn, and the workspace offers no calendar',
    { timeout: 240_000 },
    async () => {
      await journey.visit('operator-suspends-appointments', DESKTOP, async ({ page, problems }) => {
        await page.goto('/auth/login?returnTo=%2Fdrift');
        await chooseTestUser(page, 'Ola Operatør');
        await waitForHeading(page, 'Driftskonsoll');
        const csrf = ((await (await page.request.get('/api/session')).json()) as { csrfToken: string }).csrfToken;
        const list = (await (
          await page.request.get('/api/operator/municipalities?q=Fjordvik')
        ).json()) as MunicipalitiesResponse;
        const fjordvik = list.items.find((m) => m.name === 'Fjordvik kommune');
        assert.ok(fjordvik, 'the demo has Fjordvik kommune');
        const res = await page.request.post(
          `/api/operator/municipalities/${fjordvik.id}/services/appointments.view/suspend`,
          { headers: { 'x-csrf-token': csrf }, data: { reason: REASON } },
        );
        assert.equal(res.status(), 200, await res.text());
        assert.deepEqual(problems, []);
      });

      await journey.visit('nurse-calendar-inactive', DESKTOP, async ({ page, problems }) => {
        await logInFromLanding(page, 'Siri Sykepleier');
        await waitForHeading(page, 'Arbeidsflate');
        await page.getByRole('link', { name: 'Brukerstøtte' }).waitFor();
        assert.equal(
          await page.getByRole('link', { name: 'Kalender og timeavtaler' }).count(),
          0,
          'no calendar in the workspace',
        );
        // Reached by its address, the page says why there is no calendar instead of failing.
        await page.goto('/ansatt/kalender');
        await waitForHeading(page, 'Kalender');
        await page.getByRole('heading', { name: 'Timeavtaler er ikke tatt i bruk' }).waitFor();
        await page.getByText('Kommunens administrator kan bestille tjenesten.', { exact: false }).waitFor();
        assert.equal(await page.getByRole('table').count(), 0);
        assert.equal(await page.getByRole('alert').count(), 0, 'no error shown');
        await expectNoAxeViolations(page, 'the staff calendar without Timeavtaler');

        await page.getByRole('button', { name: 'Nynorsk' }).first().click();
        await page.getByRole('heading', { name: 'Timeavtalar er ikkje tekne i bruk' }).waitFor();
        await expectNoAxeViolations(page, 'the staff calendar without Timeavtaler, in nynorsk');
        assert.deepEqual(problems, []);
      });
    },
  );
});
