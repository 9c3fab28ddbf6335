/**
 * The small HTML shell of the server-rendered pages (login, logout, login errors): Norwegian bokmål, landmarks,
 * one h1, contrast above WCAG 2.1 AA, no scripts inline (the CSP allows only same-origin script files).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 * @param value - untrusted text
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:1.0625rem;line-height:1.5;color:#1b1b1b;background:#f4f4f1}
header,footer{background:#023a4f;color:#fff;padding:.75rem 1.25rem}
header p{margin:0;font-weight:700;font-size:1.125rem}
footer{margin-top:2rem;font-size:.9375rem}
footer a,header a{color:#fff}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1.25rem}
h1{font-size:1.75rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:0 0 .75rem}
section{background:#fff;border:1px solid #8a8a85;border-radius:6px;padding:1rem 1.25rem;margin:0 0 1.25rem}
a{color:#005378}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
.hint{margin:0 0 .25rem;color:#404040;font-size:.9375rem}
input[type=text],select{font:inherit;padding:.5rem .625rem;border:2px solid #545450;border-radius:4px;min-width:16rem;max-width:100%;background:#fff;color:#1b1b1b}
input[aria-invalid=true]{border-color:#a3001b}
button,.button{font:inherit;font-weight:600;cursor:pointer;border-radius:4px;padding:.625rem 1rem;border:2px solid #005378;background:#005378;color:#fff;text-decoration:none;display:inline-block}
button:hover,.button:hover{background:#023a4f;border-color:#023a4f}
:focus-visible{outline:3px solid #c15e00;outline-offset:2px}
.actions{margin-top:1rem}
ul.users{list-style:none;margin:0;padding:0;display:grid;gap:.5rem}
ul.users button{width:100%;text-align:left;background:#fff;color:#1b1b1b;border:2px solid #545450;font-weight:600}
ul.users button:hover{background:#e6f0f4;border-color:#005378}
ul.users .meta{display:block;font-weight:400;color:#404040;font-size:.9375rem}
.error{border:2px solid #a3001b;background:#fff4f4;color:#1b1b1b;border-radius:6px;padding:.75rem 1rem;margin:0 0 1.25rem}
.error h2{color:#a3001b}
.field-error{color:#a3001b;font-weight:600;margin:.25rem 0}
.notice{background:#fff8e1;border:1px solid #8a6d00;border-radius:6px;padding:.75rem 1rem;margin:0 0 1.25rem}
`;

export type PageOptions = {
  title: string;
  /** The h1 and everything after it, already escaped. */
  main: string;
  /** Same-origin script files (the CSP forbids inline scripts). */
  scripts?: string[];
  brand?: string;
};

/**
 * A complete page: header, main, footer.
 * @param opts - title, main content and scripts
 */
export function page(opts: PageOptions): string {
  const scripts = (opts.scripts ?? []).map((src) => `<script src="${escapeHtml(src)}" defer></script>`).join('');
  return `<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(opts.title)}</title>
<style>${STYLE}</style>
${scripts}
</head>
<body>
<header><p>${escapeHtml(opts.brand ?? 'Helsebro')}</p></header>
<main id="innhold">
${opts.main}
</main>
<footer><p>Helsebro – digitale helse- og omsorgstjenester for kommunene.</p></footer>
</body>
</html>`;
}
