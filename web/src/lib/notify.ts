import { notifications } from '@mantine/notifications';
import { ApiError } from '../api/client';

/** The Vietnamese message of any error, with the request id when the server failed unexpectedly. */
export function errorText(error: unknown): { message: string; requestId: string | null } {
  if (error instanceof ApiError) {
    return { message: error.message, requestId: error.code === 'INTERNAL' ? error.requestId : null };
  }
  return { message: 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.', requestId: null };
}

export function notifyError(error: unknown): void {
  const { message, requestId } = errorText(error);
  notifications.show({
    color: 'red',
    title: 'Không thực hiện được',
    message: requestId ? `${message} Mã yêu cầu: ${requestId}` : message,
    autoClose: 8000,
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}
