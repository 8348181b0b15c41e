/**
 * The slot of a register's import and export (the sheets work replaces this file): renders nothing
 * until then.
 */
import type { LogbookKindCode } from '@domain/logbook/kinds';

export interface ImportExportProps {
  unitId: number;
  kind: LogbookKindCode;
}

export function ImportExport(_props: ImportExportProps) {
  return null;
}
