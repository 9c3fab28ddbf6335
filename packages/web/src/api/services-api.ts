import type {
  DpaBody,
  MunicipalityServices,
  MyServices,
  ServiceHistoryPage,
  ServiceOrderBody,
} from '@helsebro/contracts';

/** Ordering, activation and the data processing agreement (issue 12); the routes are listed in contracts' services.ts. */
export type ServicesApi = {
  /** The active service codes where the user is served: the pages show only these features. */
  mine(): Promise<MyServices>;
  own(): Promise<MunicipalityServices>;
  ownHistory(page: number): Promise<ServiceHistoryPage>;
  order(body: ServiceOrderBody): Promise<MunicipalityServices>;
  signDpa(body: DpaBody): Promise<MunicipalityServices>;
  ofMunicipality(municipalityId: string): Promise<MunicipalityServices>;
  historyOf(municipalityId: string, page: number): Promise<ServiceHistoryPage>;
  change(
    municipalityId: string,
    serviceCode: string,
    verb: 'activate' | 'suspend',
    reason: string,
  ): Promise<MunicipalityServices>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function createServicesApi(request: Request): ServicesApi {
  const municipality = (id: string) => `/api/operator/municipalities/${encodeURIComponent(id)}/services`;
  return {
    mine: () => request('GET', '/api/me/services'),
    own: () => request('GET', '/api/admin/services'),
    ownHistory: (page) => request('GET', `/api/admin/services/history?page=${page}`),
    order: (body) => request('POST', '/api/admin/services/orders', body),
    signDpa: (body) => request('POST', '/api/admin/data-processing-agreement', body),
    ofMunicipality: (id) => request('GET', municipality(id)),
    historyOf: (id, page) => request('GET', `${municipality(id)}/history?page=${page}`),
    change: (id, code, verb, reason) =>
      request('POST', `${municipality(id)}/${encodeURIComponent(code)}/${verb}`, { reason }),
  };
}
