import type { EmergencyAccessBody, StaffLookupBody } from '@helsebro/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';
import { queryKeys } from './queries.ts';

/** "Mine brukere": citizens with an active care relation in the staff member's units. */
export function useStaffCitizens() {
  const api = useApi();
  return useQuery({ queryKey: queryKeys.staffCitizens, queryFn: () => api.getStaffCitizens(), staleTime: 60_000 });
}

/** One citizen's profile, read on a care relation or an emergency access grant (each read is audited). */
export function useStaffCitizen(personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: queryKeys.staffCitizen(personId),
    queryFn: () => api.getStaffCitizen(personId),
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  });
}

/**
 * "Slå opp person" by identity number, which travels in the body, never in a URL. The answer is kept as the
 * citizen's profile, so the profile page shows it without a second (audited) read.
 */
export function useLookupCitizen() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffLookupBody) => api.lookupCitizen(body),
    onSuccess: (data) => queryClient.setQueryData(queryKeys.staffCitizen(data.citizen.personId), data),
  });
}

/** Emergency access ("break the glass") with a stated reason; the profile is read afterwards under the grant. */
export function useEmergencyAccess() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmergencyAccessBody) => api.grantEmergencyAccess(body),
    onSuccess: (grant) => queryClient.removeQueries({ queryKey: queryKeys.staffCitizen(grant.personId) }),
  });
}
