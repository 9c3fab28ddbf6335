import type {
  EndCareRelationBody,
  RegisterCareRelationBody,
  UnitCareRelation,
  UnitCareRelationsQuery,
  UnitCareRelationsResponse,
} from '@helsebro/contracts';

/** The unit's care relations ("Brukere av tjenesten", issue 12); the routes are listed in contracts' care-relations.ts. */
export type CareRelationsApi = {
  list(unitId: string, query: UnitCareRelationsQuery): Promise<UnitCareRelationsResponse>;
  register(unitId: string, body: RegisterCareRelationBody): Promise<UnitCareRelation>;
  end(unitId: string, id: string, body: EndCareRelationBody): Promise<UnitCareRelation>;
};

type Request = <T>(method: string, path: string, body?: unknown) => Promise<T>;

const base = (unitId: string) => `/api/staff/units/${encodeURIComponent(unitId)}/care-relations`;

export function createCareRelationsApi(request: Request): CareRelationsApi {
  return {
    list: (unitId, query) => {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query) as Array<[string, string | number | undefined]>) {
        if (v !== undefined && v !== '') {
          params.set(k, String(v));
        }
      }
      return request('GET', `${base(unitId)}?${params.toString()}`);
    },
    register: (unitId, body) => request('POST', base(unitId), body),
    end: (unitId, id, body) => request('POST', `${base(unitId)}/${encodeURIComponent(id)}/end`, body),
  };
}
