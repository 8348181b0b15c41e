import { identityFields, type UnitDetail } from '@domain/api';
import { Paper, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { errorFor, issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../FormModal';
import { DocumentPreview } from './DocumentPreview';

interface Props {
  unit: UnitDetail;
  onClose: () => void;
}

export function IdentityForm({ unit, onClose }: Props) {
  const queryClient = useQueryClient();
  const form = useFormState({
    parentHeader: unit.identity.parentHeader ?? '',
    issuerHeader: unit.identity.issuerHeader,
    placeName: unit.identity.placeName,
    symbol: unit.identity.symbol,
    archiveCode: unit.identity.archiveCode,
  });
  const mutation = useMutation({
    mutationFn: (body: unknown) => api.patch<UnitDetail>(`/api/units/${unit.id}`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(['unit', unit.id], detail);
      notifySuccess('Đã lưu thông tin văn bản của đơn vị.');
      onClose();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const submit = () => {
    const v = form.values;
    const parsed = identityFields.safeParse({ ...v, parentHeader: v.parentHeader.trim() || null });
    if (!parsed.success) return form.setErrors(issuesToErrors(parsed.error.issues));
    mutation.mutate(parsed.data);
  };
  const v = form.values;
  const input = (key: keyof typeof v) => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: errorFor(form.errors, key),
  });

  return (
    <FormModal
      title="Sửa thông tin văn bản"
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
    >
      <Paper withBorder p="sm" bg="white">
        <DocumentPreview
          parentHeader={v.parentHeader.trim() || null}
          issuerHeader={v.issuerHeader}
          placeName={v.placeName.trim()}
          symbol={v.symbol.trim()}
        />
      </Paper>
      <TextInput
        label="Dòng cơ quan chủ quản"
        description="In phía trên tên cơ quan, chữ đứng, ví dụ: UBND TỈNH HÀ TĨNH. Để trống nếu không có."
        {...input('parentHeader')}
      />
      <Textarea
        label="Tên cơ quan ban hành"
        description="In đậm; mỗi dòng in thành một dòng, ví dụ: ỦY BAN NHÂN DÂN / XÃ THẠCH HÀ."
        autosize
        minRows={2}
        {...input('issuerHeader')}
      />
      <TextInput
        label="Địa danh"
        description="Dòng ngày tháng: «Thạch Hà, ngày … tháng … năm …»."
        {...input('placeName')}
      />
      <TextInput
        label="Chữ viết tắt tên cơ quan"
        description="Trong số, ký hiệu văn bản, ví dụ: UBND trong 297/BC-UBND."
        {...input('symbol')}
      />
      <TextInput label='Đơn vị lưu (dòng "Lưu: VT, …")' description="Ví dụ: VP." {...input('archiveCode')} />
    </FormModal>
  );
}
