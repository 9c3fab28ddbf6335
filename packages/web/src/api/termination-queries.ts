import type { NoticeBody, NoticeConfirmBody, WindDownBody } from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

const ALL = ['termination'] as const;

/** The administrator's own notices and wind-downs. */
export function useOwnTerminations() {
  const api = useApi();
  return useQuery({ queryKey: [...ALL, 'own'], queryFn: () => api.termination.own() });
}

/** Asks for the effective date the notice would get; nothing is stored. */
export function usePreviewNotice() {
  const api = useApi();
  return useMutation({ mutationFn: (body: NoticeBody) => api.termination.preview(body) });
}

/** A notice or a wind-down changes the services' status too, so their lists are stale as well. */
function useInvalidate() {
  const client = useQueryClient();
  return () =>
    Promise.all([client.invalidateQueries({ queryKey: ALL }), client.invalidateQueries({ queryKey: ['services'] })]);
}

export function useGiveNotice() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: NoticeConfirmBody) => api.termination.give(body), onSuccess: invalidate });
}

export function useWindDowns() {
  const api = useApi();
  return useQuery({ queryKey: [...ALL, 'wind-downs'], queryFn: () => api.termination.windDowns() });
}

export function useCreateWindDown() {
  const api = useApi();
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (body: WindDownBody) => api.termination.windDown(body), onSuccess: invalidate });
}

/** One page of every municipality's notices; the last page stays while the next loads. */
export function useAllTerminations(query: { q?: string | undefined; page: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...ALL, 'all', query],
    queryFn: () => api.termination.all(query),
    placeholderData: keepPreviousData,
  });
}

export function useServiceCatalogue() {
  const api = useApi();
  return useQuery({ queryKey: [...ALL, 'catalogue'], queryFn: () => api.termination.catalogue(), staleTime: 60_000 });
}

/**
 * The citizen's notices of services ending (an audited read, so not refetched on focus).
 * @param actingFor - whom the citizen acts for (the answer depends on it)
 * @param enabled - whether the representation allows the read (health_contacts.read)
 */
export function useServiceNotices(actingFor: string, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: [...ALL, 'notices', actingFor],
    queryFn: () => api.termination.notices(),
    enabled,
    refetchOnWindowFocus: false,
  });
}
