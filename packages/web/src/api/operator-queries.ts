import type {
  AdministratorBody,
  EpjProductBody,
  EpjSupportContactBody,
  MunicipalityCreateBody,
} from '@helsebro/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';

const keys = {
  municipalities: ['operator', 'municipalities'] as const,
  municipality: (id: string) => ['operator', 'municipalities', 'one', id] as const,
  products: ['operator', 'epj-products'] as const,
};

/** One page of the municipalities, searched by name, number or organisation number; the last page stays while the next loads. */
export function useMunicipalities(query: { q?: string | undefined; page: number }) {
  const api = useApi();
  return useQuery({
    queryKey: [...keys.municipalities, 'list', query],
    queryFn: () => api.operator.municipalities(query),
    placeholderData: keepPreviousData,
  });
}

/** One municipality with its administrators (an audited read, so not refetched on focus). */
export function useMunicipality(id: string) {
  const api = useApi();
  return useQuery({
    queryKey: keys.municipality(id),
    queryFn: () => api.operator.municipality(id),
    refetchOnWindowFocus: false,
  });
}

export function useCreateMunicipality() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: MunicipalityCreateBody) => api.operator.createMunicipality(body),
    onSuccess: (m) => {
      client.setQueryData(keys.municipality(m.id), m);
      void client.invalidateQueries({ queryKey: [...keys.municipalities, 'list'] });
    },
  });
}

export function useAddAdministrator(municipalityId: string) {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AdministratorBody) => api.operator.addAdministrator(municipalityId, body),
    onSuccess: (m) => client.setQueryData(keys.municipality(municipalityId), m),
  });
}

export function useEpjProducts() {
  const api = useApi();
  return useQuery({ queryKey: keys.products, queryFn: () => api.operator.epjProducts() });
}

export function useCreateEpjProduct() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EpjProductBody) => api.operator.createEpjProduct(body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.products }),
  });
}

/** Sets or removes the vendor's support contact on a registered EPJ product. */
export function useSetEpjSupportContact() {
  const api = useApi();
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ productId, ...body }: EpjSupportContactBody & { productId: string }) =>
      api.operator.setEpjSupportContact(productId, body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.products }),
  });
}

/** Reads a register extract into the population register; the answer is the import's summary. */
export function useImportPopulation() {
  const api = useApi();
  return useMutation({ mutationFn: (extract: Blob) => api.operator.importPopulation(extract) });
}
