import { escapeHtml, page } from './html.ts';

/**
 * The page a browser sees when a login fails: what happened, in Norwegian, and a way to try again. No stack
 * trace, no internals.
 * @param message - the safe, user-facing message
 * @param code - the stable error code, shown for support
 * @param publicUrl - this site's address
 */
export function renderLoginErrorPage(message: string, code: string, publicUrl: string): string {
  const main = `<h1>Innloggingen mislyktes</h1>
<section class="error" aria-labelledby="feil"><h2 id="feil">Hva skjedde</h2>
<p>${escapeHtml(message)}</p>
<p class="hint">Feilkode: <code>${escapeHtml(code)}</code></p></section>
<p><a class="button" href="${escapeHtml(publicUrl)}/auth/login">Logg inn på nytt</a></p>
<p><a href="${escapeHtml(publicUrl)}/">Til forsiden</a></p>`;
  return page({ title: 'Innloggingen mislyktes — Helsebro', main });
}
