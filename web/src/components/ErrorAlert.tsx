import { Alert, Button, Text } from '@mantine/core';
import { ApiError } from '../api/client';
import { errorText } from '../lib/notify';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed load, in Vietnamese, with the request id for the administrator when the server failed. */
export function ErrorAlert({ error, title = 'Không tải được dữ liệu', onRetry }: Props) {
  const { message, requestId } = errorText(error);
  // Asking again helps after a dropped line or a server hiccup, not after "not found" or "forbidden".
  const retriable = !(error instanceof ApiError && error.status >= 400 && error.status < 500);
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="sm" mt={4}>
          Mã yêu cầu: <code>{requestId}</code>
        </Text>
      )}
      {onRetry && retriable && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={onRetry}>
          Thử lại
        </Button>
      )}
    </Alert>
  );
}
