/**
 * `npm run epj-sim`: a small EPJ (electronic patient record) as a vendor would build it against Helsebro. It uses
 * only the public HTTP API — the identity provider's token endpoint and /epj/v1 — and no server code, so the API
 * is exercised the way an EPJ uses it: client credentials token (RFC 6749 §4.4), poll the feed from a stored
 * cursor, fetch what the events name (conversations, appointments), (with --auto-reply) answer the citizen as the
 * unit, and keep the unit's appointments: schedules, slots, appointments and completed visits (issue 6, E1).
 *
 *   npm run epj-sim -- [--url http://127.0.0.1:8080] [--client-id epj-demo-9901] [--client-secret …]
 *                      [--auto-reply "Takk, vi ringer deg i dag."] [--hpr 9100001 --author "Siri Sykepleier"]
 *                      [--once] [--interval 5] [--cursor-file .data/epj-sim/<client>.cursor] [--issuer <url>/idp]
 *   npm run epj-sim -- --complete-visit <appointment id> --done "Sårskift, medisiner gitt."
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type {
  CompletedVisit,
  EpjAppointment,
  EpjAppointmentBody,
  EpjAppointmentPatchBody,
  EpjConversationResponse,
  EpjEvent,
  EpjEventsResponse,
  EpjSchedule,
  EpjScheduleBody,
  EpjSlotsResponse,
} from '@helsebro/contracts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH';
/** An answer as it came: status and parsed body, for callers that look at refusals themselves. */
export type EpjSimResponse = { status: number; body: unknown };

export type EpjSimOptions = {
  /** Helsebro's address. */
  url: string;
  /** The token issuer; its discovery document names the token endpoint. Default: `<url>/idp`. */
  issuer?: string;
  clientId: string;
  clientSecret: string;
  /** Where the cursor is kept between runs; null keeps it in memory only. */
  cursorFile: string | null;
  /** Answer each new citizen message with this text (null: only print). */
  autoReply: string | null;
  /** The health worker the EPJ acts for when it answers. */
  author: { hprNumber: string; name: string };
  /** Where readable lines go. */
  print: (line: string) => void;
};

export type PollResult = {
  events: EpjEvent[];
  /** Conversations answered in this poll. */
  replied: string[];
  cursor: string;
};

/** A failed HTTP exchange, with the problem+json the server answered. */
export class EpjSimError extends Error {
  constructor(
    readonly status: number,
    readonly problem: unknown,
  ) {
    super(`HTTP ${status}: ${JSON.stringify(problem)}`);
  }
}

/**
 * The simulator's core, for the command and for tests.
 * @param opts - where to connect, as whom, and what to do with new messages
 */
export function createEpjSimulator(opts: EpjSimOptions) {
  const base = opts.url.replace(/\/$/, '');
  const issuer = (opts.issuer ?? `${base}/idp`).replace(/\/$/, '');
  let token: { value: string; expiresAt: number } | null = null;
  let cursor: string | undefined = readCursor();

  function readCursor(): string | undefined {
    if (!opts.cursorFile) {
      return undefined;
    }
    try {
      return readFileSync(opts.cursorFile, 'utf8').trim() || undefined;
    } catch {
      return undefined;
    }
  }

  function saveCursor(value: string): void {
    cursor = value;
    if (opts.cursorFile) {
      mkdirSync(dirname(opts.cursorFile), { recursive: true });
      writeFileSync(opts.cursorFile, `${value}\n`);
    }
  }

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now() + 30_000) {
      return token.value;
    }
    const discovery = await fetch(`${issuer}/.well-known/openid-configuration`);
    if (!discovery.ok) {
      throw new EpjSimError(discovery.status, await discovery.text());
    }
    const { token_endpoint: tokenEndpoint } = (await discovery.json()) as { token_endpoint: string };
    const basic = Buffer.from(`${encodeURIComponent(opts.clientId)}:${encodeURIComponent(opts.clientSecret)}`);
    const res = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: {
        authorization: `Basic ${basic.toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'helsebro:epj' }),
    });
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!res.ok || !body.access_token) {
      throw new EpjSimError(res.status, body);
    }
    token = { value: body.access_token, expiresAt: Date.now() + (body.expires_in ?? 60) * 1000 };
    return token.value;
  }

  /**
   * One call to Helsebro (`path` from the root, e.g. `/epj/v1/slots`); a 401 (token expired early, IdP restarted)
   * gets one retry with a fresh token.
   */
  async function request(method: Method, path: string, body?: unknown): Promise<EpjSimResponse> {
    for (let attempt = 0; ; attempt++) {
      const res = await fetch(`${base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await accessToken()}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      if (res.status === 401 && attempt === 0) {
        token = null;
        continue;
      }
      return { status: res.status, body: await res.json() };
    }
  }

  /** A call under /epj/v1 that must succeed; a refusal throws EpjSimError with the server's problem. */
  async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
    const res = await request(method, `/epj/v1${path}`, body);
    if (res.status >= 400) {
      throw new EpjSimError(res.status, res.body);
    }
    return res.body as T;
  }

  const describeAppointment = (a: EpjAppointment) => {
    const date = a.localDate.split('-').reverse().join('.');
    return `    ${a.type.name} ${date} kl. ${a.localTime}–${a.localEndTime} for ${a.citizen.displayName}: ${a.status}`;
  };

  const describe = (e: EpjEvent, c: EpjConversationResponse | null, a: EpjAppointment | null) => {
    const when = new Date(e.occurredAt).toLocaleString('nb-NO', { timeZone: 'Europe/Oslo' });
    const unit = e.serviceUnit?.name ?? '';
    const head = `${when}  ${e.kind.padEnd(20)} ${unit}`;
    if (a) {
      return `${head}\n${describeAppointment(a)}`;
    }
    if (!c) {
      return head;
    }
    const msg = c.messages.find((m) => m.id === e.refs['messageId']);
    const lines = [`${head}  «${c.subject}» med ${c.citizen.name}`];
    if (msg && (e.kind === 'message.created' || e.kind === 'conversation.created')) {
      const by = msg.onBehalfOf ? `${msg.authorName} på vegne av ${msg.onBehalfOf}` : msg.authorName;
      lines.push(`    ${by}: ${msg.text.replace(/\s+/g, ' ').slice(0, 200)}`);
      for (const a of msg.attachments) {
        lines.push(`    vedlegg: ${a.filename} (${a.contentType}, ${a.sizeBytes} byte) ${base}${a.href}`);
      }
    }
    return lines.join('\n');
  };

  return {
    /** The cursor the next poll starts from (undefined: the start of the feed). */
    get cursor() {
      return cursor;
    },

    /** Reads every new event (all pages), prints them, and answers new citizen messages when asked to. */
    async pollOnce(): Promise<PollResult> {
      const events: EpjEvent[] = [];
      const replied: string[] = [];
      for (;;) {
        const query = new URLSearchParams({ limit: '100', ...(cursor ? { after: cursor } : {}) });
        const page = await api<EpjEventsResponse>('GET', `/events?${query.toString()}`);
        const toAnswer = new Set<string>();
        for (const e of page.events) {
          const id = e.refs['conversationId'];
          const c = id ? await api<EpjConversationResponse>('GET', `/conversations/${id}`) : null;
          const appointmentId = e.refs['appointmentId'];
          const a = appointmentId ? await api<EpjAppointment>('GET', `/appointments/${appointmentId}`) : null;
          opts.print(describe(e, c, a));
          if (id && (e.kind === 'conversation.created' || e.kind === 'message.created')) {
            toAnswer.add(id);
          }
          events.push(e);
        }
        if (opts.autoReply) {
          for (const id of toAnswer) {
            if (await answer(id, opts.autoReply)) {
              replied.push(id);
            }
          }
        }
        // Saved after the page is handled: a crash before this point sees the same events again, never fewer.
        saveCursor(page.cursor);
        if (!page.hasMore) {
          return { events, replied, cursor: page.cursor };
        }
      }
    },

    /** Any call, answered as it came (status and body), for callers that examine refusals. */
    request,

    /** An availability rule; Helsebro generates its slots (PUT the same rule again changes nothing). */
    createSchedule: (body: EpjScheduleBody) => api<EpjSchedule>('POST', '/schedules', body),
    updateSchedule: (id: string, body: EpjScheduleBody) => api<EpjSchedule>('PUT', `/schedules/${id}`, body),
    slots: (unitId: string, from?: string, to?: string) =>
      api<EpjSlotsResponse>(
        'GET',
        `/slots?${new URLSearchParams({ serviceUnitId: unitId, ...(from ? { from } : {}), ...(to ? { to } : {}) }).toString()}`,
      ),
    createAppointment: (body: EpjAppointmentBody) => api<EpjAppointment>('POST', '/appointments', body),
    appointment: (id: string) => api<EpjAppointment>('GET', `/appointments/${id}`),
    updateAppointment: (id: string, patch: EpjAppointmentPatchBody) =>
      api<EpjAppointment>('PATCH', `/appointments/${id}`, patch),

    /** Records a home visit as done, as the nurse's EPJ does at the end of a visit. */
    async completeVisit(id: string, whatWasDone: string): Promise<CompletedVisit> {
      const visit = await api<CompletedVisit>('POST', `/appointments/${id}/completed-visit`, { whatWasDone });
      opts.print(`    → besøket ${id} er registrert som gjennomført`);
      return visit;
    },

    /** Polls until the signal aborts. */
    async run(intervalMs: number, signal: AbortSignal): Promise<void> {
      while (!signal.aborted) {
        try {
          await this.pollOnce();
        } catch (err) {
          opts.print(`feil: ${(err as Error).message}`);
        }
        await new Promise<void>((done) => {
          const t = setTimeout(done, intervalMs);
          signal.addEventListener('abort', () => (clearTimeout(t), done()), { once: true });
        });
      }
    },
  };

  /** Marks the citizen's messages read and answers, unless the unit has had the last word or it is closed. */
  async function answer(id: string, text: string): Promise<boolean> {
    const c = await api<EpjConversationResponse>('GET', `/conversations/${id}`);
    // The unit's automatic reply is no answer: a citizen message before it still waits for one.
    if (c.status === 'closed' || c.messages.filter((m) => !m.automatic).at(-1)?.from !== 'citizen') {
      return false;
    }
    await api('POST', `/conversations/${id}/read`, { author: opts.author });
    await api('POST', `/conversations/${id}/messages`, { text, author: opts.author });
    opts.print(`    → svar sendt som ${opts.author.name} (HPR ${opts.author.hprNumber}) til «${c.subject}»`);
    return true;
  }
}

export type EpjSimulator = ReturnType<typeof createEpjSimulator>;

/** Reads the command line; defaults are the local demo (README "EPJ integration"). */
export function parseSimArgs(
  argv: string[],
): EpjSimOptions & { once: boolean; intervalMs: number; completeVisit: { id: string; whatWasDone: string } | null } {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string', default: 'http://127.0.0.1:8080' },
      issuer: { type: 'string' },
      'client-id': { type: 'string', default: 'epj-demo-9901' },
      'client-secret': { type: 'string', default: 'epj-demo-secret-9901' },
      'cursor-file': { type: 'string' },
      'auto-reply': { type: 'string' },
      hpr: { type: 'string', default: '9100001' },
      author: { type: 'string', default: 'Siri Sykepleier' },
      once: { type: 'boolean', default: false },
      interval: { type: 'string', default: '5' },
      'complete-visit': { type: 'string' },
      done: { type: 'string' },
    },
    strict: true,
  });
  const clientId = values['client-id'];
  return {
    url: values.url,
    ...(values.issuer ? { issuer: values.issuer } : {}),
    clientId,
    clientSecret: values['client-secret'],
    cursorFile: resolve(values['cursor-file'] ?? `.data/epj-sim/${clientId.replace(/[^A-Za-z0-9._-]/g, '_')}.cursor`),
    autoReply: values['auto-reply'] ?? null,
    author: { hprNumber: values.hpr, name: values.author },
    print: (line) => process.stdout.write(`${line}\n`),
    once: values.once,
    intervalMs: Math.max(1, Number(values.interval) || 5) * 1000,
    completeVisit: values['complete-visit']
      ? { id: values['complete-visit'], whatWasDone: values.done ?? 'Besøket er gjennomført.' }
      : null,
  };
}

async function main(): Promise<void> {
  const opts = parseSimArgs(process.argv.slice(2));
  const sim = createEpjSimulator(opts);
  opts.print(`EPJ-simulator: ${opts.clientId} mot ${opts.url} (markør i ${opts.cursorFile})`);
  if (opts.completeVisit) {
    await sim.completeVisit(opts.completeVisit.id, opts.completeVisit.whatWasDone);
    return;
  }
  if (opts.once) {
    const r = await sim.pollOnce();
    opts.print(`${r.events.length} nye hendelser, ${r.replied.length} svar sendt.`);
    return;
  }
  const stop = new AbortController();
  process.once('SIGINT', () => stop.abort());
  process.once('SIGTERM', () => stop.abort());
  await sim.run(opts.intervalMs, stop.signal);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
