import type { HomeResponse } from '@domain/api';
import { ROLE_LABELS } from '@domain/authz';
import { Badge, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api } from '../api/client';
import { useMe } from '../api/session';
import { DueList, hasRoundWork } from '../components/DueList';
import { ErrorAlert } from '../components/ErrorAlert';
import { capitalize, formatDate, formatNumber } from '../lib/format';

function closeText(days: number): string {
  if (days > 0) return `Còn ${formatNumber(days)} ngày đến ngày chốt số liệu`;
  if (days === 0) return 'Hôm nay là ngày chốt số liệu';
  return `Đã chốt số liệu ${formatNumber(-days)} ngày trước`;
}

export default function HomePage() {
  const me = useMe().data;
  const home = useQuery({
    queryKey: ['home'],
    queryFn: ({ signal }) => api.get<HomeResponse>('/api/home', signal),
  });

  const due = home.data?.due ?? [];
  // The user's own reports, and the rounds where the receiving unit has reports to handle or late units.
  const reportItems = due.filter((d) => d.kind === 'report' || hasRoundWork(d));
  const roundItems = due.filter((d) => d.kind === 'round');

  return (
    <Stack gap="xl" maw={1100}>
      <Stack gap="xs">
        <Title order={1} fz={{ base: 22, sm: 26 }}>
          Xin chào, {me?.user.fullName}
        </Title>
        {home.data && (
          <Text c="dimmed" size="sm">
            Hôm nay là ngày {formatDate(home.data.today)}
          </Text>
        )}
        <Group gap="xs">
          {me?.grants.map((grant) => (
            <Badge
              key={`${grant.role}-${grant.unit.id}`}
              component={Link}
              to={`/don-vi/${grant.unit.id}`}
              variant="light"
              size="lg"
              tt="none"
              fw={500}
              style={{ cursor: 'pointer', maxWidth: '100%' }}
            >
              {ROLE_LABELS[grant.role]} · {grant.unit.name}
            </Badge>
          ))}
        </Group>
      </Stack>

      {me?.abilities.writeReports && (
        <Group gap="sm">
          <Button component={Link} to="/bao-cao" variant="light">
            Báo cáo của đơn vị
          </Button>
          <Text size="sm" c="dimmed">
            Các báo cáo đã lập; báo cáo ngoài đợt được lập mới tại đây.
          </Text>
        </Group>
      )}

      {home.isError && <ErrorAlert error={home.error} onRetry={() => home.refetch()} />}

      <Stack gap="sm" component="section" aria-labelledby="due-heading">
        <Title order={2} fz={20} id="due-heading">
          Việc cần làm
        </Title>
        {home.isPending ? <Skeleton h={80} /> : home.data && <DueList items={reportItems} />}
      </Stack>

      {roundItems.length > 0 && (
        <Stack gap="sm" component="section" aria-labelledby="rounds-heading">
          <Group justify="space-between" align="flex-end">
            <Title order={2} fz={20} id="rounds-heading">
              Đợt báo cáo đang nhận
            </Title>
            <Button component={Link} to="/dot-bao-cao" variant="subtle" size="compact-sm">
              Tất cả đợt báo cáo
            </Button>
          </Group>
          <DueList items={roundItems} />
        </Stack>
      )}

      <Stack gap="sm" component="section" aria-labelledby="periods-heading">
        <Title order={2} fz={20} id="periods-heading">
          Kỳ chốt số liệu hiện hành
        </Title>
        <Text size="sm" c="dimmed">
          Theo Nghị định số 09/2019/NĐ-CP: số liệu của mỗi kỳ tính từ ngày 15 của tháng trước kỳ đến ngày 14
          của tháng cuối kỳ.
        </Text>
        {home.isPending ? (
          <Skeleton h={120} />
        ) : (
          <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm">
            {home.data?.periods.map((period) => (
              <Card key={`${period.kind}-${period.label}`} withBorder padding="md">
                <Text fw={600}>{capitalize(period.label)}</Text>
                <Text size="sm" mt={4}>
                  Từ {formatDate(period.windowStart)} đến {formatDate(period.windowEnd)}
                </Text>
                <Text size="sm" c={period.daysToClose <= 7 ? 'orange.8' : 'dimmed'} mt={4}>
                  {closeText(period.daysToClose)}
                </Text>
              </Card>
            ))}
          </SimpleGrid>
        )}
      </Stack>
    </Stack>
  );
}
