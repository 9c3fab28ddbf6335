import type {
  AddressRegisterOrganisation,
  AddressRegisterOrganisationsQuery,
  AddressRegisterOrganisationsResponse,
  MessageResponsibleBody,
  AdministratorBody,
  EpjProduct,
  EpjProductBody,
  EpjProductsResponse,
  EpjSupportContactBody,
  MunicipalitiesResponse,
  MunicipalityCreateBody,
  MunicipalityDetail,
  PopulationImportSummary,
} from '@helsebro/contracts';

/** The operator console's municipalities and EPJ products (issue 12); the routes are listed in contracts' organisations.ts. */
export type OperatorApi = {
  /** The address register's organisations with their message-responsible addresses (issue 14). */
  registerOrganisations(q: AddressRegisterOrganisationsQuery): Promise<AddressRegisterOrganisationsResponse>;
  setMessageResponsible(herId: string, body: MessageResponsibleBody): Promise<AddressRegisterOrganisation>;
  municipalities(query: { q?: string | undefined; page: number }): Promise<MunicipalitiesResponse>;
  createMunicipality(body: MunicipalityCreateBody): Promise<MunicipalityDetail>;
  municipality(id: string): Promise<MunicipalityDetail>;
  addAdministrator(municipalityId: string, body: AdministratorBody): Promise<MunicipalityDetail>;
  epjProducts(): Promise<EpjProductsResponse>;
  createEpjProduct(body: EpjProductBody): Promise<EpjProduct>;
  setEpjSupportContact(productId: string, body: EpjSupportContactBody): Promise<EpjProduct>;
  /** A register extract as the file holds it: a JSON array of person documents, or NDJSON change events. */
  importPopulation(extract: Blob): Promise<PopulationImportSummary>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const BASE = '/api/operator';

export function createOperatorApi(request: Request): OperatorApi {
  const municipality = (id: string) => `${BASE}/municipalities/${encodeURIComponent(id)}`;
  return {
    registerOrganisations: (q) => {
      const params = new URLSearchParams({
        page: String(typeof q.page === 'number' ? q.page : 1),
        ...(q.q ? { q: q.q } : {}),
      });
      return request('GET', `${BASE}/address-register/organisations?${params.toString()}`);
    },
    setMessageResponsible: (herId, body) =>
      request('PUT', `${BASE}/address-register/${encodeURIComponent(herId)}/message-responsible`, body),
    municipalities: ({ q, page }) => {
      const params = new URLSearchParams({ page: String(page) });
      if (q) {
        params.set('q', q);
      }
      return request('GET', `${BASE}/municipalities?${params.toString()}`);
    },
    createMunicipality: (body) => request('POST', `${BASE}/municipalities`, body),
    municipality: (id) => request('GET', municipality(id)),
    addAdministrator: (id, body) => request('POST', `${municipality(id)}/administrators`, body),
    epjProducts: () => request('GET', `${BASE}/epj-products`),
    createEpjProduct: (body) => request('POST', `${BASE}/epj-products`, body),
    setEpjSupportContact: (id, body) =>
      request('PUT', `${BASE}/epj-products/${encodeURIComponent(id)}/support-contact`, body),
    importPopulation: (extract) => request('POST', `${BASE}/population-register/import`, extract),
  };
}
