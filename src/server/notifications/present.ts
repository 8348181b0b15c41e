/** Notifications as the API gives them: whitelisted through api-notifications.ts `notificationOut`. */
import type { NotificationRow } from '../../db/notifications.js';
import type { NotificationOut, ReminderItemOut } from '../../domain/api-notifications.js';

export function presentNotification(row: NotificationRow): NotificationOut {
  return {
    id: row.id,
    day: row.day,
    kind: row.kind,
    title: row.title,
    items: Array.isArray(row.items) ? (row.items as ReminderItemOut[]) : [],
    readAt: row.readAt?.toISOString() ?? null,
  };
}
