import { type SignerOut, signerFields } from '@domain/api';
import { AUTHORITIES, AUTHORITY_LABELS, type Authority, signatureLines } from '@domain/units';
import { Checkbox, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorFor, issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../FormModal';

const AUTHORITY_OPTIONS = AUTHORITIES.map((a) => ({ value: a, label: AUTHORITY_LABELS[a] }));

function isAuthority(value: string | null): value is Authority {
  return AUTHORITIES.some((a) => a === value);
}

interface Props {
  unitId: number;
  /** The signer to edit, or null to add one. */
  signer: SignerOut | null;
  onClose: () => void;
}

export function SignerForm({ unitId, signer, onClose }: Props) {
  const queryClient = useQueryClient();
  const form = useFormState({
    fullName: signer?.fullName ?? '',
    title: signer?.title ?? '',
    authority: signer?.authority ?? ('NONE' as Authority),
    authorityOf: signer?.authorityOf ?? '',
    collective: signer?.collective ?? '',
    isDefault: signer?.isDefault ?? false,
  });
  const mutation = useMutation({
    mutationFn: (body: unknown) =>
      signer
        ? api.patch<SignerOut>(`/api/units/${unitId}/signers/${signer.id}`, body)
        : api.post<SignerOut>(`/api/units/${unitId}/signers`, body),
    onSuccess: (saved) => {
      queryClient.invalidateQueries({ queryKey: ['unit', unitId] });
      notifySuccess(signer ? `Đã lưu người ký ${saved.fullName}.` : `Đã thêm người ký ${saved.fullName}.`);
      onClose();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const v = form.values;
  const body = {
    ...v,
    authorityOf: v.authority === 'NONE' ? null : v.authorityOf.trim() || null,
    collective: v.authority === 'NONE' || v.authority === 'TM' ? null : v.collective.trim() || null,
  };
  const submit = () => {
    const parsed = signerFields.safeParse(body);
    if (!parsed.success) return form.setErrors(issuesToErrors(parsed.error.issues));
    mutation.mutate(parsed.data);
  };
  const text = (key: 'fullName' | 'title' | 'authorityOf' | 'collective') => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: errorFor(form.errors, key),
  });
  const lines = signatureLines({ ...body, fullName: v.fullName, title: v.title || '…' });

  return (
    <FormModal
      title={signer ? 'Sửa người ký' : 'Thêm người ký'}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      size="md"
    >
      <TextInput label="Họ và tên người ký" {...text('fullName')} />
      <TextInput
        label="Chức vụ"
        description="Chức vụ của chính người ký, ví dụ: Phó Chủ tịch."
        {...text('title')}
      />
      <Select
        label="Thẩm quyền ký"
        data={AUTHORITY_OPTIONS}
        value={v.authority}
        onChange={(value) => isAuthority(value) && form.set('authority', value)}
        allowDeselect={false}
        error={errorFor(form.errors, 'authority')}
      />
      {v.authority === 'TM' && (
        <TextInput label="Tập thể" description="Ví dụ: Ủy ban nhân dân." {...text('authorityOf')} />
      )}
      {v.authority !== 'NONE' && v.authority !== 'TM' && (
        <>
          <TextInput
            label="Chức vụ người đứng đầu"
            description="Ví dụ: Chủ tịch, Giám đốc."
            {...text('authorityOf')}
          />
          <TextInput
            label='Tập thể (dòng "TM.", nếu có)'
            description="Cấp phó ký thay theo chế độ tập thể, ví dụ: Ủy ban nhân dân."
            {...text('collective')}
          />
        </>
      )}
      <Checkbox
        label="Người ký mặc định của đơn vị"
        checked={v.isDefault}
        onChange={(e) => form.set('isDefault', e.currentTarget.checked)}
      />
      <Paper withBorder p="sm" bg="gray.0">
        <Text size="xs" c="dimmed" mb={4}>
          Khối chữ ký sẽ in:
        </Text>
        <SignatureBlock lines={lines} fullName={v.fullName} />
      </Paper>
    </FormModal>
  );
}

export function SignatureBlock({ lines, fullName }: { lines: string[]; fullName: string }) {
  return (
    <Stack gap={0} align="center" className="doc-preview" style={{ background: 'transparent' }}>
      {lines.map((line) => (
        <div key={line} style={{ fontWeight: 700 }}>
          {line}
        </div>
      ))}
      <div style={{ height: 28 }} />
      <div style={{ fontWeight: 700 }}>{fullName || '…'}</div>
    </Stack>
  );
}
