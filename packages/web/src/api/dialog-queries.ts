import type { ConversationResponse, NotificationPreferences } from '@helsebro/contracts';
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { onRepresentationError } from './citizen-queries.ts';
import { useApi } from './ApiProvider.tsx';

/**
 * Query keys of the dialog. The citizen's sit under `acting` (see queries.ts), so switching whom the user acts for
 * drops every conversation read for the previous person.
 */
export const dialogKeys = {
  units: ['acting', 'dialog', 'units'] as const,
  conversations: ['acting', 'dialog', 'conversations'] as const,
  conversation: (id: string) => ['acting', 'dialog', 'conversation', id] as const,
  preferences: ['notification-preferences'] as const,
  contactDetails: ['contact-details'] as const,
  staffUnits: ['staff', 'dialog', 'units'] as const,
  staffInbox: (unitId: string) => ['staff', 'dialog', 'inbox', unitId] as const,
  unitStaff: (unitId: string) => ['staff', 'dialog', 'unit-staff', unitId] as const,
  staffConversation: (id: string) => ['staff', 'dialog', 'conversation', id] as const,
};

/** The principal's conversations; also the source of the unread count in the citizen menu. */
export function useConversations(enabled: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: dialogKeys.conversations,
    queryFn: async () => {
      try {
        return await api.getConversations();
      } catch (err) {
        onRepresentationError(queryClient, err);
        throw err;
      }
    },
    enabled,
    staleTime: 15_000,
  });
}

/** The units the principal receives services from, whether each takes messages, its response time and auto reply. */
export function useDialogUnits(enabled: boolean) {
  const api = useApi();
  return useQuery({ queryKey: dialogKeys.units, queryFn: () => api.getDialogUnits(), enabled, staleTime: 60_000 });
}

/**
 * One conversation. Reading it marks the unit's messages read on the server, so the list's unread counts are
 * read again afterwards.
 */
export function useConversation(id: string, enabled: boolean) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: dialogKeys.conversation(id),
    queryFn: async () => {
      try {
        const data = await api.getConversation(id);
        void queryClient.invalidateQueries({ queryKey: dialogKeys.conversations });
        return data;
      } catch (err) {
        onRepresentationError(queryClient, err);
        throw err;
      }
    },
    enabled,
    refetchOnWindowFocus: false,
  });
}

function keepConversation(queryClient: QueryClient, data: ConversationResponse, key: readonly unknown[]) {
  queryClient.setQueryData(key, data);
}

export function useStartConversation() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => api.startConversation(form),
    onSuccess: async (data) => {
      keepConversation(queryClient, data, dialogKeys.conversation(data.conversation.id));
      await queryClient.invalidateQueries({ queryKey: dialogKeys.conversations });
    },
    onError: (err) => onRepresentationError(queryClient, err),
  });
}

export function useReply(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (form: FormData) => api.replyToConversation(id, form),
    onSuccess: async (data) => {
      keepConversation(queryClient, data, dialogKeys.conversation(id));
      await queryClient.invalidateQueries({ queryKey: dialogKeys.conversations });
    },
    onError: (err) => onRepresentationError(queryClient, err),
  });
}

/** The user's own notification preferences (never a principal's: each person chooses their own). */
export function useNotificationPreferences(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: dialogKeys.preferences,
    queryFn: () => api.getNotificationPreferences(),
    enabled,
  });
}

/** The user's own contact details from KRR (read-only; KRR is asked each time, nothing is kept). */
export function useContactDetails(enabled: boolean) {
  const api = useApi();
  return useQuery({
    queryKey: dialogKeys.contactDetails,
    queryFn: () => api.getContactDetails(),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export function useSaveNotificationPreferences() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferences) => api.setNotificationPreferences(body),
    onSuccess: (data) => queryClient.setQueryData(dialogKeys.preferences, data),
  });
}

/** The staff member's units with unread counts, refreshed every 30 s while the workspace is open. */
export function useStaffDialogUnits() {
  const api = useApi();
  return useQuery({
    queryKey: dialogKeys.staffUnits,
    queryFn: () => api.getStaffDialogUnits(),
    refetchInterval: 30_000,
  });
}

export function useStaffInbox(unitId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: dialogKeys.staffInbox(unitId ?? ''),
    queryFn: () => api.getStaffInbox(unitId ?? ''),
    enabled: unitId !== null,
    refetchInterval: 30_000,
  });
}

export function useUnitStaff(unitId: string | null) {
  const api = useApi();
  return useQuery({
    queryKey: dialogKeys.unitStaff(unitId ?? ''),
    queryFn: () => api.getUnitStaff(unitId ?? ''),
    enabled: unitId !== null,
    staleTime: 5 * 60_000,
  });
}

/** One conversation for staff; opening it marks the citizen's messages read, so the counts are read again. */
export function useStaffConversation(id: string) {
  const api = useApi();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: dialogKeys.staffConversation(id),
    queryFn: async () => {
      const data = await api.getStaffConversation(id);
      void queryClient.invalidateQueries({ queryKey: ['staff', 'dialog', 'units'] });
      void queryClient.invalidateQueries({ queryKey: ['staff', 'dialog', 'inbox'] });
      return data;
    },
    refetchOnWindowFocus: false,
  });
}

/** Reply, close and assign: each answers with the conversation, which replaces the one shown. */
function useStaffConversationMutation<T>(id: string, mutationFn: (input: T) => Promise<ConversationResponse>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async (data) => {
      keepConversation(queryClient, data, dialogKeys.staffConversation(id));
      await queryClient.invalidateQueries({ queryKey: ['staff', 'dialog', 'inbox'] });
    },
  });
}

export function useStaffReply(id: string) {
  const api = useApi();
  return useStaffConversationMutation(id, (form: FormData) => api.staffReply(id, form));
}

/** The unit starts a conversation with a citizen; the new conversation is kept for the page it opens. */
export function useStaffStartConversation() {
  const api = useApi();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ unitId, form }: { unitId: string; form: FormData }) => api.staffStartConversation(unitId, form),
    onSuccess: async (data) => {
      keepConversation(queryClient, data, dialogKeys.staffConversation(data.conversation.id));
      await queryClient.invalidateQueries({ queryKey: ['staff', 'dialog', 'inbox'] });
    },
  });
}

export function useCloseConversation(id: string) {
  const api = useApi();
  return useStaffConversationMutation(id, () => api.closeConversation(id));
}

export function useAssignConversation(id: string) {
  const api = useApi();
  return useStaffConversationMutation(id, (personnelId: string | null) => api.assignConversation(id, personnelId));
}
