import { changePasswordBody, PASSWORD_MIN } from '@domain/api';
import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import { errorFor, type FieldErrors, issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { errorText, notifySuccess } from '../../lib/notify';

const EMPTY = { currentPassword: '', newPassword: '', repeat: '' };
const toggle = { 'aria-label': 'Hiện hoặc ẩn ký tự đã gõ' };

/** Changes the signed-in user's own password; his other sessions end, this one goes on. */
export function PasswordForm() {
  const form = useFormState(EMPTY);
  const mutation = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) =>
      api.post<{ ok: true }>('/api/auth/password', body),
    onSuccess: () => {
      form.setValues(EMPTY);
      form.setErrors({});
      notifySuccess('Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.');
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const v = form.values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = changePasswordBody.safeParse({
      currentPassword: v.currentPassword,
      newPassword: v.newPassword,
    });
    const errors: FieldErrors = parsed.success ? {} : issuesToErrors(parsed.error.issues);
    if (v.repeat !== v.newPassword) errors.repeat = 'Mật khẩu nhập lại không khớp.';
    if (!parsed.success || Object.keys(errors).length > 0) return form.setErrors(errors);
    mutation.reset();
    mutation.mutate(parsed.data);
  };
  // A wrong current password shows at its field; only other failures (too many tries, no
  // connection) need a message of their own.
  const failure =
    mutation.isError && !(mutation.error instanceof ApiError && mutation.error.fields.length > 0)
      ? errorText(mutation.error)
      : null;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordInput
          label="Mật khẩu hiện tại"
          name="current-password"
          autoComplete="current-password"
          value={v.currentPassword}
          onChange={(e) => form.set('currentPassword', e.currentTarget.value)}
          error={errorFor(form.errors, 'currentPassword')}
          visibilityToggleButtonProps={toggle}
        />
        <PasswordInput
          label="Mật khẩu mới"
          description={`Ít nhất ${PASSWORD_MIN} ký tự, khác mật khẩu hiện tại.`}
          name="new-password"
          autoComplete="new-password"
          value={v.newPassword}
          onChange={(e) => form.set('newPassword', e.currentTarget.value)}
          error={errorFor(form.errors, 'newPassword')}
          visibilityToggleButtonProps={toggle}
        />
        <PasswordInput
          label="Nhập lại mật khẩu mới"
          name="repeat-password"
          autoComplete="new-password"
          value={v.repeat}
          onChange={(e) => form.set('repeat', e.currentTarget.value)}
          error={errorFor(form.errors, 'repeat')}
          visibilityToggleButtonProps={toggle}
        />
        {failure && (
          <Alert color="red" role="alert">
            {failure.message}
            {failure.requestId && ` Mã yêu cầu: ${failure.requestId}`}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Đổi mật khẩu
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
