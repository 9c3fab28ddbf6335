import type {
  AdminMunicipalityResponse,
  AdminUnit,
  AdminUnitsResponse,
  AppointmentType,
  AppointmentTypeBody,
  AppointmentTypesResponse,
  ClientCreateBody,
  ClientCredentialBody,
  EpjSystemBody,
  MachineClientItem,
  MachineClientsResponse,
  ServiceUnitSettings,
  StaffCreateBody,
  StaffMember,
  StaffPage,
  StaffUpdateBody,
  UnitBody,
  UpdateServiceUnitSettingsBody,
} from '@helsebro/contracts';

/**
 * The municipality administrator's API (issue 12; routes in contracts' organisations.ts), a unit's appointment
 * types (contracts' ADMIN_APPOINTMENT_TYPE_ROUTES) and its dialog settings (contracts' dialog.ts).
 */
export type AdminApi = {
  municipality(): Promise<AdminMunicipalityResponse>;
  setEpjSystem(body: EpjSystemBody): Promise<AdminMunicipalityResponse>;
  units(): Promise<AdminUnitsResponse>;
  createUnit(body: UnitBody): Promise<AdminUnit>;
  updateUnit(id: string, body: UnitBody): Promise<AdminUnit>;
  closeUnit(id: string, reason: string): Promise<AdminUnit>;
  staff(query: { q?: string | undefined; page: number }): Promise<StaffPage>;
  createStaff(body: StaffCreateBody): Promise<StaffMember>;
  updateStaff(id: string, body: StaffUpdateBody): Promise<StaffMember>;
  endStaff(id: string, reason: string): Promise<void>;
  clients(): Promise<MachineClientsResponse>;
  createClient(body: ClientCreateBody): Promise<MachineClientItem>;
  rotateClient(clientId: string, body: ClientCredentialBody): Promise<MachineClientItem>;
  revokeClient(clientId: string, reason: string): Promise<MachineClientItem>;
  appointmentTypes(unitId: string): Promise<AppointmentTypesResponse>;
  createAppointmentType(unitId: string, body: AppointmentTypeBody): Promise<AppointmentType>;
  updateAppointmentType(unitId: string, typeId: string, body: AppointmentTypeBody): Promise<AppointmentType>;
  endAppointmentType(unitId: string, typeId: string, reason: string): Promise<AppointmentType>;
  unitSettings(unitId: string): Promise<ServiceUnitSettings>;
  updateUnitSettings(unitId: string, body: UpdateServiceUnitSettingsBody): Promise<ServiceUnitSettings>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const BASE = '/api/admin';
const e = encodeURIComponent;

export function createAdminApi(request: Request): AdminApi {
  const types = (unitId: string) => `${BASE}/units/${e(unitId)}/appointment-types`;
  return {
    municipality: () => request('GET', `${BASE}/municipality`),
    setEpjSystem: (body) => request('PUT', `${BASE}/epj-system`, body),
    units: () => request('GET', `${BASE}/units`),
    createUnit: (body) => request('POST', `${BASE}/units`, body),
    updateUnit: (id, body) => request('PUT', `${BASE}/units/${e(id)}`, body),
    closeUnit: (id, reason) => request('POST', `${BASE}/units/${e(id)}/close`, { reason }),
    staff: ({ q, page }) => {
      const params = new URLSearchParams({ page: String(page) });
      if (q) {
        params.set('q', q);
      }
      return request('GET', `${BASE}/staff?${params.toString()}`);
    },
    createStaff: (body) => request('POST', `${BASE}/staff`, body),
    updateStaff: (id, body) => request('PUT', `${BASE}/staff/${e(id)}`, body),
    endStaff: (id, reason) => request('DELETE', `${BASE}/staff/${e(id)}`, { reason }),
    clients: () => request('GET', `${BASE}/epj-clients`),
    createClient: (body) => request('POST', `${BASE}/epj-clients`, body),
    rotateClient: (clientId, body) => request('POST', `${BASE}/epj-clients/${e(clientId)}/rotate`, body),
    revokeClient: (clientId, reason) => request('POST', `${BASE}/epj-clients/${e(clientId)}/revoke`, { reason }),
    appointmentTypes: (unitId) => request('GET', types(unitId)),
    createAppointmentType: (unitId, body) => request('POST', types(unitId), body),
    updateAppointmentType: (unitId, typeId, body) => request('PUT', `${types(unitId)}/${e(typeId)}`, body),
    endAppointmentType: (unitId, typeId, reason) => request('POST', `${types(unitId)}/${e(typeId)}/end`, { reason }),
    unitSettings: (unitId) => request('GET', `/api/staff/dialog/units/${e(unitId)}/settings`),
    updateUnitSettings: (unitId, body) => request('PUT', `/api/staff/dialog/units/${e(unitId)}/settings`, body),
  };
}
