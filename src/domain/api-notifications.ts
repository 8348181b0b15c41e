/**
 * The HTTP API of notifications (the daily reminder digests) and the unread count of the header's
 * bell: one zod schema per boundary, used by src/server/notifications and the web app.
 */
import { z } from 'zod';

export const reminderItemOut = z.object({
  roundId: z.number(),
  reportId: z.number().nullable(),
  unitId: z.number(),
  text: z.string(),
  href: z.string(),
  daysLeft: z.number(),
});
export type ReminderItemOut = z.infer<typeof reminderItemOut>;

export const notificationOut = z.object({
  id: z.number(),
  /** The day of the digest (Vietnam's calendar). */
  day: z.string(),
  kind: z.string(),
  title: z.string(),
  items: z.array(reminderItemOut),
  readAt: z.string().nullable(),
});
export type NotificationOut = z.infer<typeof notificationOut>;

export const notificationListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const notificationListResponse = z.object({
  items: z.array(notificationOut),
  unread: z.number(),
});
export type NotificationListResponse = z.infer<typeof notificationListResponse>;

export const unreadCountResponse = z.object({ unread: z.number() });
export type UnreadCountResponse = z.infer<typeof unreadCountResponse>;

export const readAllResponse = z.object({ ok: z.literal(true), marked: z.number() });
