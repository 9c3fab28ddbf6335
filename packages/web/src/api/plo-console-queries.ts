import type {
  PloAlertListQuery,
  PloConsoleAnswerBody,
  PloConsoleBox,
  PloConsoleListQuery,
  PloRejectedListQuery,
} from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

const ploKeys = {
  all: ['staff', 'plo'] as const,
  services: ['staff', 'plo', 'services'] as const,
  list: (herId: string, box: PloConsoleBox, q: PloConsoleListQuery) => ['staff', 'plo', 'list', herId, box, q] as const,
  message: (id: string) => ['staff', 'plo', 'message', id] as const,
};

/** The services the message handler handles, with counts of new messages (refreshed every 30 s). */
export function usePloServices(enabled = true) {
  const api = useApi();
  return useQuery({
    queryKey: ploKeys.services,
    queryFn: () => api.ploConsole.services(),
    enabled,
    refetchInterval: 30_000,
  });
}

/** One page of a service's inbox or outbox; the previous page stays shown while the next loads. */
export function usePloList(herId: string | undefined, box: PloConsoleBox, q: PloConsoleListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: ploKeys.list(herId ?? '', box, q),
    queryFn: () => api.ploConsole.list(herId ?? '', box, q),
    enabled: herId !== undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** One message (an audited read; opening it marks it read, so the lists are refreshed). */
export function usePloMessage(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ploKeys.message(id),
    queryFn: async () => {
      const m = await api.ploConsole.message(id);
      void queryClient.invalidateQueries({ queryKey: ploKeys.services });
      return m;
    },
    refetchOnWindowFocus: false,
  });
}

export function useMarkHandled(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.ploConsole.markHandled(id),
    onSuccess: (m) => {
      queryClient.setQueryData(ploKeys.message(id), m);
      void queryClient.invalidateQueries({ queryKey: ploKeys.all, predicate: (q) => q.queryKey[2] !== 'message' });
    },
  });
}

/** Answers with a dialog message; the original (now handled) and the lists are read again. */
export function useAnswerMessage(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PloConsoleAnswerBody) => api.ploConsole.answer(id, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ploKeys.all }),
  });
}

const alertKeys = {
  all: ['staff', 'plo', 'alerts'] as const,
  list: (q: PloAlertListQuery) => ['staff', 'plo', 'alerts', 'list', q] as const,
  one: (id: string) => ['staff', 'plo', 'alerts', 'one', id] as const,
};

/** One page of the organisation's alerts (refreshed every 30 s). */
export function usePloAlerts(q: PloAlertListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: alertKeys.list(q),
    queryFn: () => api.ploConsole.alerts(q),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function usePloAlert(id: string) {
  const api = useApi();
  return useQuery({ queryKey: alertKeys.one(id), queryFn: () => api.ploConsole.alert(id) });
}

/** Acknowledges or closes an alert; the alert and the lists are read again. */
export function useAlertAction(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'acknowledge' } | { kind: 'close'; note: string }) =>
      action.kind === 'acknowledge' ? api.ploConsole.acknowledgeAlert(id) : api.ploConsole.closeAlert(id, action.note),
    onSuccess: (alert) => {
      queryClient.setQueryData(alertKeys.one(id), alert);
      void queryClient.invalidateQueries({ queryKey: alertKeys.all, predicate: (q) => q.queryKey[3] === 'list' });
    },
  });
}

const rejectedKeys = {
  all: ['staff', 'plo', 'rejected'] as const,
  list: (q: PloRejectedListQuery) => ['staff', 'plo', 'rejected', q] as const,
};

/** One page of the rejected messages addressed to the organisation (refreshed every 30 s). */
export function usePloRejected(q: PloRejectedListQuery) {
  const api = useApi();
  return useQuery({
    queryKey: rejectedKeys.list(q),
    queryFn: () => api.ploConsole.rejected(q),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

/** Closes a rejected message or forwards it to a service; the queue and the boxes are read again. */
export function useRejectedAction(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'close'; note: string } | { kind: 'forward'; note: string; serviceHerId: string }) =>
      action.kind === 'close'
        ? api.ploConsole.closeRejected(id, action.note)
        : api.ploConsole.forwardRejected(id, { serviceHerId: action.serviceHerId, note: action.note }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: rejectedKeys.all });
      void queryClient.invalidateQueries({ queryKey: ploKeys.all });
    },
  });
}
