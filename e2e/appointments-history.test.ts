import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CitizenAppointmentsResponse } from '@helsebro/contracts';
import { openDatabase } from '../packages/server/src/platform/db/client.ts';
import { logIn } from './support/appointments.ts';
import { expectNoAxeViolations } from './support/axe.ts';
import { DESKTOP } from './support/browser.ts';
import { useJourney } from './support/fixture.ts';
import { openHeaderMenu, waitForHeading } from './support/journey.ts';
import { apiAs } from './support/people.ts';

/** What the journey downloaded, checked against the audit log after the server stopped. */
const downloaded: { appointmentId?: string } = {};

void describe('appointments: history and the calendar file (issue 15)', () => {
  const journey = useJourney(
    {},
    {
      inspectStore: async (dataDir) => {
        const store = await openDatabase({ dataDir: join(dataDir, 'pglite') });
        try {
          const reads = await store.query<{ format: string | null }>(
            `SELECT details->>'format' AS format FROM audit_log
              WHERE action = 'appointment.read' AND resource_id = $1`,
            [downloaded.appointmentId],
          );
          assert.deepEqual(
            reads.map((r) => r.format),
            ['text/calendar'],
            'the download is audited as a read of the appointment',
          );
        } finally {
          await store.close();
        }
      },
    },
  );

  void it('moves past visits to "Historikk" and downloads an upcoming one as .ics', { timeout: 180_000 }, () =>
    journey.visit('appointments-history', DESKTOP, async ({ page, problems }) => {
      await logIn(page, 'Per Hansen', 'Per Hansen');
      await page.goto('/min-side/timeavtaler');
      await waitForHeading(page, 'Timeavtaler');
      const stored = (await apiAs(page.request, 'GET', '/api/appointments')).json as CitizenAppointmentsResponse;
      const done = (stored.history ?? []).filter((a) => a.status === 'fulfilled');
      assert.ok(done.length > 0, 'the demo gives Per carried-out visits');

      const history = page.getByRole('region', { name: 'Historikk' });
      await history.getByText('Gjennomført').first().waitFor();
      assert.equal(await history.getByText('Gjennomført').count(), done.length, 'every carried-out visit is there');
      assert.equal(await history.getByRole('link', { name: /Legg til i kalender/ }).count(), 0);
      const upcoming = page.getByRole('region', { name: 'Kommende timer' });
      assert.equal(await upcoming.getByText('Gjennomført').count(), 0, 'nothing past among the coming ones');

      const first = stored.appointments
        .filter((a) => a.status === 'booked' && Date.parse(a.endsAt) > Date.now())
        .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
      assert.ok(first, 'Per has a planned visit');
      const link = upcoming.getByRole('link', { name: /^Legg til i kalender/ }).first();
      assert.equal(await link.getAttribute('href'), `/api/appointments/${first.id}/calendar.ics`);
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      assert.equal(download.suggestedFilename(), `helsebro-time-${first.localDate}.ics`);
      const ics = await readFile(await download.path(), 'utf8');
      downloaded.appointmentId = first.id;
      assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
      assert.match(ics, new RegExp(`\r\nUID:${first.id}@helsebro\r\n`));
      const utc = first.startsAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
      assert.match(ics, new RegExp(`\r\nDTSTART:${utc}\r\n`), 'the start in UTC');
      assert.match(ics, new RegExp(`\r\nSUMMARY:${first.type.name} – ${first.unit.name}\r\n`));
      await expectNoAxeViolations(page, 'appointments with history');

      await openHeaderMenu(page);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('region', { name: 'History' }).getByText('Attended').first().waitFor();
      await expectNoAxeViolations(page, 'appointments with history (English)');
      await page.getByRole('button', { name: 'Nynorsk' }).click();
      await page.getByRole('region', { name: 'Historikk' }).waitFor();
      await expectNoAxeViolations(page, 'appointments with history (nynorsk)');
      await page.getByRole('button', { name: 'Bokmål' }).click();
      assert.deepEqual(problems, []);
    }),
  );
});
