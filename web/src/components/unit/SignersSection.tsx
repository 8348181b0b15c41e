import type { SignerOut, UnitDetail } from '@domain/api';
import { Badge, Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { notifySuccess } from '../../lib/notify';
import { FormModal } from '../FormModal';
import { SignatureBlock, SignerForm } from './SignerForm';

export function SignersSection({ unit }: { unit: UnitDetail }) {
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<SignerOut | 'new' | null>(null);
  const [deleting, setDeleting] = useState<SignerOut | null>(null);
  const remove = useMutation({
    mutationFn: (signer: SignerOut) => api.delete(`/api/units/${unit.id}/signers/${signer.id}`),
    onSuccess: (_, signer) => {
      queryClient.invalidateQueries({ queryKey: ['unit', unit.id] });
      notifySuccess(`Đã xóa người ký ${signer.fullName}.`);
      setDeleting(null);
    },
  });

  return (
    <Card withBorder padding="md" component="section" aria-labelledby="signers-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz={18} id="signers-heading">
          Người ký
        </Title>
        {unit.canManage && (
          <Button size="xs" variant="light" onClick={() => setEditing('new')}>
            Thêm người ký
          </Button>
        )}
      </Group>
      {unit.signers.length === 0 && (
        <Text size="sm" c="dimmed">
          Chưa có người ký. Báo cáo chỉ ban hành được khi đơn vị có ít nhất một người ký.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {unit.signers.map((signer) => (
          <Card key={signer.id} withBorder padding="sm">
            <Group justify="space-between" mb="xs" gap="xs">
              <Text size="sm" fw={600}>
                {signer.fullName}
              </Text>
              {signer.isDefault && (
                <Badge size="sm" variant="light" tt="none">
                  Mặc định
                </Badge>
              )}
            </Group>
            <SignatureBlock lines={signer.lines} fullName={signer.fullName} />
            {unit.canManage && (
              <Group gap="xs" mt="sm" justify="flex-end">
                <Button size="compact-sm" variant="subtle" onClick={() => setEditing(signer)}>
                  Sửa
                </Button>
                <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(signer)}>
                  Xóa
                </Button>
              </Group>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {editing && (
        <SignerForm
          unitId={unit.id}
          signer={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {deleting && (
        <FormModal
          title="Xóa người ký"
          onClose={() => {
            remove.reset();
            setDeleting(null);
          }}
          onSubmit={() => remove.mutate(deleting)}
          pending={remove.isPending}
          error={remove.error}
          submitLabel="Xóa"
          submitColor="red"
          size="sm"
        >
          <Text size="sm">
            Xóa <b>{deleting.fullName}</b> ({deleting.title}) khỏi danh sách người ký của {unit.name}?
          </Text>
        </FormModal>
      )}
    </Card>
  );
}
