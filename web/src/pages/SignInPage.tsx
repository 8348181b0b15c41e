import { signInBody } from '@domain/api';
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ME_KEY, signIn, useMe } from '../api/session';
import { errorFor, issuesToErrors, serverFieldErrors, useFormState } from '../lib/forms';
import { errorText } from '../lib/notify';

/** Only our own pages are a place to return to: "/don-vi?q=x" yes, "//evil.example" no. */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/dang-nhap')) return '/';
  return next;
}

export default function SignInPage() {
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const form = useFormState({ username: '', password: '' });
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (data) => {
      queryClient.setQueryData(ME_KEY, data);
      navigate(next, { replace: true });
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  if (me.data) return <Navigate to={next} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const parsed = signInBody.safeParse(form.values);
    if (!parsed.success) {
      form.setErrors(issuesToErrors(parsed.error.issues));
      return;
    }
    mutation.mutate(parsed.data);
  };
  const failure = mutation.isError ? errorText(mutation.error) : null;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={400}>
        <Stack gap={4} mb="lg" align="center">
          <Title order={1} c="blue.8" fz={32}>
            doingoai
          </Title>
          <Text c="dimmed" ta="center">
            Hệ thống báo cáo công tác đối ngoại
          </Text>
        </Stack>
        <form onSubmit={submit} noValidate>
          <Stack>
            {failure && (
              <Alert color="red" role="alert">
                {failure.message}
                {failure.requestId && ` Mã yêu cầu: ${failure.requestId}`}
              </Alert>
            )}
            <TextInput
              label="Tên đăng nhập"
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={form.values.username}
              onChange={(e) => form.set('username', e.currentTarget.value)}
              error={errorFor(form.errors, 'username')}
            />
            <PasswordInput
              label="Mật khẩu"
              name="password"
              autoComplete="current-password"
              value={form.values.password}
              onChange={(e) => form.set('password', e.currentTarget.value)}
              error={errorFor(form.errors, 'password')}
              visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn ký tự đã gõ' }}
            />
            <Button type="submit" loading={mutation.isPending} fullWidth mt="xs">
              Đăng nhập
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
