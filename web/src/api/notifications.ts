/** The signed-in user's reminder digests and the unread count of the header's bell. */
import type { NotificationListResponse, UnreadCountResponse } from '@domain/api-notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { notifyError } from '../lib/notify';
import { api } from './client';

export const NOTIFICATIONS_KEY = ['notifications'] as const;
const UNREAD_KEY = ['notifications', 'unread'] as const;

export function useNotifications() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_KEY, 'list'],
    queryFn: ({ signal }) => api.get<NotificationListResponse>('/api/notifications', signal),
  });
}

/** A tiny request every few minutes: the digests are made by the server's jobs, not by the user. */
export function useUnreadCount(enabled: boolean) {
  return useQuery({
    queryKey: UNREAD_KEY,
    queryFn: ({ signal }) => api.get<UnreadCountResponse>('/api/notifications/unread-count', signal),
    enabled,
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
    refetchIntervalInBackground: false,
  });
}

/** Marks one digest read (id) or all of them (null); the list and the bell follow. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number | null) =>
      id === null ? api.post('/api/notifications/read-all') : api.post(`/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_KEY }),
    onError: notifyError,
  });
}
