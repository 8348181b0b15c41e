import { createBodyUnit, type UnitDetail } from '@domain/api';
import { upperVi } from '@domain/text';
import { defaultPlaceName, provinceCommitteeLine } from '@domain/units';
import { Paper, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import { errorFor, issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../FormModal';
import { DocumentPreview } from './DocumentPreview';

/** Adds a province-level body (Sở Ngoại vụ, Văn phòng UBND tỉnh) under a province. */
export function CreateBodyForm({ province, onClose }: { province: UnitDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  // The issuer line follows the name until the user writes it by hand.
  const [issuerEdited, setIssuerEdited] = useState(false);
  const form = useFormState({
    name: '',
    symbol: '',
    parentHeader: provinceCommitteeLine(province.name),
    issuerHeader: '',
    placeName: defaultPlaceName(province.name),
    archiveCode: 'VP',
  });
  const mutation = useMutation({
    mutationFn: (body: unknown) => api.post<UnitDetail>('/api/units', body),
    onSuccess: (created) => {
      queryClient.invalidateQueries({ queryKey: ['unit', province.id] });
      queryClient.invalidateQueries({ queryKey: ['units', 'list'] });
      notifySuccess(`Đã thêm ${created.name}.`);
      onClose();
      navigate(`/don-vi/${created.id}`);
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });

  const v = form.values;
  const issuerHeader = issuerEdited ? v.issuerHeader : upperVi(v.name.trim());
  const submit = () => {
    const parsed = createBodyUnit.safeParse({
      ...v,
      issuerHeader,
      parentHeader: v.parentHeader.trim() || null,
      provinceId: province.id,
    });
    if (!parsed.success) return form.setErrors(issuesToErrors(parsed.error.issues));
    mutation.mutate(parsed.data);
  };
  const input = (key: Exclude<keyof typeof v, 'issuerHeader'>) => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: errorFor(form.errors, key),
  });

  return (
    <FormModal
      title={`Thêm cơ quan cấp tỉnh – ${province.name}`}
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
      submitLabel="Thêm cơ quan"
    >
      <TextInput label="Tên cơ quan" placeholder="Ví dụ: Sở Ngoại vụ" {...input('name')} />
      <TextInput
        label="Chữ viết tắt tên cơ quan"
        description="Dùng trong số, ký hiệu văn bản và mã đơn vị, ví dụ: SNgV."
        {...input('symbol')}
      />
      <TextInput label="Dòng cơ quan chủ quản" {...input('parentHeader')} />
      <Textarea
        label="Tên cơ quan ban hành"
        description="In đậm; mỗi dòng in thành một dòng."
        autosize
        minRows={2}
        value={issuerHeader}
        onChange={(e) => {
          setIssuerEdited(true);
          form.set('issuerHeader', e.currentTarget.value);
        }}
        error={errorFor(form.errors, 'issuerHeader')}
      />
      <TextInput label="Địa danh" {...input('placeName')} />
      <TextInput label='Đơn vị lưu (dòng "Lưu: VT, …")' {...input('archiveCode')} />
      <Paper withBorder p="sm" bg="white">
        <DocumentPreview
          parentHeader={v.parentHeader.trim() || null}
          issuerHeader={issuerHeader}
          placeName={v.placeName.trim()}
          symbol={v.symbol.trim()}
        />
      </Paper>
    </FormModal>
  );
}
