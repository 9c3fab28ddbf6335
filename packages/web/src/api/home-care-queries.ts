import type { MarkVisitDoneBody, UnplannedVisitBody } from '@helsebro/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';
import { queryKeys } from './queries.ts';

const key = ['staff', 'home-visits', 'today'] as const;

/** The health worker's own visits today (each citizen shown is audited, so not refetched on focus). */
export function useMyVisitsToday() {
  const api = useApi();
  return useQuery({ queryKey: key, queryFn: () => api.homeCare.today(), refetchOnWindowFocus: false });
}

export function useMarkVisitDone() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MarkVisitDoneBody }) => api.homeCare.done(id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useRecordUnplannedVisit() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, body }: { unitId: string; body: UnplannedVisitBody }) =>
      api.homeCare.unplanned(unitId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** The unit leader gives a visit to a health worker; the unit's calendar and the day's lists change. */
export function useAssignVisit() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, staffPersonnelId }: { id: string; staffPersonnelId: string | null }) =>
      api.homeCare.assign(id, { staffPersonnelId }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['staff', 'appointments'] });
      await client.invalidateQueries({ queryKey: key });
    },
  });
}

/** "Gjennomgått": the plan is reviewed after a discharge; the flag leaves Mine brukere and the day's visits. */
export function useMarkHospitalReviewed() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (personId: string) => api.homeCare.review(personId),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: queryKeys.staffCitizens });
      await client.invalidateQueries({ queryKey: key });
    },
  });
}
