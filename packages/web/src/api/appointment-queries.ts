import type {
  CancelAppointmentBody,
  DecideRequestBody,
  MoveAppointmentBody,
  RecordCompletedVisitBody,
  StaffCancelAppointmentBody,
  StaffCreateAppointmentBody,
} from '@helsebro/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useApi } from './ApiProvider.tsx';
import { onRepresentationError } from './citizen-queries.ts';

/**
 * Query keys of appointments. The citizen's sit under `acting` (see queries.ts), so switching whom the user acts for
 * drops every appointment read for the previous person.
 */
export const appointmentKeys = {
  citizen: ['acting', 'appointments'] as const,
  list: ['acting', 'appointments', 'list'] as const,
  bookable: ['acting', 'appointments', 'bookable-types'] as const,
  slots: (typeId: string) => ['acting', 'appointments', 'slots', typeId] as const,
  visits: ['acting', 'appointments', 'visits'] as const,
  notices: ['acting', 'appointments', 'visit-notices'] as const,
  staff: ['staff', 'appointments'] as const,
  staffUnits: ['staff', 'appointments', 'units'] as const,
  calendar: (unitId: string, date: string | undefined, view: string) =>
    ['staff', 'appointments', 'calendar', unitId, date ?? 'today', view] as const,
  requests: (unitId: string) => ['staff', 'appointments', 'requests', unitId] as const,
  staffNames: (unitId: string, personId: string) => ['staff', 'appointments', 'staff-names', unitId, personId] as const,
};

/** A citizen query that reports a lost representation (`not_represented`) like the other citizen pages. */
function useCitizenQuery<T>(key: readonly unknown[], fn: () => Promise<T>, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: key,
    queryFn: async () => {
      try {
        return await fn();
      } catch (err) {
        onRepresentationError(queryClient, err);
        throw err;
      }
    },
    enabled,
  });
}

/** Future appointments (and today's) of the person the user acts for, with what they may do about each. */
export function useAppointments(enabled: boolean) {
  const api = useApi();
  return useCitizenQuery(appointmentKeys.list, () => api.appointments.list(), enabled);
}

export function useBookableTypes(enabled: boolean) {
  const api = useApi();
  return useCitizenQuery(appointmentKeys.bookable, () => api.appointments.bookableTypes(), enabled);
}

/** Free slots of one type, the server's default period (today and four weeks on). */
export function useFreeSlots(typeId: string | null) {
  const api = useApi();
  return useCitizenQuery(
    appointmentKeys.slots(typeId ?? ''),
    () => api.appointments.freeSlots({ typeId: typeId ?? '' }),
    typeId !== null,
  );
}

export function useCompletedVisits(enabled: boolean) {
  const api = useApi();
  return useCitizenQuery(appointmentKeys.visits, () => api.appointments.completedVisits(), enabled);
}

export function useVisitNotices(enabled: boolean) {
  const api = useApi();
  return useCitizenQuery(appointmentKeys.notices, () => api.appointments.visitNotices(), enabled);
}

/** A booking, cancellation or request changes the list and the free slots, so both are read again. */
function useCitizenMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: the caller's own onSuccess must run even when the refreshed list no longer shows its form.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: appointmentKeys.citizen }),
    onError: (err) => onRepresentationError(queryClient, err),
  });
}

export function useBook() {
  const api = useApi();
  return useCitizenMutation((slotId: string) => api.appointments.book(slotId));
}

export function useCancelAppointment() {
  const api = useApi();
  return useCitizenMutation(({ id, body }: { id: string; body: CancelAppointmentBody }) =>
    api.appointments.cancel(id, body),
  );
}

export function useRequestNewTime() {
  const api = useApi();
  return useCitizenMutation(({ id, comment }: { id: string; comment: string }) =>
    api.appointments.requestNewTime(id, comment),
  );
}

export function useSetVisitNotices() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (optIn: boolean) => api.appointments.setVisitNotices(optIn),
    onSuccess: (data) => queryClient.setQueryData(appointmentKeys.notices, data),
  });
}

// ---------------------------------------------------------------- staff

export function useStaffAppointmentUnits() {
  const api = useApi();
  return useQuery({ queryKey: appointmentKeys.staffUnits, queryFn: () => api.appointments.staffUnits() });
}

export function useCalendar(unitId: string | null, date: string | undefined, view: 'day' | 'week') {
  const api = useApi();
  return useQuery({
    queryKey: appointmentKeys.calendar(unitId ?? '', date, view),
    queryFn: () => api.appointments.calendar(unitId ?? '', { ...(date ? { date } : {}), view }),
    enabled: unitId !== null,
    placeholderData: (previous) => previous,
  });
}

export function useUnitRequests(unitId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: appointmentKeys.requests(unitId ?? ''),
    queryFn: () => api.appointments.requests(unitId ?? ''),
    enabled: unitId !== null,
  });
}

/** Every staff change can touch the calendar, the requests and the pending counts, so all are read again. */
function useStaffMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    // Not awaited: the refreshed calendar may no longer show the form that asked, and its onSuccess must still run.
    onSettled: () => void queryClient.invalidateQueries({ queryKey: appointmentKeys.staff }),
  });
}

export function useCreateAppointment(unitId: string) {
  const api = useApi();
  return useStaffMutation((body: StaffCreateAppointmentBody) => api.appointments.create(unitId, body));
}

export function useMoveAppointment() {
  const api = useApi();
  return useStaffMutation(({ id, body }: { id: string; body: MoveAppointmentBody }) => api.appointments.move(id, body));
}

export function useStaffCancel() {
  const api = useApi();
  return useStaffMutation(({ id, body }: { id: string; body: StaffCancelAppointmentBody }) =>
    api.appointments.staffCancel(id, body),
  );
}

export function useRecordVisit() {
  const api = useApi();
  return useStaffMutation(({ id, body }: { id: string; body: RecordCompletedVisitBody }) =>
    api.appointments.recordVisit(id, body),
  );
}

export function useDecideRequest() {
  const api = useApi();
  return useStaffMutation(({ id, body }: { id: string; body: DecideRequestBody }) => api.appointments.decide(id, body));
}

/** Whether the unit hides its staff members' names from this citizen and their representatives. */
export function useStaffNames(unitId: string, personId: string) {
  const api = useApi();
  return useQuery({
    queryKey: appointmentKeys.staffNames(unitId, personId),
    queryFn: () => api.appointments.staffNames(unitId, personId),
  });
}

export function useSetStaffNames(unitId: string, personId: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (hidden: boolean) => api.appointments.setStaffNames(unitId, personId, hidden),
    onSuccess: (data) => queryClient.setQueryData(appointmentKeys.staffNames(unitId, personId), data),
  });
}
