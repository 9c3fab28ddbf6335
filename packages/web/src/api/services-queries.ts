import type { DpaBody, ServiceOrderBody } from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

const ALL = ['services'] as const;

/**
 * The active service codes where the user (or the person they act for) is served; undefined until known, so a
 * page shows nothing it would have to take back.
 * @param actingFor - whom a citizen acts for (the answer depends on it)
 */
export function useMyServices(enabled = true, actingFor?: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ALL, 'mine', actingFor ?? null],
    queryFn: () => api.services.mine(),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * Whether to offer what a service code stands for, for a page that would rather wait than take a link back (the
 * staff workspace, seed 000 §5.1): only once the service is known to be active; if the answer cannot be had, offered,
 * since every route behind it refuses an inactive service anyway. (The citizen's menu shows all until it knows.)
 */
export function isServiceOffered(services: ReturnType<typeof useMyServices>, code: string): boolean {
  return services.data ? services.data.services.includes(code) : services.isError;
}

/** The municipality's services: the administrator's own (no id) or one the operator looks at. */
export function useMunicipalityServices(municipalityId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ALL, 'municipality', municipalityId ?? 'own'],
    queryFn: () => (municipalityId ? api.services.ofMunicipality(municipalityId) : api.services.own()),
  });
}

export function useServiceHistory(page: number, municipalityId?: string) {
  const api = useApi();
  return useQuery({
    queryKey: [...ALL, 'history', municipalityId ?? 'own', page],
    queryFn: () => (municipalityId ? api.services.historyOf(municipalityId, page) : api.services.ownHistory(page)),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateServices() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ALL });
}

export function useOrderServices() {
  const api = useApi();
  const invalidate = useInvalidateServices();
  return useMutation({ mutationFn: (body: ServiceOrderBody) => api.services.order(body), onSuccess: invalidate });
}

export function useSignDpa() {
  const api = useApi();
  const invalidate = useInvalidateServices();
  return useMutation({ mutationFn: (body: DpaBody) => api.services.signDpa(body), onSuccess: invalidate });
}

export function useChangeServiceStatus(municipalityId: string) {
  const api = useApi();
  const invalidate = useInvalidateServices();
  return useMutation({
    mutationFn: (v: { code: string; verb: 'activate' | 'suspend'; reason: string }) =>
      api.services.change(municipalityId, v.code, v.verb, v.reason),
    onSuccess: invalidate,
  });
}
