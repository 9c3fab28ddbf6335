import type {
  FullmaktHolderLookupBody,
  FullmaktResponse,
  GiveFullmaktBody,
  RepresentationChoicesResponse,
} from '@helsebro/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AccessLogFilter } from './api-client.ts';
import { ApiError } from './api-error.ts';
import { reportActingLost } from './acting-lost.ts';
import { useApi } from './ApiProvider.tsx';
import { queryKeys } from './queries.ts';

/**
 * Who the session acts for and whom else the user may choose ("Hvem vil du bruke Helsebro for?"). Read again on
 * every citizen page, so a representation that ended (a fullmakt ended by the giver) shows on the next page.
 */
export function useChoices() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.choices, queryFn: () => api.getChoices(), staleTime: 0 });
}

/**
 * Switches who the session acts for. On success every read made for the previous person is dropped, so nothing
 * of theirs is shown under the new name.
 */
export function useSwitchActingFor() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => api.switchActingFor(personId),
    onSuccess: async ({ actingFor }) => {
      queryClient.setQueryData<RepresentationChoicesResponse>(queryKeys.choices, (old) =>
        old
          ? { actingFor, choices: old.choices.map((c) => ({ ...c, current: c.personId === actingFor.personId })) }
          : old,
      );
      queryClient.removeQueries({ queryKey: queryKeys.acting, predicate: (q) => q.queryKey[1] !== 'choices' });
      await queryClient.invalidateQueries({ queryKey: queryKeys.choices });
    },
  });
}

/**
 * A call refused with `not_represented`: the server has put the session back to acting for the user, because
 * the representation ended (a fullmakt ended, a child turned 16). Tell the user, and re-read everything.
 * @param queryClient - the app's query client
 * @param err - what a query or mutation failed with
 */
export function onRepresentationError(queryClient: QueryClient, err: unknown): void {
  if (!(err instanceof ApiError) || err.code !== 'not_represented') {
    return;
  }
  const old = queryClient.getQueryData<RepresentationChoicesResponse>(queryKeys.choices);
  if (!old) {
    reportActingLost(null);
  } else if (old.actingFor.basis !== 'self') {
    reportActingLost(old.actingFor.displayName);
  }
  void queryClient.invalidateQueries({ queryKey: queryKeys.acting });
}

export function useHealthContacts(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.healthContacts,
    queryFn: () => api.getHealthContacts(),
    enabled,
    staleTime: 60_000,
  });
}

/** One page of the access log of the person the session acts for. */
export function useAccessLog(filter: AccessLogFilter, enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.accessLog(filter),
    queryFn: () => api.getAccessLog(filter),
    enabled,
    placeholderData: (previous) => previous,
  });
}

/** The user's own fullmakter; the server lists them only while the user acts for themselves. */
export function useFullmakter(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.fullmakter, queryFn: () => api.getFullmakter(), enabled });
}

/** Giving or ending a fullmakt changes whom the holder may choose, so the choices are re-read too. */
function useFullmaktMutation<T>(mutationFn: (input: T) => Promise<FullmaktResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.fullmakter }),
        queryClient.invalidateQueries({ queryKey: queryKeys.choices }),
      ]);
    },
  });
}

export function useGiveFullmakt() {
  const api = useApi();
  return useFullmaktMutation((body: GiveFullmaktBody) => api.giveFullmakt(body));
}

/** The name of the person a fullmakt is about to be given to (nothing cached: it is asked once per number). */
export function useFullmaktHolderLookup() {
  const api = useApi();
  return useMutation({ mutationFn: (body: FullmaktHolderLookupBody) => api.lookupFullmaktHolder(body) });
}

export function useEndFullmakt() {
  const api = useApi();
  return useFullmaktMutation((id: string) => api.endFullmakt(id));
}
