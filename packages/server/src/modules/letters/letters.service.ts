import { createHash } from 'node:crypto';
import {
  isValidNin,
  LETTER_LIMITS,
  letterImportance,
  type CitizenLettersResponse,
  type LetterChannelReason,
  type LetterImportance,
  type PrintListResponse,
  type StaffLetter,
  type StaffLetterUnitsResponse,
  type StaffLettersResponse,
} from '@helsebro/contracts';
import { audited, auditedRead, recordAuditEntries } from '../../platform/audit/audit.ts';
import {
  AppError,
  NotFoundError,
  UnprocessableError,
  UpstreamUnavailableError,
  ValidationError,
} from '../../platform/errors.ts';
import { requireAction } from '../../platform/http/access.ts';
import { safeFilename } from '../../platform/http/content-disposition.ts';
import type { RequestContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { sniffType } from '../dialog/index.ts';
import { lookupKrrPersons, preferencesOf, queueLetterNotice } from '../notifications/index.ts';
import { requireUnitStaff, unitsOfStaff } from '../organisations/index.ts';
import { decide, loadPairFacts, osloDate } from '../representation/index.ts';
import { requireServiceActive } from '../services/index.ts';
import { decideChannel, type ReaderFacts } from './channel.ts';
import * as repo from './letters.repository.ts';

/** What a sender gives: the recipient's identity number, the title, important or not, and the PDF's bytes. */
export type LetterInput = {
  nin: string;
  title: string;
  importance: string;
  file: { filename: string; bytes: Buffer } | null;
};

const SERVICE = 'letters';

function toStaffLetter(r: repo.StaffLetterRow): StaffLetter {
  return {
    id: r.id,
    serviceUnitId: r.serviceUnitId,
    recipient: { personId: r.personId, displayName: r.recipientName },
    title: r.title,
    importance: r.importance,
    channel: r.channel,
    channelReason: r.channelReason as LetterChannelReason,
    sentAt: r.createdAt.toISOString(),
    sentBy: r.sentByName ?? (r.sentByClientId ? `EPJ (${r.sentByClientId})` : null),
    notifiedAt: r.notifiedAt ? new Date(r.notifiedAt).toISOString() : null,
    readAt: r.readAt?.toISOString() ?? null,
    printedAt: r.printedAt?.toISOString() ?? null,
  };
}

/**
 * Checks a letter before anything is read from the store: a title, important or ordinary, a valid identity
 * number, and exactly one file that is a PDF by its bytes (`%PDF-`, the dialog's magic-number check), never by
 * its name or declared type. Each refusal names its field.
 */
function checkInput(input: LetterInput) {
  const title = input.title.trim();
  const errors: Array<{ path: string; message: string }> = [];
  if (!isValidNin(input.nin)) {
    errors.push({ path: 'nin', message: 'Ugyldig fødselsnummer.' });
  }
  if (title.length === 0 || title.length > LETTER_LIMITS.maxTitleLength) {
    errors.push({ path: 'title', message: `Tittelen må ha 1–${LETTER_LIMITS.maxTitleLength} tegn.` });
  }
  const importance = letterImportance.safeParse(input.importance);
  if (!importance.success) {
    errors.push({ path: 'importance', message: 'Velg viktig eller vanlig.' });
  }
  if (errors.length > 0) {
    throw new ValidationError('Brevet mangler noe eller har feil.', errors, 'letter_invalid');
  }
  if (!input.file || input.file.bytes.length === 0) {
    throw new ValidationError(
      'Legg ved brevet som PDF.',
      [{ path: 'file', message: 'mangler' }],
      'letter_file_missing',
    );
  }
  if (input.file.bytes.length > LETTER_LIMITS.maxPdfBytes) {
    throw new AppError(413, 'letter_too_large', 'Brevet er større enn 10 MB.');
  }
  if (sniffType(input.file.bytes) !== 'application/pdf') {
    throw new ValidationError(
      'Brevet må være en PDF. Vi sjekker innholdet i filen, ikke navnet.',
      [{ path: 'file', message: 'ikke en PDF' }],
      'letter_not_pdf',
    );
  }
  return { title, importance: importance.data as LetterImportance, file: input.file };
}

/**
 * Letters (issue 13, B1): sending from a unit (staff or EPJ) with the channel decided and recorded, the
 * citizen's list and opening (which marks the letter read), the unit's delivery report and print list.
 */
export function createLettersService(platform: Pick<Platform, 'db' | 'clock' | 'config'>) {
  const { db, clock, config } = platform;

  /** KRR at every dispatch (integrations.md §1.6), before any transaction: PGlite has one connection. */
  const krr = async (nins: string[]) => {
    const url = config.notifications.krrUrl;
    if (!url) {
      throw new UpstreamUnavailableError('Kontaktregisteret er ikke satt opp.', 'krr_unavailable');
    }
    try {
      return await lookupKrrPersons(url, config.notifications.krrToken, nins, AbortSignal.timeout(10_000));
    } catch {
      throw new UpstreamUnavailableError(
        'Kontakt- og reservasjonsregisteret svarer ikke. Brevet er ikke sendt; prøv igjen om litt.',
        'krr_unavailable',
      );
    }
  };

  return {
    /** The caller's units and whether the municipality may send letters now (the gate, said before trying). */
    async units(ctx: RequestContext): Promise<StaffLetterUnitsResponse> {
      const units = await unitsOfStaff(db, ctx);
      let refusal: StaffLetterUnitsResponse['refusal'] = null;
      try {
        await requireServiceActive(db, ctx, SERVICE);
      } catch (err) {
        if (err instanceof AppError && (err.code === 'service_not_active' || err.code === 'dpa_missing')) {
          refusal = err.code;
        } else {
          throw err;
        }
      }
      return {
        units: units.map((u) => ({ id: u.id, name: u.name })).sort((a, b) => a.name.localeCompare(b.name)),
        refusal,
      };
    },

    /**
     * Sends a letter from a unit: the unit's staff (or the municipality's EPJ), the service active with a data
     * processing agreement (409 `service_not_active` / `dpa_missing`), a recipient who receives a service from
     * the unit (422 `no_care_relation`, the same for a number nobody has), then the channel decided against KRR
     * and recorded with its reason, a notice queued for each reader on the portal, audited, in one transaction.
     */
    async send(ctx: RequestContext, unitId: string, input: LetterInput): Promise<StaffLetter> {
      const access = await requireUnitStaff(db, ctx, unitId, { epj: true });
      await requireServiceActive(db, ctx, SERVICE);
      const { title, importance, file } = checkInput(input);
      const now = clock.now();
      const today = osloDate(now);
      const person = await repo.recipientOfUnit(db, ctx, unitId, input.nin, today);
      if (!person) {
        throw new UnprocessableError(
          'Personen mottar ikke tjenester fra enheten. Brev sendes bare til brukere av tjenesten.',
          [{ path: 'nin', message: 'mottar ikke tjenester fra enheten' }],
          'no_care_relation',
        );
      }
      // The readers: the citizen, and the parents who may read letters for a child today (under 12, as the
      // representation rules say); a fullmakt holder reads on the portal but does not decide the channel, since
      // reservation is the citizen's own choice.
      const parents: string[] = [];
      for (const parentId of await repo.parentsOf(db, person.id, today)) {
        const { population } = await loadPairFacts(db, parentId, person.id, today);
        const d = decide(population, parentId, person.id, today);
        if (d.allowed && d.actions.includes('letters.read')) {
          parents.push(parentId);
        }
      }
      const readerIds = [person.id, ...parents];
      const nins = await repo.ninsOf(db, readerIds);
      const [answers, portal, prefs] = await Promise.all([
        krr([...nins.values()]),
        repo.usedPortal(db, readerIds),
        preferencesOf(db, readerIds),
      ]);
      const readers: ReaderFacts[] = readerIds.map((id) => ({
        personId: id,
        basis: id === person.id ? 'self' : 'parent',
        krr: answers.get(nins.get(id) ?? ''),
        usedPortal: portal.has(id),
        preferred: prefs.get(id)!.channel,
      }));
      const decision = decideChannel({
        deceased: person.deceasedOn !== null && person.deceasedOn <= today,
        readers,
        now,
      });
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const id = await audited(
        db,
        ctx,
        {
          action: 'letter.send',
          resourceType: 'letter',
          subjectPersonId: person.id,
          details: { channel: decision.channel, reason: decision.reason, importance, sha256 },
        },
        async (tx) => {
          const letterId = await repo.insertLetter(tx, {
            municipalityId: access.unit.municipalityId,
            serviceUnitId: unitId,
            personId: person.id,
            title,
            importance,
            filename: safeFilename(file.filename || 'brev.pdf', 'application/pdf'),
            content: file.bytes,
            sizeBytes: file.bytes.length,
            sha256,
            sentByPersonnelId: access.personnelId,
            sentByClientId: ctx.actor.kind === 'partner' ? ctx.actor.partnerId : null,
            channel: decision.channel,
            channelReason: decision.reason,
            channelDetails: { readers: decision.readers, notices: decision.notices },
          });
          for (const n of decision.notices) {
            await queueLetterNotice(tx, { letterId, ...n, municipalityId: access.unit.municipalityId });
          }
          return letterId;
        },
      );
      return this.staffLetter(ctx, id, { audit: false });
    },

    /** One letter of the caller's municipality, for its unit's staff or the EPJ (the delivery report). */
    async staffLetter(ctx: RequestContext, id: string, opts: { audit?: boolean } = {}): Promise<StaffLetter> {
      const row = await repo.letterInMunicipality(db, ctx, id);
      if (!row) {
        throw new NotFoundError('Fant ikke brevet.', 'letter_not_found');
      }
      await requireUnitStaff(db, ctx, row.serviceUnitId, { epj: true });
      if (opts.audit !== false) {
        await auditedRead(
          db,
          ctx,
          { action: 'letter.unit_list', resourceType: 'letter', resourceId: id, subjectPersonId: row.personId },
          async () => row,
        );
      }
      return toStaffLetter(row);
    },

    /** A page of the letters the unit sent, with channel, reason, notice, read and print times. */
    async unitLetters(ctx: RequestContext, unitId: string, page: number): Promise<StaffLettersResponse> {
      await requireUnitStaff(db, ctx, unitId);
      const { rows, total } = await repo.unitLetters(db, ctx, unitId, page, LETTER_LIMITS.pageSize);
      await recordEach(ctx, 'letter.unit_list', rows);
      return { letters: rows.map(toStaffLetter), page, pageSize: LETTER_LIMITS.pageSize, total };
    },

    /** The unit's letters queued for print, with the postal address (never a confidential one). */
    async printList(ctx: RequestContext, unitId: string): Promise<PrintListResponse> {
      await requireUnitStaff(db, ctx, unitId);
      const rows = await repo.printQueue(db, ctx, unitId);
      await recordEach(ctx, 'letter.print_list', rows);
      return {
        letters: rows.map((r) => {
          const hidden = r.addressProtection !== 'none';
          return {
            ...toStaffLetter(r),
            addressProtected: hidden,
            address: hidden
              ? null
              : {
                  name: r.recipientName,
                  streetAddress: r.streetAddress,
                  postalCode: r.postalCode,
                  postalPlace: r.postalPlace,
                },
          };
        }),
      };
    },

    /** The PDF of a letter of the caller's unit (to print it), audited. */
    async staffDocument(ctx: RequestContext, id: string) {
      const row = await repo.letterInMunicipality(db, ctx, id);
      if (!row) {
        throw new NotFoundError('Fant ikke brevet.', 'letter_not_found');
      }
      await requireUnitStaff(db, ctx, row.serviceUnitId);
      return auditedRead(
        db,
        ctx,
        { action: 'letter.document_read', resourceType: 'letter', resourceId: id, subjectPersonId: row.personId },
        async (q) => {
          const f = await repo.letterFile(q, ctx, id);
          return { filename: f!.filename, contentType: 'application/pdf' as const, content: f!.content };
        },
      );
    },

    /** Records a letter queued for print as printed and posted (409 when it is not queued). */
    async markPrinted(ctx: RequestContext, id: string): Promise<StaffLetter> {
      const row = await repo.letterInMunicipality(db, ctx, id);
      if (!row) {
        throw new NotFoundError('Fant ikke brevet.', 'letter_not_found');
      }
      const access = await requireUnitStaff(db, ctx, row.serviceUnitId);
      await audited(
        db,
        ctx,
        { action: 'letter.printed', resourceType: 'letter', resourceId: id, subjectPersonId: row.personId },
        async (tx) => {
          if (!(await repo.markPrinted(tx, ctx, id, access.personnelId, clock.now()))) {
            throw new AppError(409, 'letter_not_queued_for_print', 'Brevet står ikke i utskriftskøen.');
          }
        },
      );
      return this.staffLetter(ctx, id, { audit: false });
    },

    /**
     * The principal's letters (`letters.read`: the citizen, a parent of a child under 12, a proxy with «Brev,
     * skjemaer og verktøy"; 403 `service_area_not_granted` otherwise), newest first, paged, the unread counted.
     */
    async citizenLetters(ctx: RequestContext, page: number): Promise<CitizenLettersResponse> {
      const { principalId } = requireAction(ctx, 'letters.read');
      return auditedRead(
        db,
        ctx,
        { action: 'letter.list', resourceType: 'person', subjectPersonId: principalId },
        async (q) => {
          const { rows, total, unread } = await repo.lettersOfPerson(q, principalId, page, LETTER_LIMITS.pageSize);
          return {
            letters: rows.map((r) => ({
              id: r.id,
              title: r.title,
              importance: r.importance,
              sender: { unitName: r.unitName, municipalityName: r.municipalityName },
              sentAt: r.createdAt.toISOString(),
              readAt: r.readAt?.toISOString() ?? null,
              sizeBytes: r.sizeBytes,
            })),
            page,
            pageSize: LETTER_LIMITS.pageSize,
            total,
            unread,
          };
        },
      );
    },

    /**
     * Opens one of the principal's letters: the PDF, and the first open marks it read with who opened it (the
     * citizen or whoever reads for them; eForvaltningsforskriften § 8: the system records when the party read it),
     * audited with the principal as subject, so their access log shows who opened it.
     */
    async open(ctx: RequestContext, id: string) {
      const { principalId, actorId } = requireAction(ctx, 'letters.read');
      const row = await repo.letterOfPerson(db, id, principalId);
      if (!row) {
        throw new NotFoundError('Fant ikke brevet.', 'letter_not_found');
      }
      return audited(
        db,
        ctx,
        { action: 'letter.open', resourceType: 'letter', resourceId: id, subjectPersonId: principalId },
        async (tx) => {
          await repo.markRead(tx, id, actorId, clock.now());
          return { filename: row.filename, contentType: 'application/pdf' as const, content: row.content };
        },
      );
    },
  };

  /** One audit entry per letter shown (its citizen as subject), in one statement. */
  async function recordEach(
    ctx: RequestContext,
    action: 'letter.unit_list' | 'letter.print_list',
    rows: Array<{ id: string; personId: string }>,
  ) {
    await recordAuditEntries(
      db,
      ctx,
      rows.map((r) => ({ action, resourceType: 'letter', resourceId: r.id, subjectPersonId: r.personId })),
    );
  }
}

export type LettersService = ReturnType<typeof createLettersService>;
