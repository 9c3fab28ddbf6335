import assert from 'node:assert/strict';
import type { StaffAppointment, StaffAppointmentUnitsResponse, StaffCalendarResponse } from '@helsebro/contracts';
import type { Page } from 'playwright-core';
import { apiAs } from './people.ts';

/**
 * Plans a home visit to Per Hansen at Hjemmesykepleien through the staff API, as the unit's calendar plans one.
 * Per and Siri Sykepleier are found among the demo's planned visits in the calendar week of the server's today.
 * @param page - a page signed in as staff of Hjemmesykepleien
 * @param at - the Europe/Oslo date and time of the visit
 * @param forSiri - give it to Siri Sykepleier, else to no one
 */
export async function planVisitToPer(page: Page, at: { date: string; time: string }, forSiri: boolean) {
  const units = (await apiAs(page.request, 'GET', '/api/staff/appointments/units'))
    .json as unknown as StaffAppointmentUnitsResponse;
  const unit = units.units.find((u) => u.name === 'Hjemmesykepleien')!;
  const type = unit.types.find((t) => t.kind === 'home_visit')!;
  const week = (await apiAs(page.request, 'GET', `/api/staff/appointments/units/${unit.id}/calendar?view=week`))
    .json as unknown as StaffCalendarResponse;
  const planned = week.days.flatMap((d) => d.appointments);
  const per = planned.find((a) => a.citizen.displayName === 'Per Hansen')!.citizen.personId;
  const siri = planned.find((a) => a.staff?.displayName === 'Siri Sykepleier')!.staff!.personnelId;
  const created = await apiAs(page.request, 'POST', `/api/staff/appointments/units/${unit.id}/appointments`, {
    personId: per,
    typeId: type.id,
    localDate: at.date,
    localTime: at.time,
    location: 'Hjemme, nøkkelboks ved døren',
    ...(forSiri ? { staffPersonnelId: siri } : {}),
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  return { id: (created.json as unknown as StaffAppointment).id, at, unit, siri, per };
}
