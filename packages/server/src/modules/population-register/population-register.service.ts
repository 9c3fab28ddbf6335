import { createHash } from 'node:crypto';
import {
  populationEvent,
  populationPersonDocument,
  type PopulationEvent,
  type PopulationImportRefusal,
  type PopulationImportSummary,
  type PopulationPersonDocument,
} from '@helsebro/contracts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Queryable } from '../../platform/db/client.ts';
import { ForbiddenError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import {
  addressFacts,
  canonical,
  checkNin,
  personFacts,
  RecordRefused,
  sameFacts,
  zodReason,
} from './population-register.mapping.ts';
import * as repo from './population-register.repository.ts';

/** How many records one transaction stores: one multi-row insert each, small enough to keep locks short. */
export const IMPORT_BATCH = 1000;
const MAX_REFUSALS = 100;

type Outcome = 'created' | 'changed' | 'unchanged';
type Where = { index: number } | { line: number };
export type ImportOptions = { onProgress?: (done: number, total: number) => void; batchSize?: number };

/** Tallies outcomes; keeps the first refusals in input order. */
function tally() {
  const summary: PopulationImportSummary = { created: 0, changed: 0, unchanged: 0, refused: 0, refusals: [] };
  return {
    summary,
    count: (o: Outcome) => void summary[o]++,
    refuse: (where: Where, reason: string) => {
      summary.refused++;
      if (summary.refusals.length < MAX_REFUSALS) {
        summary.refusals.push({ ...where, reason } satisfies PopulationImportRefusal);
      }
    },
  };
}

/**
 * The population register import (issue 12): person documents or change events in Folkeregisteret's shape, into
 * `persons` and `parental_responsibilities`. Idempotent: a document or event that says what is stored changes
 * nothing, an event's sequence number is applied once. An invalid record is refused with its place and reason and
 * the rest go on. Takes effect at once: the representation engine reads these rows on every request.
 * @param platform - store, clock and the environment (only synthetic numbers outside production)
 */
export function createPopulationRegisterService(platform: {
  db: Platform['db'];
  config: Pick<Platform['config'], 'env'>;
  logger: Pick<Platform['logger'], 'info'>;
}) {
  const { db } = platform;
  const production = platform.config.env === 'production';

  const requireImporter = (ctx: RequestContext) => {
    if (ctx.actor.kind !== 'operator' && ctx.actor.kind !== 'system') {
      throw new ForbiddenError('Bare driftsoperatøren kan importere fra folkeregisteret.', 'wrong_role');
    }
  };

  /**
   * Stores the persons of valid documents, one multi-row insert for the new ones.
   * @returns each document's outcome by position
   */
  async function storePersons(
    q: Queryable,
    docs: ReadonlyArray<{ doc: PopulationPersonDocument; facts: repo.PersonFacts }>,
  ): Promise<Outcome[]> {
    const stored = await repo.personsByNin(
      q,
      docs.map((d) => d.facts.nin),
    );
    const fresh: repo.PersonFacts[] = [];
    const outcomes: Outcome[] = [];
    for (const { facts } of docs) {
      const before = stored.get(facts.nin);
      if (!before) {
        fresh.push(facts);
        outcomes.push('created');
      } else if (sameFacts(facts, before)) {
        outcomes.push('unchanged');
      } else {
        await repo.updatePerson(q, before.id, facts);
        outcomes.push('changed');
      }
    }
    await repo.insertPersons(q, fresh);
    return outcomes;
  }

  /**
   * Makes a child's parental responsibilities the register's list: new ones added, ends brought up to date,
   * those no longer listed removed (the list is complete, ended ones included).
   * @returns whether anything changed
   */
  async function storeResponsibilities(
    q: Queryable,
    entries: ReadonlyArray<{ childNin: string; list: NonNullable<PopulationPersonDocument['foreldreansvar']> }>,
  ): Promise<boolean[]> {
    const nins = entries.flatMap((e) => [e.childNin, ...e.list.map((r) => r.ansvarlig)]);
    const people = await repo.personsByNin(q, [...new Set(nins)]);
    const childIds = entries.map((e) => people.get(e.childNin)?.id ?? '');
    const current = await repo.responsibilitiesOf(q, childIds.filter(Boolean));
    const changed: boolean[] = [];
    for (const [i, { list }] of entries.entries()) {
      const childId = childIds[i]!;
      const had = current.get(childId) ?? [];
      let touched = false;
      const kept = new Set<string>();
      for (const r of list) {
        const parentId = people.get(r.ansvarlig)?.id;
        if (!parentId) {
          throw new RecordRefused(`felt foreldreansvar: ansvarlig er ikke registrert i folkeregisteret`);
        }
        const validTo = r.gyldigTilOgMed ?? null;
        const same = had.find((h) => h.parentId === parentId && h.validFrom === r.gyldigFraOgMed);
        if (!same) {
          await repo.insertResponsibility(q, childId, { parentId, validFrom: r.gyldigFraOgMed, validTo });
          touched = true;
        } else {
          kept.add(same.id);
          if (same.validTo !== validTo) {
            await repo.setResponsibilityEnd(q, same.id, validTo);
            touched = true;
          }
        }
      }
      const gone = had.filter((h) => !kept.has(h.id)).map((h) => h.id);
      await repo.deleteResponsibilities(q, gone);
      changed.push(touched || gone.length > 0);
    }
    return changed;
  }

  /** Parent numbers a document names that are neither in this import nor registered. */
  async function unknownParents(docs: ReadonlyArray<PopulationPersonDocument>, inImport: ReadonlySet<string>) {
    const outside = [
      ...new Set(docs.flatMap((d) => (d.foreldreansvar ?? []).map((r) => r.ansvarlig)).filter((n) => !inImport.has(n))),
    ];
    const known = new Set<string>();
    for (let i = 0; i < outside.length; i += IMPORT_BATCH) {
      for (const nin of (await repo.personsByNin(db, outside.slice(i, i + IMPORT_BATCH))).keys()) {
        known.add(nin);
      }
    }
    return new Set(outside.filter((n) => !known.has(n)));
  }

  /** Writes the import's audit entry and log line: counts only, never an identity number. */
  async function finish(ctx: RequestContext, format: 'json' | 'ndjson', t: ReturnType<typeof tally>, ms: number) {
    const { refusals: _r, ...counts } = t.summary;
    await recordAudit(db, ctx, {
      action: 'population_register.import',
      resourceType: 'population_register',
      details: { format, ...counts },
    });
    platform.logger.info({ format, ...counts, ms }, 'population register import');
    return t.summary;
  }

  const service = {
    /**
     * The operator API's import: a parsed JSON array is documents, a string is NDJSON events.
     * @param ctx - the operator
     */
    importRequest(ctx: RequestContext, body: readonly unknown[] | string): Promise<PopulationImportSummary> {
      return typeof body === 'string'
        ? service.importEvents(ctx, body.split('\n'))
        : service.importDocuments(ctx, body);
    },

    /**
     * Imports person documents (a register extract): persons first, then parental responsibilities, so a parent
     * may come after the child in the file.
     * @param ctx - the operator, or a command-line tool's system context
     * @param records - the parsed JSON array; each element is validated on its own
     */
    async importDocuments(
      ctx: RequestContext,
      records: readonly unknown[],
      opts: ImportOptions = {},
    ): Promise<PopulationImportSummary> {
      requireImporter(ctx);
      const started = Date.now();
      const batch = opts.batchSize ?? IMPORT_BATCH;
      const t = tally();
      const municipalities = await repo.municipalityIds(db);
      const valid: Array<{ index: number; doc: PopulationPersonDocument; facts: repo.PersonFacts }> = [];
      const seen = new Set<string>();
      records.forEach((record, index) => {
        const parsed = populationPersonDocument.safeParse(record);
        if (!parsed.success) {
          return t.refuse({ index }, zodReason(parsed.error));
        }
        try {
          const facts = personFacts(parsed.data, municipalities, production);
          if (seen.has(facts.nin)) {
            throw new RecordRefused('felt identifikasjonsnummer: personen står flere ganger i importen');
          }
          seen.add(facts.nin);
          valid.push({ index, doc: parsed.data, facts });
        } catch (err) {
          if (!(err instanceof RecordRefused)) {
            throw err;
          }
          t.refuse({ index }, err.message);
        }
      });
      const missing = await unknownParents(
        valid.map((v) => v.doc),
        seen,
      );
      const ready = valid.filter((v) => {
        const absent = (v.doc.foreldreansvar ?? []).findIndex((r) => missing.has(r.ansvarlig));
        if (absent >= 0) {
          t.refuse({ index: v.index }, `felt foreldreansvar.${absent}.ansvarlig: ikke registrert i folkeregisteret`);
        }
        return absent < 0;
      });
      const outcomes = new Map<number, Outcome>();
      const total = ready.length;
      for (let i = 0; i < total; i += batch) {
        const chunk = ready.slice(i, i + batch);
        const result = await db.transaction((tx) => storePersons(tx, chunk));
        chunk.forEach((v, k) => outcomes.set(v.index, result[k]!));
        opts.onProgress?.(i + chunk.length, total);
      }
      const withParents = ready.filter((v) => v.doc.foreldreansvar !== undefined);
      for (let i = 0; i < withParents.length; i += batch) {
        const chunk = withParents.slice(i, i + batch);
        const changed = await db.transaction((tx) =>
          storeResponsibilities(
            tx,
            chunk.map((v) => ({ childNin: v.facts.nin, list: v.doc.foreldreansvar! })),
          ),
        );
        chunk.forEach((v, k) => {
          if (changed[k] && outcomes.get(v.index) === 'unchanged') {
            outcomes.set(v.index, 'changed');
          }
        });
      }
      for (const o of outcomes.values()) {
        t.count(o);
      }
      return finish(ctx, 'json', t, Date.now() - started);
    },

    /**
     * Applies change events in order, each once by its sequence number: a replay with the same content is
     * unchanged, a sequence number reused for other content is refused. Each event in a savepoint of its own,
     * so a refused one leaves the others applied.
     * @param ctx - the operator, or a command-line tool's system context
     * @param lines - NDJSON lines (empty lines are skipped)
     */
    async importEvents(
      ctx: RequestContext,
      lines: readonly string[],
      opts: ImportOptions = {},
    ): Promise<PopulationImportSummary> {
      requireImporter(ctx);
      const started = Date.now();
      const t = tally();
      const municipalities = await repo.municipalityIds(db);
      const batch = opts.batchSize ?? IMPORT_BATCH;
      for (let i = 0; i < lines.length; i += batch) {
        await db.transaction(async (tx) => {
          for (let k = i; k < Math.min(lines.length, i + batch); k++) {
            const text = lines[k]!.trim();
            if (text === '') {
              continue;
            }
            const line = k + 1;
            let json: unknown;
            try {
              json = JSON.parse(text);
            } catch {
              t.refuse({ line }, 'linjen er ikke gyldig JSON');
              continue;
            }
            const parsed = populationEvent.safeParse(json);
            if (!parsed.success) {
              t.refuse({ line }, zodReason(parsed.error));
              continue;
            }
            try {
              t.count(await tx.transaction((sp) => applyEvent(sp, parsed.data, municipalities)));
            } catch (err) {
              if (!(err instanceof RecordRefused)) {
                throw err;
              }
              t.refuse({ line }, err.message);
            }
          }
        });
        opts.onProgress?.(Math.min(lines.length, i + batch), lines.length);
      }
      return finish(ctx, 'ndjson', t, Date.now() - started);
    },
  };
  return service;

  /** One event, inside its savepoint. */
  async function applyEvent(
    q: Queryable,
    event: PopulationEvent,
    municipalities: ReadonlyMap<string, string>,
  ): Promise<Outcome> {
    const hash = createHash('sha256').update(canonical(event)).digest('hex');
    const applied = await repo.appliedEventHash(q, event.sequence);
    if (applied === hash) {
      return 'unchanged';
    }
    if (applied !== null) {
      throw new RecordRefused('felt sequence: allerede brukt for en annen hendelse');
    }
    await repo.recordEvent(q, { sequence: event.sequence, type: event.type, contentHash: hash });
    if (event.type === 'person.created' || event.type === 'person.changed') {
      const facts = personFacts(event.person, municipalities, production);
      const [outcome] = await storePersons(q, [{ doc: event.person, facts }]);
      const list = event.person.foreldreansvar;
      const [changed] = list ? await storeResponsibilities(q, [{ childNin: facts.nin, list }]) : [false];
      return changed && outcome === 'unchanged' ? 'changed' : outcome!;
    }
    checkNin(event.identifikasjonsnummer, 'identifikasjonsnummer', production);
    const person = (await repo.personsByNin(q, [event.identifikasjonsnummer])).get(event.identifikasjonsnummer);
    if (!person) {
      throw new RecordRefused('felt identifikasjonsnummer: personen er ikke registrert (mangler person.created)');
    }
    if (event.type === 'parental_responsibility.changed') {
      event.foreldreansvar.forEach((r, i) => checkNin(r.ansvarlig, `foreldreansvar.${i}.ansvarlig`, production));
      const [changed] = await storeResponsibilities(q, [{ childNin: person.nin, list: event.foreldreansvar }]);
      return changed ? 'changed' : 'unchanged';
    }
    const facts: Partial<repo.PersonFacts> =
      event.type === 'person.died'
        ? { deceasedOn: event.doedsfall.doedsdato }
        : addressFacts(
            event.bostedsadresse,
            event.adressebeskyttelse?.gradering ?? keepGradering(person.addressProtection),
            municipalities,
          );
    if (sameFacts(facts, person)) {
      return 'unchanged';
    }
    await repo.updatePerson(q, person.id, facts);
    return 'changed';
  }
}

/** An address change without a protection field keeps the protection the person has. */
function keepGradering(p: repo.PersonFacts['addressProtection']) {
  return p === 'none' ? 'ugradert' : p === 'confidential' ? 'fortrolig' : 'strengtFortrolig';
}

/** The closing lines of an import: the counts, the rate and the first refusals (place and reason, no numbers). */
export function describeImport(summary: PopulationImportSummary, records: number, ms: number): string {
  const rate = Math.round(records / Math.max(ms / 1000, 0.001));
  const lines = [
    `Population register: ${summary.created} created, ${summary.changed} changed, ${summary.unchanged} unchanged, ${summary.refused} refused (${records} records in ${(ms / 1000).toFixed(1)} s, ${rate}/s).`,
    ...summary.refusals.map(
      (r) => `  refused ${'line' in r && r.line ? `line ${r.line}` : `index ${r.index}`}: ${r.reason}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}

export type PopulationRegisterService = ReturnType<typeof createPopulationRegisterService>;
