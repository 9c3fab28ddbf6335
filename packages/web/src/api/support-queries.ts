import type { ContactBody, SupportRequestBody, SupportStatus } from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';
import type { EvaluationFilter } from './support-api.ts';

const keys = {
  recipients: ['support', 'recipients'] as const,
  requests: ['support', 'requests'] as const,
  queue: ['support', 'operator-queue'] as const,
};

export function useSupportRecipients() {
  const api = useApi();
  return useQuery({ queryKey: keys.recipients, queryFn: () => api.support.recipients() });
}

/** The municipality's requests (an audited read, so not refetched on focus); the last page stays while the next loads. */
export function useSupportRequests(page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.requests, page],
    queryFn: () => api.support.requests(page),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export function useFileSupportRequest() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SupportRequestBody) => api.support.file(body),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.requests }),
  });
}

export function useSetIctVendor() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactBody) => api.support.setIctVendor(body),
    onSuccess: (data) => client.setQueryData(keys.recipients, data),
  });
}

export function useOperatorSupportQueue(query: { page: number; status?: SupportStatus | undefined }) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.queue, query],
    queryFn: () => api.support.operatorQueue(query),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export function useAnswerSupportRequest() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (a: { id: string; reply?: string }) =>
      a.reply === undefined ? api.support.close(a.id) : api.support.reply(a.id, a.reply),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.queue }),
  });
}

export function useEvaluation(filter: EvaluationFilter) {
  const api = useApi();
  return useQuery({
    queryKey: ['support', 'evaluation', filter],
    queryFn: () => api.support.evaluation(filter),
    placeholderData: keepPreviousData,
  });
}
