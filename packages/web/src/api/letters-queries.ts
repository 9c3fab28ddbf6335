import type { CitizenLettersResponse } from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';
import { onRepresentationError } from './citizen-queries.ts';

/** The citizen's keys sit under `acting`, so switching whom the user acts for drops the previous person's letters. */
export const letterKeys = {
  mine: ['acting', 'letters'] as const,
  page: (page: number) => ['acting', 'letters', page] as const,
  staff: ['staff', 'letters'] as const,
};

/** A page of the principal's letters; page 1 also gives the unread count for the menu and the overview. */
export function useLetters(page: number, enabled: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: letterKeys.page(page),
    queryFn: async () => {
      try {
        return await api.letters.mine(page);
      } catch (err) {
        onRepresentationError(queryClient, err);
        throw err;
      }
    },
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 15_000,
  });
}

/**
 * The browser downloads the PDF by a plain link and the server marks the letter read; the list shows it read at
 * once and is read again from the server.
 */
export function useMarkOpened() {
  const queryClient = useQueryClient();
  return (id: string) => {
    const now = new Date().toISOString();
    queryClient.setQueriesData<CitizenLettersResponse>({ queryKey: letterKeys.mine }, (data) =>
      data
        ? {
            ...data,
            unread: Math.max(0, data.unread - (data.letters.some((l) => l.id === id && !l.readAt) ? 1 : 0)),
            letters: data.letters.map((l) => (l.id === id && !l.readAt ? { ...l, readAt: now } : l)),
          }
        : data,
    );
    window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: letterKeys.mine }), 1500);
  };
}

export function useStaffLetterUnits() {
  const api = useApi();
  return useQuery({ queryKey: [...letterKeys.staff, 'units'], queryFn: () => api.letters.staffUnits() });
}

export function useUnitLetters(unitId: string | null, page: number) {
  const api = useApi();
  return useQuery({
    queryKey: [...letterKeys.staff, 'sent', unitId, page],
    queryFn: () => api.letters.unitLetters(unitId ?? '', page),
    enabled: unitId !== null,
    placeholderData: keepPreviousData,
  });
}

export function usePrintList(unitId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: [...letterKeys.staff, 'print', unitId],
    queryFn: () => api.letters.printList(unitId ?? ''),
    enabled: unitId !== null,
  });
}

function useRefreshStaffLetters() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: letterKeys.staff });
}

export function useSendLetter(unitId: string) {
  const api = useApi();
  const refresh = useRefreshStaffLetters();
  return useMutation({ mutationFn: (form: FormData) => api.letters.send(unitId, form), onSuccess: refresh });
}

export function useMarkPrinted() {
  const api = useApi();
  const refresh = useRefreshStaffLetters();
  return useMutation({ mutationFn: (id: string) => api.letters.markPrinted(id), onSuccess: refresh });
}
