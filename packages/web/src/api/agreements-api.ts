import type {
  DigifinBody,
  KsConsultationBody,
  PublishTermsBody,
  TermsAcceptancesPage,
  TermsDraftBody,
  TermsStatusResponse,
  TermsVersion,
  TermsVersionsResponse,
} from '@helsebro/contracts';

/** Terms, KS consultation, DigiFin and acceptance (issue 12); the routes are listed in contracts' agreements.ts. */
export type AgreementsApi = {
  versions(): Promise<TermsVersionsResponse>;
  createDraft(body: TermsDraftBody): Promise<TermsVersion>;
  recordKsConsultation(versionId: string, body: KsConsultationBody): Promise<TermsVersion>;
  publish(versionId: string, body: PublishTermsBody): Promise<TermsVersion>;
  acceptances(
    versionId: string,
    query: { q?: string | undefined; page: number; accepted: 'all' | 'yes' | 'no' },
  ): Promise<TermsAcceptancesPage>;
  municipalityStatus(municipalityId: string): Promise<TermsStatusResponse>;
  recordDigifin(municipalityId: string, body: DigifinBody): Promise<TermsStatusResponse>;
  /** The administrator's own municipality. */
  ownStatus(): Promise<TermsStatusResponse>;
  accept(versionId: string): Promise<TermsStatusResponse>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function createAgreementsApi(request: Request): AgreementsApi {
  const terms = '/api/operator/terms';
  const version = (id: string) => `${terms}/${encodeURIComponent(id)}`;
  const municipality = (id: string) => `/api/operator/municipalities/${encodeURIComponent(id)}`;
  return {
    versions: () => request('GET', terms),
    createDraft: (body) => request('POST', terms, body),
    recordKsConsultation: (id, body) => request('PUT', `${version(id)}/ks-consultation`, body),
    publish: (id, body) => request('POST', `${version(id)}/publish`, body),
    acceptances: (id, { q, page, accepted }) => {
      const params = new URLSearchParams({ page: String(page), accepted });
      if (q) {
        params.set('q', q);
      }
      return request('GET', `${version(id)}/acceptances?${params.toString()}`);
    },
    municipalityStatus: (id) => request('GET', `${municipality(id)}/terms`),
    recordDigifin: (id, body) => request('PUT', `${municipality(id)}/digifin`, body),
    ownStatus: () => request('GET', '/api/admin/terms'),
    accept: (id) => request('POST', `/api/admin/terms/${encodeURIComponent(id)}/accept`),
  };
}
