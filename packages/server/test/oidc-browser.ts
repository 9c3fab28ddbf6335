/**
 * A minimal browser for driving the OIDC login against a listening test app with fetch: a cookie jar that
 * honours Path and deletion, manual redirects, and form posts. No JavaScript, like a screen reader with scripts
 * off, so the flow must work without it.
 */
type Cookie = { name: string; value: string; path: string };

export type Page = { url: string; status: number; location: string | null; body: string; headers: Headers };

export class TestBrowser {
  private cookies: Cookie[] = [];

  constructor(readonly baseUrl: string) {}

  /** The cookie header this browser would send to `url`. */
  cookieHeader(url: string): string {
    const path = new URL(url, this.baseUrl).pathname;
    return this.cookies
      .filter((c) => path === c.path || path.startsWith(c.path.endsWith('/') ? c.path : `${c.path}/`))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }

  cookie(name: string): string | undefined {
    return this.cookies.find((c) => c.name === name)?.value;
  }

  setCookie(name: string, value: string, path = '/'): void {
    this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
    this.cookies.push({ name, value, path });
  }

  /** One request, no redirects followed. */
  async request(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Page> {
    const full = new URL(url, this.baseUrl).href;
    const headers: Record<string, string> = { accept: 'text/html', ...(init.headers ?? {}) };
    const cookie = this.cookieHeader(full);
    if (cookie) {
      headers.cookie = cookie;
    }
    let body: string | undefined;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const res = await fetch(full, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    this.store(res.headers.getSetCookie(), full);
    const location = res.headers.get('location');
    return {
      url: full,
      status: res.status,
      location: location ? new URL(location, full).href : null,
      body: await res.text(),
      headers: res.headers,
    };
  }

  /** Follows redirects (at most 10) and returns every page on the way, the last one first. */
  async follow(
    url: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Page[]> {
    const pages: Page[] = [await this.request(url, init)];
    while (pages[0]!.location && pages[0]!.status >= 300 && pages[0]!.status < 400 && pages.length < 10) {
      pages.unshift(await this.request(pages[0]!.location));
    }
    return pages;
  }

  private store(setCookies: string[], url: string): void {
    for (const line of setCookies) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (n: string) => attrs.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1);
      const path = attr('path') ?? new URL(url).pathname.replace(/\/[^/]*$/, '') ?? '/';
      const expires = attr('expires');
      const maxAge = attr('max-age');
      const gone = value === '' || maxAge === '0' || (expires !== undefined && Date.parse(expires) <= Date.now());
      this.cookies = this.cookies.filter((c) => !(c.name === name && c.path === path));
      if (!gone) {
        this.cookies.push({ name, value, path });
      }
    }
  }
}

/** The value of the first `name="…" value="…"` pair for `name` in an HTML form. */
export function formValue(html: string, name: string): string | undefined {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m?.[1]?.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
}

/** The `action` of the first form in the page. */
export function formAction(html: string): string | undefined {
  return /<form[^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, '&');
}
