import type {
  ContactBody,
  EvaluationResponse,
  SupportRecipients,
  SupportRequestBody,
  SupportRequestItem,
  SupportRequestsPage,
  SupportStatus,
} from '@helsebro/contracts';

export type EvaluationFilter = { from: string; to: string; municipalityId?: string | undefined };

/** Support routing and the evaluation figures (issue 12); the routes are listed in contracts' support.ts. */
export type SupportApi = {
  recipients(): Promise<SupportRecipients>;
  requests(page: number): Promise<SupportRequestsPage>;
  file(body: SupportRequestBody): Promise<SupportRequestItem>;
  setIctVendor(body: ContactBody): Promise<SupportRecipients>;
  operatorQueue(query: { page: number; status?: SupportStatus | undefined }): Promise<SupportRequestsPage>;
  reply(id: string, reply: string): Promise<SupportRequestItem>;
  close(id: string): Promise<SupportRequestItem>;
  evaluation(filter: EvaluationFilter): Promise<EvaluationResponse>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** The query string of an evaluation request; also the CSV link's. */
export function evaluationParams(filter: EvaluationFilter): string {
  const params = new URLSearchParams({ from: filter.from, to: filter.to });
  if (filter.municipalityId) {
    params.set('municipalityId', filter.municipalityId);
  }
  return params.toString();
}

export function createSupportApi(request: Request): SupportApi {
  const queue = '/api/operator/support/requests';
  return {
    recipients: () => request('GET', '/api/support/recipients'),
    requests: (page) => request('GET', `/api/support/requests?page=${page}`),
    file: (body) => request('POST', '/api/support/requests', body),
    setIctVendor: (body) => request('PUT', '/api/admin/ict-operations-vendor', body),
    operatorQueue: ({ page, status }) =>
      request(
        'GET',
        `${queue}?${new URLSearchParams({ page: String(page), ...(status ? { status } : {}) }).toString()}`,
      ),
    reply: (id, reply) => request('POST', `${queue}/${encodeURIComponent(id)}/reply`, { reply }),
    close: (id) => request('POST', `${queue}/${encodeURIComponent(id)}/close`),
    evaluation: (filter) => request('GET', `/api/operator/evaluation?${evaluationParams(filter)}`),
  };
}
