import type {
  NoticeBody,
  NoticeConfirmBody,
  NoticePreview,
  ServiceCatalogue,
  ServiceNoticesResponse,
  Termination,
  TerminationPage,
  TerminationsResponse,
  WindDown,
  WindDownBody,
  WindDownsResponse,
} from '@helsebro/contracts';

/** Export link the browser follows itself (a download, not JSON). */
export const EXPORT_PATH = '/api/admin/export';

/** Termination and wind-down (issue 12, seed 000 §6); the routes are listed in contracts' termination.ts. */
export type TerminationApi = {
  /** The administrator's own municipality's notices and the operator's wind-downs that reach it. */
  own(): Promise<TerminationsResponse>;
  preview(body: NoticeBody): Promise<NoticePreview>;
  give(body: NoticeConfirmBody): Promise<Termination>;
  windDowns(): Promise<WindDownsResponse>;
  windDown(body: WindDownBody): Promise<WindDown>;
  /** Every municipality's notices for the operator, searched by municipality and paged. */
  all(query: { q?: string | undefined; page: number }): Promise<TerminationPage>;
  /** The services a wind-down can name: the newest catalogue. */
  catalogue(): Promise<ServiceCatalogue>;
  /** What the citizen (or whom they act for) is told about services ending. */
  notices(): Promise<ServiceNoticesResponse>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

export function createTerminationApi(request: Request): TerminationApi {
  return {
    own: () => request('GET', '/api/admin/terminations'),
    preview: (body) => request('POST', '/api/admin/terminations/preview', body),
    give: (body) => request('POST', '/api/admin/terminations', body),
    windDowns: () => request('GET', '/api/operator/wind-downs'),
    windDown: (body) => request('POST', '/api/operator/wind-downs', body),
    all: ({ q, page }) => {
      const params = new URLSearchParams({ page: String(page) });
      if (q) {
        params.set('q', q);
      }
      return request('GET', `/api/operator/terminations?${params.toString()}`);
    },
    catalogue: () => request('GET', '/api/operator/service-catalogue'),
    notices: () => request('GET', '/api/me/service-notices'),
  };
}
