import { type AccountOut, updateAccountBody } from '@domain/api';
import { Button, Group, Skeleton, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect } from 'react';
import { api } from '../../api/client';
import { errorFor, issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';
import { ErrorAlert } from '../ErrorAlert';

const ACCOUNT_KEY = ['account'] as const;

/** The signed-in user's e-mail address for reminders; an empty field stops the e-mails. */
export function EmailForm() {
  const queryClient = useQueryClient();
  const account = useQuery({
    queryKey: ACCOUNT_KEY,
    queryFn: ({ signal }) => api.get<AccountOut>('/api/account', signal),
  });
  const form = useFormState({ email: '' });
  const { setValues } = form;
  const loaded = account.data?.email;
  useEffect(() => {
    if (loaded !== undefined) setValues({ email: loaded ?? '' });
  }, [loaded, setValues]);
  const mutation = useMutation({
    mutationFn: (body: { email: string | null }) => api.patch<AccountOut>('/api/account', body),
    onSuccess: (saved) => {
      queryClient.setQueryData(ACCOUNT_KEY, saved);
      form.setErrors({});
      notifySuccess(
        saved.email ? `Đã lưu. Thư nhắc việc sẽ gửi tới ${saved.email}.` : 'Đã xóa địa chỉ thư điện tử.',
      );
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  if (account.isPending) return <Skeleton height={60} />;
  if (account.isError) return <ErrorAlert error={account.error} onRetry={() => account.refetch()} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = updateAccountBody.safeParse({ email: form.values.email });
    if (!parsed.success) return form.setErrors(issuesToErrors(parsed.error.issues));
    mutation.mutate({ email: parsed.data.email });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Thư điện tử"
          description="Để trống nếu không muốn nhận thư nhắc việc."
          type="email"
          name="email"
          autoComplete="email"
          placeholder="ten@xa.hatinh.gov.vn"
          value={form.values.email}
          onChange={(e) => form.set('email', e.currentTarget.value)}
          error={errorFor(form.errors, 'email')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            Lưu địa chỉ
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
