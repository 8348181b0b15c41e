import type { UnitDetail } from '@domain/api';
import { Button, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DocumentPreview } from './DocumentPreview';
import { IdentityForm } from './IdentityForm';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {value}
      </Text>
    </div>
  );
}

export function IdentitySection({ unit }: { unit: UnitDetail }) {
  const [editing, setEditing] = useState(false);
  const id = unit.identity;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="identity-heading">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz={18} id="identity-heading">
          Thông tin in trên văn bản
        </Title>
        {unit.canManage && (
          <Button size="xs" variant="light" onClick={() => setEditing(true)}>
            Sửa thông tin văn bản
          </Button>
        )}
      </Group>
      <Card withBorder padding="sm" bg="white" mb="md">
        <DocumentPreview
          parentHeader={id.parentHeader}
          issuerHeader={id.issuerHeader}
          placeName={id.placeName}
          symbol={id.symbol}
        />
      </Card>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Field label="Dòng cơ quan chủ quản" value={id.parentHeader ?? '(không có)'} />
        <Field label="Tên cơ quan ban hành" value={id.issuerHeader} />
        <Field label="Địa danh" value={id.placeName} />
        <Field label="Chữ viết tắt tên cơ quan" value={id.symbol} />
        <Field label="Đơn vị lưu" value={id.archiveCode} />
      </SimpleGrid>
      {editing && <IdentityForm unit={unit} onClose={() => setEditing(false)} />}
    </Card>
  );
}
