import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { addCalendarDays, fromOslo, osloDateOf } from '../../packages/server/src/platform/time/oslo-time.ts';
import { chooseTestUser, escapeRegExp, waitForHeading } from './journey.ts';

/** One appointment card, found by text in its heading (day and time, or the type). */
export function card(page: Page, headingText: string) {
  return page
    .locator('.hb-appt')
    .filter({ has: page.getByRole('heading', { level: 3, name: new RegExp(escapeRegExp(headingText)) }) });
}

/**
 * Logs in from the front page and, when asked whom to act for, picks `actFor`.
 * @param user - the test user's name
 * @param actFor - whom to act for (the user themselves or a child)
 */
export async function logIn(page: Page, user: string, actFor: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: 'Logg inn' }).click();
  await chooseTestUser(page, user);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  // A parent is asked whom to act for right after the login.
  if ((await h1.textContent()) === 'Hvem vil du bruke Helsebro for?') {
    await page.getByRole('button', { name: `Velg ${actFor}` }).click();
    await page.waitForURL((url) => url.pathname === '/min-side');
    await waitForHeading(page, 'Min side');
  }
}

/**
 * Picks a free time by keyboard: focus on the day's first time, then Space, as a keyboard user would.
 * @param which - the first time of the first day shown, or the first time of the last day shown
 * @returns the day (as its legend reads) and the time
 */
export async function chooseSlotByKeyboard(
  page: Page,
  which: 'first' | 'last',
): Promise<{ day: string; time: string }> {
  const days = page.locator('fieldset.hb-slot-day');
  await days.first().waitFor();
  const fieldset = which === 'first' ? days.first() : days.last();
  const day = (await fieldset.locator('legend').textContent())?.trim() ?? '';
  const radio = fieldset.getByRole('radio').first();
  const time = (await fieldset.locator('.hb-slot__time').first().textContent())?.trim() ?? '';
  await radio.focus();
  await page.keyboard.press('Space');
  assert.ok(await radio.isChecked(), 'Space chose the time');
  return { day, time };
}

/**
 * A wall-clock minute in Europe/Oslo some minutes from now, as the staff calendar's date and time fields take it.
 * @param minutes - how far ahead
 * @param now - "now" in epoch milliseconds: the real time, or a journey's set clock (`journey.clockNow()`)
 * @returns the local date and time, and the instant that minute starts
 */
export function osloMinutesAhead(minutes: number, now = Date.now()): { date: string; time: string; startsAt: number } {
  const at = new Date(now + minutes * 60_000);
  at.setUTCSeconds(0, 0);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/Oslo',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    startsAt: at.getTime(),
  };
}

/** "Tirsdag 24. november 2026", as the citizen pages write a local date in bokmål. */
export function longDay(localDate: string): string {
  const text = new Intl.DateTimeFormat('nb-NO', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${localDate}T00:00:00Z`));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * The first `time` (Europe/Oslo) still ahead of the real time, today's or tomorrow's: a set clock for a journey that
 * plans visits a few hours ahead and needs them to fall on "today" whatever hour it runs at (near midnight they
 * would not).
 */
export function nextOsloAt(time: string): Date {
  for (let date = osloDateOf(new Date()); ; date = addCalendarDays(date, 1)) {
    const at = fromOslo(date, time)!;
    if (at.getTime() > Date.now()) {
      return at;
    }
  }
}
