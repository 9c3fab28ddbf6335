import type { JobState, RetryDeadBody } from '@helsebro/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

/**
 * Query keys. Everything read for the person the session acts for sits under `acting`, so a switch of who the
 * user acts for drops it all in one call.
 */
export const queryKeys = {
  session: ['session'] as const,
  acting: ['acting'] as const,
  choices: ['acting', 'choices'] as const,
  profile: ['acting', 'profile'] as const,
  healthContacts: ['acting', 'health-contacts'] as const,
  accessLog: (filter: object) => ['acting', 'access-log', filter] as const,
  fullmakter: ['fullmakter'] as const,
  staffCitizens: ['staff', 'citizens'] as const,
  staffCitizen: (personId: string) => ['staff', 'citizen', personId] as const,
  jobs: (state: JobState | undefined) => ['operator', 'jobs', state ?? 'all'] as const,
};

/** Who is logged in. Every shell reads it; one request serves them all. */
export function useSession() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.session, queryFn: () => api.getSession(), staleTime: 60_000 });
}

export function useProfile(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.profile, queryFn: () => api.getProfile(), enabled, staleTime: 5 * 60_000 });
}

/** The outbox, refreshed every 15 s while the console is open. */
export function useJobs(state: JobState | undefined) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.jobs(state),
    queryFn: () => api.getJobs({ state, limit: 100 }),
    refetchInterval: 15_000,
  });
}

/** "Retry all of this cause" in the operator console: every dead job of one kind and cause. */
export function useRetryDeadJobs() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: RetryDeadBody) => api.retryDeadJobs(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['operator', 'jobs'] }),
  });
}

export function useRetryJob() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.retryJob(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['operator', 'jobs'] }),
  });
}
