import { createUserBody, PASSWORD_MIN, type UserOut, updateUserBody } from '@domain/api';
import { ROLE_LABELS, roleFitsUnit } from '@domain/authz';
import { UNIT_KIND_LABELS } from '@domain/units';
import { PasswordInput, Switch, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { ME_KEY } from '../../api/session';
import { errorFor, type FieldErrors, issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../FormModal';
import { type GrantRow, GrantsEditor, newGrantRow } from './GrantsEditor';

/** A role held at a unit of the wrong kind (a commune officer at a province) is refused before sending. */
function grantKindErrors(rows: GrantRow[]): FieldErrors {
  const errors: FieldErrors = {};
  rows.forEach((row, i) => {
    if (row.unit && !roleFitsUnit(row.role, row.unit.kind)) {
      errors[`grants.${i}.role`] =
        `Vai trò «${ROLE_LABELS[row.role]}» không giao được cho đơn vị loại «${UNIT_KIND_LABELS[row.unit.kind]}».`;
    }
  });
  return errors;
}

/** Creates a user (user = null) or edits one: name, e-mail, lock, new password, roles. */
export function UserForm({ user, onClose }: { user: UserOut | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useFormState({
    username: user?.username ?? '',
    fullName: user?.fullName ?? '',
    email: user?.email ?? '',
    password: '',
    locked: user ? !user.active : false,
    grants: user ? user.grants.map((g) => newGrantRow(g.role, g.unit)) : [newGrantRow()],
  });
  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      user ? api.patch<UserOut>(`/api/users/${user.id}`, body) : api.post<UserOut>('/api/users', body),
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: ['users'] });
      queryClient.invalidateQueries({ queryKey: ME_KEY });
      notifySuccess(user ? `Đã lưu tài khoản ${saved.username}.` : `Đã tạo tài khoản ${saved.username}.`);
      onClose();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const v = form.values;
  const submit = () => {
    const grants = v.grants.map((row) => ({ role: row.role, unitId: row.unit?.id }));
    const parsed = user
      ? updateUserBody.safeParse({
          fullName: v.fullName,
          email: v.email,
          active: !v.locked,
          grants,
          ...(v.password ? { password: v.password } : {}),
        })
      : createUserBody.safeParse({
          username: v.username,
          fullName: v.fullName,
          email: v.email,
          password: v.password,
          grants,
        });
    const errors = {
      ...(parsed.success ? {} : issuesToErrors(parsed.error.issues)),
      ...grantKindErrors(v.grants),
    };
    if (!parsed.success || Object.keys(errors).length > 0) return form.setErrors(errors);
    mutation.mutate(parsed.data);
  };

  return (
    <FormModal
      title={user ? `Sửa tài khoản ${user.username}` : 'Thêm người dùng'}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      submitLabel={user ? 'Lưu' : 'Tạo tài khoản'}
    >
      <TextInput
        label="Tên đăng nhập"
        description={
          user
            ? 'Không đổi được tên đăng nhập.'
            : 'Chữ thường không dấu, số, dấu chấm hoặc gạch: ví dụ nguyen.van.a'
        }
        value={v.username}
        disabled={user !== null}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        onChange={(e) => form.set('username', e.currentTarget.value)}
        error={errorFor(form.errors, 'username')}
      />
      <TextInput
        label="Họ và tên"
        value={v.fullName}
        onChange={(e) => form.set('fullName', e.currentTarget.value)}
        error={errorFor(form.errors, 'fullName')}
      />
      <TextInput
        label="Thư điện tử"
        description="Để nhận thư nhắc việc; có thể để trống."
        type="email"
        autoComplete="off"
        value={v.email}
        onChange={(e) => form.set('email', e.currentTarget.value)}
        error={errorFor(form.errors, 'email')}
      />
      <PasswordInput
        label={user ? 'Đặt lại mật khẩu' : 'Mật khẩu'}
        description={
          user
            ? `Để trống nếu không đổi. Mật khẩu mới cần ít nhất ${PASSWORD_MIN} ký tự.`
            : `Ít nhất ${PASSWORD_MIN} ký tự. Hãy báo mật khẩu cho người dùng qua kênh an toàn.`
        }
        autoComplete="new-password"
        value={v.password}
        onChange={(e) => form.set('password', e.currentTarget.value)}
        error={errorFor(form.errors, 'password')}
        visibilityToggleButtonProps={{ 'aria-label': 'Hiện hoặc ẩn ký tự đã gõ' }}
      />
      {user && (
        <Switch
          label="Khóa tài khoản"
          description="Tài khoản bị khóa không đăng nhập được; dữ liệu vẫn được giữ."
          checked={v.locked}
          onChange={(e) => form.set('locked', e.currentTarget.checked)}
          color="red"
        />
      )}
      <GrantsEditor rows={v.grants} onChange={(rows) => form.set('grants', rows)} errors={form.errors} />
    </FormModal>
  );
}
