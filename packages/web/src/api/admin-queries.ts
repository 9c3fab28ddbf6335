import type {
  AppointmentTypeBody,
  ClientCreateBody,
  ClientCredentialBody,
  EpjSystemBody,
  StaffCreateBody,
  StaffUpdateBody,
  UnitBody,
  UpdateServiceUnitSettingsBody,
} from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';
import type { AdminApi } from './admin-api.ts';

const keys = {
  all: ['admin'] as const,
  municipality: ['admin', 'municipality'] as const,
  units: ['admin', 'units'] as const,
  staff: ['admin', 'staff'] as const,
  clients: ['admin', 'clients'] as const,
  types: (unitId: string) => ['admin', 'units', unitId, 'types'] as const,
  settings: (unitId: string) => ['admin', 'units', unitId, 'settings'] as const,
};

/** A change through the administrator's API, then what it touched is fetched again. */
function useAdminMutation<V, R>(run: (api: AdminApi, vars: V) => Promise<R>, touches: QueryKey[]) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => run(api.admin, vars),
    onSuccess: () => Promise.all(touches.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
}

export function useAdminMunicipality() {
  const api = useApi();
  return useQuery({ queryKey: keys.municipality, queryFn: () => api.admin.municipality() });
}

export function useAdminUnits() {
  const api = useApi();
  return useQuery({ queryKey: keys.units, queryFn: () => api.admin.units() });
}

/** One page of the staff, searched by name or HPR number; the last page stays while the next loads. */
export function useAdminStaff(query: { q?: string | undefined; page: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.staff, query],
    queryFn: () => api.admin.staff(query),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
  });
}

export function useMachineClients() {
  const api = useApi();
  return useQuery({ queryKey: keys.clients, queryFn: () => api.admin.clients() });
}

export function useAdminAppointmentTypes(unitId: string) {
  const api = useApi();
  return useQuery({ queryKey: keys.types(unitId), queryFn: () => api.admin.appointmentTypes(unitId) });
}

export function useAdminUnitSettings(unitId: string) {
  const api = useApi();
  return useQuery({ queryKey: keys.settings(unitId), queryFn: () => api.admin.unitSettings(unitId) });
}

export const useSetEpjSystem = () =>
  useAdminMutation((api, body: EpjSystemBody) => api.setEpjSystem(body), [keys.municipality]);
export const useCreateUnit = () => useAdminMutation((api, body: UnitBody) => api.createUnit(body), [keys.units]);
export const useUpdateUnit = () =>
  useAdminMutation((api, v: { id: string; body: UnitBody }) => api.updateUnit(v.id, v.body), [keys.units]);
export const useCloseUnit = () =>
  useAdminMutation((api, v: { id: string; reason: string }) => api.closeUnit(v.id, v.reason), [keys.units]);
export const useCreateStaff = () =>
  useAdminMutation((api, body: StaffCreateBody) => api.createStaff(body), [keys.staff]);
export const useUpdateStaff = () =>
  useAdminMutation((api, v: { id: string; body: StaffUpdateBody }) => api.updateStaff(v.id, v.body), [keys.staff]);
export const useEndStaff = () =>
  useAdminMutation((api, v: { id: string; reason: string }) => api.endStaff(v.id, v.reason), [keys.staff]);
export const useCreateClient = () =>
  useAdminMutation((api, body: ClientCreateBody) => api.createClient(body), [keys.clients]);
export const useRotateClient = () =>
  useAdminMutation(
    (api, v: { clientId: string; body: ClientCredentialBody }) => api.rotateClient(v.clientId, v.body),
    [keys.clients],
  );
export const useRevokeClient = () =>
  useAdminMutation(
    (api, v: { clientId: string; reason: string }) => api.revokeClient(v.clientId, v.reason),
    [keys.clients],
  );

export const useCreateAppointmentType = (unitId: string) =>
  useAdminMutation((api, body: AppointmentTypeBody) => api.createAppointmentType(unitId, body), [keys.types(unitId)]);
export const useUpdateAppointmentType = (unitId: string) =>
  useAdminMutation(
    (api, v: { typeId: string; body: AppointmentTypeBody }) => api.updateAppointmentType(unitId, v.typeId, v.body),
    [keys.types(unitId)],
  );
export const useEndAppointmentType = (unitId: string) =>
  useAdminMutation(
    (api, v: { typeId: string; reason: string }) => api.endAppointmentType(unitId, v.typeId, v.reason),
    [keys.types(unitId)],
  );
export const useUpdateUnitSettings = (unitId: string) =>
  useAdminMutation(
    (api, body: UpdateServiceUnitSettingsBody) => api.updateUnitSettings(unitId, body),
    [keys.settings(unitId)],
  );

export { keys as adminQueryKeys };
