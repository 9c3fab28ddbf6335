import type {
  DigifinRecord,
  DigifinRequirement,
  TermsDocument,
  TermsDocumentStatus,
  TermsVersion,
} from '@helsebro/contracts';
import { TERMS_DOCUMENTS } from '@helsebro/contracts';
import type * as repo from './agreements.repository.ts';

/**
 * The versions as clients see them. `rows` come newest first per document (drafts first, then by publication), so
 * the first published version of a document is its current one and every later published one is superseded.
 */
export function toVersions(rows: repo.VersionWithCount[], municipalityCount: number): TermsVersion[] {
  const seenPublished = new Set<TermsDocument>();
  return rows.map((r) => {
    let status: TermsVersion['status'] = 'draft';
    if (r.status === 'published') {
      status = seenPublished.has(r.document) ? 'superseded' : 'published';
      seenPublished.add(r.document);
    }
    return {
      id: r.id,
      document: r.document,
      version: r.version,
      date: r.versionDate,
      changes: r.changes,
      significant: r.significant,
      status,
      acceptBy: r.acceptBy,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      ksConsultation: r.ksSentOn ? { sentOn: r.ksSentOn, answer: r.ksAnswer, answeredOn: r.ksAnsweredOn } : null,
      acceptedCount: r.acceptedCount,
      municipalityCount,
    };
  });
}

export function toDigifin(d: repo.DigifinRow | null): DigifinRecord | null {
  return d
    ? {
        member: d.member,
        memberSince: d.memberSince,
        feeAmountNok: d.feeAmountNok,
        feeInvoiceReference: d.feeInvoiceReference,
        feePaidOn: d.feePaidOn,
        updatedAt: d.updatedAt.toISOString(),
      }
    : null;
}

/** What DigiFin still lacks before the municipality may accept (seed 000 §5.2: membership and a paid fee). */
export function digifinMissing(d: repo.DigifinRow | null): DigifinRequirement[] {
  const missing: DigifinRequirement[] = [];
  if (!d?.member) {
    missing.push('member');
  }
  if (d?.feeAmountNok === null || d?.feeAmountNok === undefined) {
    missing.push('feeAmountNok');
  }
  if (!d?.feeInvoiceReference) {
    missing.push('feeInvoiceReference');
  }
  if (!d?.feePaidOn) {
    missing.push('feePaidOn');
  }
  return missing;
}

type Acceptance = { versionId: string; acceptedAt: Date; givenName: string; familyName: string };

/** Per document: the current version, whether this municipality accepted it, overdue, and the earlier versions. */
export function toDocumentStatuses(
  versions: TermsVersion[],
  acceptances: Acceptance[],
  today: string,
): TermsDocumentStatus[] {
  const byVersion = new Map(acceptances.map((a) => [a.versionId, a]));
  return TERMS_DOCUMENTS.map((document) => {
    const published = versions.filter((v) => v.document === document && v.status !== 'draft');
    const current = published.find((v) => v.status === 'published') ?? null;
    const accepted = current ? byVersion.get(current.id) : undefined;
    const history = published.filter((v) => v.status === 'superseded');
    return {
      document,
      current,
      acceptance: accepted
        ? {
            acceptedAt: accepted.acceptedAt.toISOString(),
            acceptedByName: `${accepted.givenName} ${accepted.familyName}`,
            version: current?.version ?? '',
          }
        : null,
      previouslyAccepted: history.find((v) => byVersion.has(v.id))?.version ?? null,
      overdue: isOverdue(current, accepted !== undefined, today),
      history,
    };
  });
}

/** Not accepted, and the current version's accept-by date has passed. */
export function isOverdue(current: Pick<TermsVersion, 'acceptBy'> | null, accepted: boolean, today: string): boolean {
  return !accepted && current?.acceptBy !== null && current?.acceptBy !== undefined && current.acceptBy < today;
}
