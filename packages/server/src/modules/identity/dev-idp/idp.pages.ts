import type { TestUserList } from '../accounts.repository.ts';
import { escapeHtml, page } from '../html.ts';

const BRAND = 'Helsebro test-ID';
const birthDate = new Intl.DateTimeFormat('nb-NO', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const collator = new Intl.Collator('nb');

export type LoginKind = 'citizen' | 'personnel' | 'operator';

export type LoginPageInput = {
  uid: string;
  clientName: string;
  users: TestUserList;
  /** A message about the typed identity number, shown on the page and tied to the field. */
  error?: string | undefined;
  nin?: string | undefined;
  kind?: LoginKind | undefined;
};

const KINDS: Array<[LoginKind, string]> = [
  ['citizen', 'Innbygger (ID-porten)'],
  ['personnel', 'Helsepersonell (HelseID)'],
  ['operator', 'Drift (operatør)'],
];

/**
 * The development login page, shaped like the national test login pages: pick a synthetic test user, or type a
 * fødselsnummer. Plain forms, so it works without JavaScript. Identity numbers are never printed.
 * @param input - interaction, users and any error to show
 */
export function renderLoginPage(input: LoginPageInput): string {
  const action = `/idp/interaction/${encodeURIComponent(input.uid)}/login`;
  const name = (u: { givenName: string; familyName: string }) => `${u.givenName} ${u.familyName}`;
  const byName = <T extends { givenName: string; familyName: string }>(list: T[]) =>
    [...list].sort((a, b) => collator.compare(name(a), name(b)));
  const citizens = byName(input.users.citizens).map((u) =>
    userButton(`citizen:${u.id}`, name(u), `Født ${birthDate.format(new Date(`${u.birthDate}T00:00:00Z`))}`),
  );
  const staff = byName(input.users.personnel).map((u) =>
    userButton(`personnel:${u.id}:${u.municipalityId}`, name(u), u.municipalityName),
  );
  const ops = byName(input.users.operators).map((u) => userButton(`operator:${u.id}`, name(u), 'Plattformdrift'));
  const main = `
<h1>Velg testbruker</h1>
<p class="notice">Dette er Helsebros innlogging for utvikling og test. Alle brukerne er syntetiske testpersoner.
Du logger inn til <strong>${escapeHtml(input.clientName)}</strong>.</p>
${ninSection(action, input)}
${group('innbyggere', 'Innbyggere (ID-porten)', action, citizens)}
${group('helsepersonell', 'Helsepersonell (HelseID)', action, staff)}
${group('drift', 'Drift (operatør)', action, ops)}`;
  return page({ title: 'Helsebro test-ID — velg testbruker', brand: BRAND, main });
}

function ninSection(action: string, input: LoginPageInput): string {
  const invalid = input.error !== undefined;
  const described = invalid ? 'fnr-hint fnr-feil' : 'fnr-hint';
  const options = KINDS.map(
    ([value, label]) =>
      `<option value="${value}"${(input.kind ?? 'citizen') === value ? ' selected' : ''}>${escapeHtml(label)}</option>`,
  ).join('');
  return `<section aria-labelledby="fnr-overskrift"${invalid ? ' class="error"' : ''}>
<h2 id="fnr-overskrift">Logg inn med fødselsnummer</h2>
<form method="post" action="${action}">
<label for="fnr">Fødselsnummer</label>
<p class="hint" id="fnr-hint">11 siffer, for eksempel et syntetisk testnummer.</p>
${invalid ? `<p class="field-error" id="fnr-feil">${escapeHtml(input.error ?? '')}</p>` : ''}
<input type="text" id="fnr" name="nin" inputmode="numeric" autocomplete="off" spellcheck="false" maxlength="13"
 value="${escapeHtml(input.nin ?? '')}" aria-describedby="${described}"${invalid ? ' aria-invalid="true" autofocus' : ''}>
<label for="rolle">Logg inn som</label>
<select id="rolle" name="kind">${options}</select>
<div class="actions"><button type="submit">Logg inn</button></div>
</form>
</section>`;
}

function group(id: string, title: string, action: string, buttons: string[]): string {
  const body = buttons.length
    ? `<form method="post" action="${action}"><ul class="users">${buttons.join('')}</ul></form>`
    : '<p>Ingen testbrukere i denne gruppen.</p>';
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(title)}</h2>${body}</section>`;
}

function userButton(accountId: string, name: string, meta: string): string {
  return `<li><button type="submit" name="account" value="${escapeHtml(accountId)}">${escapeHtml(name)}<span class="meta">${escapeHtml(meta)}</span></button></li>`;
}

/**
 * The IdP's logout page. oidc-provider supplies `form` (a hidden xsrf field); our same-origin script submits it
 * at once, and the button does the same for browsers without JavaScript.
 * @param form - the provider's form markup
 */
export function renderLogoutPage(form: string): string {
  const main = `
<h1>Logg ut av Helsebro test-ID</h1>
<p>Du logges ut av testinnloggingen. Hvis ingenting skjer, trykk på knappen.</p>
${form}
<div class="actions"><button type="submit" form="op.logoutForm" name="logout" value="yes">Logg ut</button></div>`;
  return page({ title: 'Logg ut — Helsebro test-ID', brand: BRAND, main, scripts: ['/idp-assets/logout.js'] });
}

/**
 * Shown after a logout that had no address to return to.
 * @param publicUrl - Helsebro's address, for the link back
 */
export function renderLoggedOutPage(publicUrl: string): string {
  const main = `<h1>Du er logget ut</h1>
<p>Du er logget ut av Helsebro test-ID.</p>
<p><a href="${escapeHtml(publicUrl)}/">Tilbake til Helsebro</a></p>`;
  return page({ title: 'Logget ut — Helsebro test-ID', brand: BRAND, main });
}

/**
 * The IdP's error page: the OAuth error code (no stack, no internals) and a way back.
 * @param code - the OAuth error code
 * @param description - the provider's description, if any
 * @param publicUrl - Helsebro's address
 */
export function renderIdpError(code: string, description: string | undefined, publicUrl: string): string {
  const main = `<h1>Innloggingen kunne ikke fullføres</h1>
<section class="error" aria-labelledby="feil"><h2 id="feil">Hva skjedde</h2>
<p>Testinnloggingen svarte med feilkoden <code>${escapeHtml(code)}</code>${
    description ? `: ${escapeHtml(description)}` : ''
  }.</p></section>
<p><a class="button" href="${escapeHtml(publicUrl)}/auth/login">Start innloggingen på nytt</a></p>`;
  return page({ title: 'Feil ved innlogging — Helsebro test-ID', brand: BRAND, main });
}
