/**
 * A try-out page of the sheet buttons (/thu-nghiem/nhap-xuat-so?unitId=…&so=…), used by the
 * browser test while the register pages are built elsewhere; the register pages render
 * <ImportExport unitId kind /> in their toolbars. To be removed once they do.
 */

import { isLogbookKindCode, logbookKind } from '@domain/logbook/kinds';
import { Alert, Stack, Text, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { ImportExport } from './ImportExport';

export default function SheetsTryPage() {
  const [params] = useSearchParams();
  const unitId = Number(params.get('unitId'));
  const code = params.get('so') ?? 'delegation';
  const kind = isLogbookKindCode(code) ? logbookKind(code) : undefined;
  if (!unitId || !kind) return <Alert color="yellow">Thiếu đơn vị hoặc sổ theo dõi.</Alert>;
  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} fz={{ base: 22, sm: 26 }}>
        {kind.name}
      </Title>
      <Text size="sm" c="dimmed">
        Trang thử nghiệm nhập, xuất sổ theo dõi.
      </Text>
      <ImportExport unitId={unitId} kind={kind.code} from={params.get('from')} to={params.get('to')} />
    </Stack>
  );
}
