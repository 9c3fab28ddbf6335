import type { EndCareRelationBody, RegisterCareRelationBody, UnitCareRelationsQuery } from '@helsebro/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

const key = (unitId: string) => ['staff', 'care-relations', unitId] as const;

/** A page of the unit's care relations (each listed person is audited, so not refetched on focus). */
export function useUnitCareRelations(unitId: string, query: UnitCareRelationsQuery) {
  const api = useApi();
  return useQuery({
    queryKey: [...key(unitId), query],
    queryFn: () => api.careRelations.list(unitId, query),
    enabled: unitId !== '',
    refetchOnWindowFocus: false,
  });
}

export function useRegisterCareRelation(unitId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RegisterCareRelationBody) => api.careRelations.register(unitId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key(unitId) }),
  });
}

export function useEndCareRelation(unitId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: EndCareRelationBody }) => api.careRelations.end(unitId, id, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key(unitId) }),
  });
}
