/** Register entries as the API gives them: whitelisted through api-documents.ts `registerEntryOut`. */
import type { RegisterEntryRecord } from '../../db/register.js';
import type { RegisterEntryOut } from '../../domain/api-documents.js';

export function presentRegisterEntry(entry: RegisterEntryRecord): RegisterEntryOut {
  return {
    id: entry.id,
    number: entry.number,
    notation: entry.notation,
    symbol: entry.symbol,
    typeCode: entry.typeCode,
    series: entry.series,
    issuedOn: entry.issuedOn,
    subject: entry.subject,
    signerName: entry.signerName,
    signerTitle: entry.signerTitle,
    recipients: entry.recipients,
    reportId: entry.reportId,
  };
}
