import type { DigifinBody, KsConsultationBody, TermsDraftBody } from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

const keys = {
  versions: ['agreements', 'versions'] as const,
  acceptances: (id: string) => ['agreements', 'acceptances', id] as const,
  municipality: (id: string) => ['agreements', 'municipality', id] as const,
  own: ['agreements', 'own'] as const,
};

export function useTermsVersions() {
  const api = useApi();
  return useQuery({ queryKey: keys.versions, queryFn: () => api.agreements.versions() });
}

/** After a change to a version, the list and every acceptance count are stale. */
function useInvalidateTerms() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['agreements'] });
}

export function useCreateTermsDraft() {
  const api = useApi();
  const invalidate = useInvalidateTerms();
  return useMutation({ mutationFn: (body: TermsDraftBody) => api.agreements.createDraft(body), onSuccess: invalidate });
}

export function useRecordKsConsultation(versionId: string) {
  const api = useApi();
  const invalidate = useInvalidateTerms();
  return useMutation({
    mutationFn: (body: KsConsultationBody) => api.agreements.recordKsConsultation(versionId, body),
    onSuccess: invalidate,
  });
}

export function usePublishTerms(versionId: string) {
  const api = useApi();
  const invalidate = useInvalidateTerms();
  return useMutation({
    mutationFn: (acceptBy: string) => api.agreements.publish(versionId, { acceptBy }),
    onSuccess: invalidate,
  });
}

/** One page of who has and has not accepted the version; the last page stays while the next loads. */
export function useTermsAcceptances(
  versionId: string,
  query: { q?: string | undefined; page: number; accepted: 'all' | 'yes' | 'no' },
) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.acceptances(versionId), query],
    queryFn: () => api.agreements.acceptances(versionId, query),
    placeholderData: keepPreviousData,
  });
}

/** A municipality's terms status for the operator (an audited read, so not refetched on focus). */
export function useMunicipalityTerms(municipalityId: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.municipality(municipalityId),
    queryFn: () => api.agreements.municipalityStatus(municipalityId),
    refetchOnWindowFocus: false,
  });
}

export function useRecordDigifin(municipalityId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: DigifinBody) => api.agreements.recordDigifin(municipalityId, body),
    onSuccess: (status) => client.setQueryData(keys.municipality(municipalityId), status),
  });
}

/** The administrator's own municipality's terms status (an audited read, so not refetched on focus). */
export function useOwnTerms() {
  const api = useApi();
  return useQuery({ queryKey: keys.own, queryFn: () => api.agreements.ownStatus(), refetchOnWindowFocus: false });
}

export function useAcceptTerms() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => api.agreements.accept(versionId),
    onSuccess: (status) => client.setQueryData(keys.own, status),
  });
}
