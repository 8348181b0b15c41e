import { recipientsBody, type UnitDetail } from '@domain/api';
import { Button, Card, Group, List, SimpleGrid, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { errorFor, issuesToErrors, serverFieldErrors, useFormState } from '../../lib/forms';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../FormModal';

const toLines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function RecipientsForm({ unit, onClose }: { unit: UnitDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useFormState({
    kinhGui: unit.recipients.kinhGui.join('\n'),
    noiNhan: unit.recipients.noiNhan.join('\n'),
  });
  const mutation = useMutation({
    mutationFn: (body: unknown) => api.put<UnitDetail>(`/api/units/${unit.id}/recipients`, body),
    onSuccess: (detail) => {
      queryClient.setQueryData(['unit', unit.id], detail);
      notifySuccess('Đã lưu nơi gửi và nơi nhận.');
      onClose();
    },
    onError: (error) => form.setErrors(serverFieldErrors(error)),
  });
  const submit = () => {
    const parsed = recipientsBody.safeParse({
      kinhGui: toLines(form.values.kinhGui),
      noiNhan: toLines(form.values.noiNhan),
    });
    if (!parsed.success) return form.setErrors(issuesToErrors(parsed.error.issues));
    mutation.mutate(parsed.data);
  };
  return (
    <FormModal
      title="Sửa nơi gửi, nơi nhận"
      onClose={onClose}
      onSubmit={submit}
      pending={mutation.isPending}
      error={mutation.error}
    >
      <Textarea
        label="Kính gửi"
        description="Mỗi dòng một cơ quan, ví dụ: Sở Ngoại vụ tỉnh Hà Tĩnh."
        autosize
        minRows={3}
        value={form.values.kinhGui}
        onChange={(e) => form.set('kinhGui', e.currentTarget.value)}
        error={errorFor(form.errors, 'kinhGui')}
      />
      <Textarea
        label="Nơi nhận"
        description="Mỗi dòng một nơi nhận, ví dụ: Thường trực Đảng ủy xã. Dòng «Lưu: VT, …» được thêm tự động."
        autosize
        minRows={4}
        value={form.values.noiNhan}
        onChange={(e) => form.set('noiNhan', e.currentTarget.value)}
        error={errorFor(form.errors, 'noiNhan')}
      />
    </FormModal>
  );
}

function Lines({ title, items }: { title: string; items: string[] }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          (chưa có)
        </Text>
      ) : (
        <List size="sm" spacing={2}>
          {items.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
      )}
    </div>
  );
}

export function RecipientsSection({ unit }: { unit: UnitDetail }) {
  const [editing, setEditing] = useState(false);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="recipients-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz={18} id="recipients-heading">
          Nơi gửi, nơi nhận
        </Title>
        {unit.canManage && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            Sửa nơi gửi, nơi nhận
          </Button>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Lines title="Kính gửi" items={unit.recipients.kinhGui} />
        <Lines title="Nơi nhận" items={unit.recipients.noiNhan} />
      </SimpleGrid>
      {editing && <RecipientsForm unit={unit} onClose={() => setEditing(false)} />}
    </Card>
  );
}
