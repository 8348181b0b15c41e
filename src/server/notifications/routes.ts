/**
 * A user's notifications (the daily reminder digests): list, unread count for the header's bell,
 * mark one or all read. Each user reaches only his own: another user's notification is "not found".
 */
import { listNotifications, markAllRead, markRead, unreadCount } from '../../db/notifications.js';
import { idParam, okResponse } from '../../domain/api.js';
import {
  notificationListQuery,
  notificationListResponse,
  readAllResponse,
  unreadCountResponse,
} from '../../domain/api-notifications.js';
import { requireAuth } from '../auth/plugin.js';
import type { App, AppContext } from '../context.js';
import { ERROR_RESPONSES } from '../errors.js';
import { presentNotification } from './present.js';

const errors = ERROR_RESPONSES;

export function registerNotificationRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Thông báo nhắc việc của tôi (mới nhất trước) và số chưa đọc',
        querystring: notificationListQuery,
        response: { 200: notificationListResponse, ...errors },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      const { items, unread } = await listNotifications(ctx.db, auth.user.id, request.query.limit);
      return { items: items.map(presentNotification), unread };
    },
  );

  app.get(
    '/api/notifications/unread-count',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Số thông báo chưa đọc (chuông trên đầu trang)',
        response: { 200: unreadCountResponse, ...errors },
      },
    },
    async (request) => ({ unread: await unreadCount(ctx.db, requireAuth(request).user.id) }),
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu một thông báo đã đọc',
        params: idParam,
        response: { 200: okResponse, ...errors },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      await markRead(ctx.db, auth.user.id, request.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/notifications/read-all',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Đánh dấu mọi thông báo của tôi đã đọc',
        response: { 200: readAllResponse, ...errors },
      },
    },
    async (request) => {
      const auth = requireAuth(request);
      return { ok: true as const, marked: await markAllRead(ctx.db, auth.user.id) };
    },
  );
}
