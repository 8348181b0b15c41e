import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useOutlines } from '../api/outlines';
import { useMe } from '../api/session';
import { ErrorAlert } from '../components/ErrorAlert';
import { formatDate } from '../lib/format';

/** /de-cuong — the outline catalogue: built-in outlines and the province's own clones. */
export default function OutlinesPage() {
  const me = useMe().data;
  const [all, setAll] = useState(false);
  const outlines = useOutlines({ all });
  if (me && !me.abilities.manageOutlines) {
    return (
      <Alert color="yellow" title="Không có quyền" maw={640}>
        Chỉ quản trị hệ thống và cán bộ, lãnh đạo cấp tỉnh (đơn vị nhận báo cáo) mới quản lý đề cương báo cáo.
      </Alert>
    );
  }
  return (
    <Stack gap="md" maw={1100}>
      <Group justify="space-between" align="flex-start">
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          Đề cương báo cáo
        </Title>
        <Button component={Link} to="/de-cuong/moi">
          Tạo từ văn bản đề cương
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        Đề cương có sẵn không sửa trực tiếp được: hãy nhân bản rồi sửa bản của đơn vị, hoặc tạo đề cương từ
        văn bản đề cương của tỉnh (dán hoặc tải tệp DOCX, PDF). Mỗi lần lưu tạo một phiên bản mới; các báo cáo
        đã lập giữ nguyên phiên bản của mình.
      </Text>
      <Checkbox
        label="Hiện cả các phiên bản cũ"
        checked={all}
        onChange={(e) => setAll(e.currentTarget.checked)}
      />
      {outlines.isError && <ErrorAlert error={outlines.error} onRetry={() => outlines.refetch()} />}
      {outlines.isPending && <Skeleton h={200} />}
      {outlines.data && (
        <Table.ScrollContainer minWidth={340}>
          <Table striped highlightOnHover verticalSpacing="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Đề cương</Table.Th>
                <Table.Th>Phiên bản</Table.Th>
                <Table.Th visibleFrom="sm">Nguồn</Table.Th>
                <Table.Th visibleFrom="sm">Ngày tạo</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {outlines.data.items.map((o) => (
                <Table.Tr key={o.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/de-cuong/${o.id}`} fw={500}>
                      {o.name}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {o.code} · {o.documentKind === 'plan' ? 'Kế hoạch' : 'Báo cáo'}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {o.version}
                      {!o.current && (
                        <Badge size="xs" color="gray" variant="light" tt="none">
                          cũ
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td visibleFrom="sm">
                    {o.builtIn ? (
                      <Badge variant="light" tt="none">
                        Có sẵn
                      </Badge>
                    ) : (
                      (o.ownerUnit?.name ?? '')
                    )}
                  </Table.Td>
                  <Table.Td visibleFrom="sm">{formatDate(o.createdAt)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
