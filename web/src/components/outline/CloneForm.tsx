import type { CloneOutlineBody, OutlineDetail } from '@domain/api-reports';
import { cloneOutlineBody } from '@domain/api-reports';
import { Select, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { cloneOutline, outlineKeys } from '../../api/outlines';
import { useMe } from '../../api/session';
import { issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../FormModal';
import { outlineOwnerUnits } from './owners';

/** "Nhân bản": a copy with a new code and name, owned by one of the units whose outlines the user makes. */
export function CloneForm({ outline, onClose }: { outline: OutlineDetail; onClose: () => void }) {
  const me = useMe().data;
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = outlineOwnerUnits(me?.grants ?? []);
  const { values, set, errors, setErrors } = useFormState({
    code: `${outline.code}-rieng`,
    name: `${outline.name} (bản riêng)`,
    ownerUnitId: units[0]?.value ?? '',
  });
  const clone = useMutation({
    mutationFn: (body: CloneOutlineBody) => cloneOutline(outline.id, body),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: outlineKeys.all });
      notifySuccess(`Đã nhân bản thành "${created.name}". Bạn có thể sửa bản này.`);
      onClose();
      navigate(`/de-cuong/${created.id}`);
    },
    onError: (error) => setErrors(serverFieldErrors(error)),
  });
  const submit = () => {
    const parsed = cloneOutlineBody.safeParse({
      ...values,
      ownerUnitId: Number(values.ownerUnitId) || undefined,
    });
    if (!parsed.success) return setErrors(issuesToErrors(parsed.error.issues));
    clone.mutate(parsed.data);
  };
  return (
    <FormModal
      title="Nhân bản đề cương"
      onClose={onClose}
      onSubmit={submit}
      pending={clone.isPending}
      error={clone.error}
      submitLabel="Nhân bản"
    >
      <TextInput
        label="Tên đề cương mới"
        value={values.name}
        onChange={(e) => set('name', e.currentTarget.value)}
        error={errors.name}
        required
      />
      <TextInput
        label="Mã đề cương mới"
        description="Chữ thường không dấu, số và dấu gạch ngang."
        value={values.code}
        onChange={(e) => set('code', e.currentTarget.value)}
        error={errors.code}
        required
      />
      <Select
        label="Đơn vị sở hữu"
        data={units}
        value={values.ownerUnitId || null}
        onChange={(v) => set('ownerUnitId', v ?? '')}
        error={errors.ownerUnitId}
        allowDeselect={false}
      />
    </FormModal>
  );
}
