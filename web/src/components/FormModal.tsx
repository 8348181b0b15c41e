import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { FormEvent, ReactNode } from 'react';
import { errorText } from '../lib/notify';

interface Props {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  /** The last server error: its message shows above the buttons, the typed values stay. */
  error: unknown;
  submitLabel?: string;
  submitColor?: string;
  size?: string;
  children: ReactNode;
}

/** A modal holding one form; shown full screen on a phone, where a floating dialog has no room. */
export function FormModal(props: Props) {
  const {
    title,
    onClose,
    onSubmit,
    pending,
    error,
    submitLabel = 'Lưu',
    submitColor,
    size = 'lg',
    children,
  } = props;
  const phone = useMediaQuery('(max-width: 36em)');
  const failure = error ? errorText(error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size={size}
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': 'Đóng' }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {children}
          {failure && (
            <Alert color="red" role="alert">
              {failure.message}
              {failure.requestId && ` Mã yêu cầu: ${failure.requestId}`}
            </Alert>
          )}
          <Group justify="flex-end" mt="xs">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Hủy
            </Button>
            <Button type="submit" loading={pending} color={submitColor}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
