import { Alert, Button, Text } from '@mantine/core';
import { errorText } from '../lib/notify';

interface Props {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}

/** A failed load, in Vietnamese, with the request id for the administrator when the server failed. */
export function ErrorAlert({ error, title = 'Không tải được dữ liệu', onRetry }: Props) {
  const { message, requestId } = errorText(error);
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {requestId && (
        <Text size="sm" mt={4}>
          Mã yêu cầu: <code>{requestId}</code>
        </Text>
      )}
      {onRetry && (
        <Button size="xs" variant="light" color="red" mt="sm" onClick={onRetry}>
          Thử lại
        </Button>
      )}
    </Alert>
  );
}
