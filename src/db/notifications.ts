/** A user's notifications (the daily reminder digests): listing, unread count, marking read. */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { AppError } from '../domain/errors.js';
import type { Queryable } from './client.js';
import { notifications } from './schema.js';

/** A stored digest: its items are the day's reminders (src/domain/reminders.ts `ReminderItem`) as JSON. */
export type NotificationRow = typeof notifications.$inferSelect;

export async function unreadCount(q: Queryable, userId: number): Promise<number> {
  const [row] = await q
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** The user's digests, newest day first. */
export async function listNotifications(
  q: Queryable,
  userId: number,
  limit: number,
): Promise<{ items: NotificationRow[]; unread: number }> {
  const rows = await q
    .select()
    .from(notifications)
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.day), desc(notifications.id))
    .limit(limit);
  return { items: rows, unread: await unreadCount(q, userId) };
}

/** Marks one of the user's own notifications read; someone else's is "not found", never touched. */
export async function markRead(q: Queryable, userId: number, id: number, now = new Date()): Promise<void> {
  const [row] = await q
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  if (!row) throw new AppError('NOT_FOUND', 'Không tìm thấy thông báo.');
  if (row.readAt) return;
  await q.update(notifications).set({ readAt: now }).where(eq(notifications.id, id));
}

export async function markAllRead(q: Queryable, userId: number, now = new Date()): Promise<number> {
  const rows = await q
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
