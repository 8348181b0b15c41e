/**
 * The sheet buttons of a register's toolbar: "Nhập từ Excel/CSV" (the unit's editors) opens the
 * import dialog; "Xuất Excel" and "Xuất CSV" download the register with the list's date filter,
 * in the columns the import reads (another unit's reader gets it without the personal fields).
 */

import { POLICY } from '@domain/authz';
import type { LogbookKindCode } from '@domain/logbook/kinds';
import { Button, Group } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useMe } from '../../../api/session';
import { notifyError } from '../../../lib/notify';
import { downloadExport, exportUrl } from './api';
import { ImportDialog } from './ImportDialog';

export interface ImportExportProps {
  unitId: number;
  kind: LogbookKindCode;
  /** The list's filter: records whose date falls in [from, to] (ISO days). */
  from?: string | null;
  to?: string | null;
  /**
   * Shows the import; default: when the user holds at the unit a role that edits its records
   * (the server checks again). The export is for every reader.
   */
  canImport?: boolean;
}

export function ImportExport({ unitId, kind, from, to, canImport }: ImportExportProps) {
  const [importing, setImporting] = useState(false);
  const me = useMe();
  const mayImport =
    canImport ??
    (me.data?.grants ?? []).some(
      (g) => g.unit.id === unitId && POLICY[g.role].actions.includes('logbook.edit'),
    );
  const exporting = useMutation({
    mutationFn: (format: 'xlsx' | 'csv') =>
      downloadExport(exportUrl(unitId, kind, format, { from, to }), `so-theo-doi-${kind}.${format}`),
    onError: notifyError,
  });
  return (
    <Group gap="xs" wrap="wrap">
      {mayImport && (
        <Button variant="light" size="sm" onClick={() => setImporting(true)}>
          Nhập từ Excel/CSV
        </Button>
      )}
      <Button
        variant="default"
        size="sm"
        onClick={() => exporting.mutate('xlsx')}
        loading={exporting.isPending && exporting.variables === 'xlsx'}
      >
        Xuất Excel
      </Button>
      <Button
        variant="default"
        size="sm"
        onClick={() => exporting.mutate('csv')}
        loading={exporting.isPending && exporting.variables === 'csv'}
      >
        Xuất CSV
      </Button>
      {mayImport && (
        <ImportDialog unitId={unitId} kind={kind} opened={importing} onClose={() => setImporting(false)} />
      )}
    </Group>
  );
}
