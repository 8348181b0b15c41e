/** Units and signers as the API gives them: whitelisted through api.ts `unitSummary`, `unitDetail`, `signerOut`. */
import type { SignerRow, UnitDetailRecord, UnitSummaryRow } from '../../db/units.js';
import type { SignerOut, UnitDetail, UnitSummary } from '../../domain/api.js';
import { signatureLines } from '../../domain/units.js';

export function presentUnitSummary(u: UnitSummaryRow): UnitSummary {
  return {
    id: u.id,
    code: u.code,
    name: u.name,
    kind: u.kind,
    communeKind: u.communeKind,
    provinceCode: u.provinceCode,
    provinceName: u.provinceName,
    parentId: u.parentId,
    active: u.active,
  };
}

export function presentSigner(s: SignerRow): SignerOut {
  return {
    id: s.id,
    fullName: s.fullName,
    title: s.title,
    authority: s.authority,
    authorityOf: s.authorityOf,
    collective: s.collective,
    isDefault: s.isDefault,
    lines: signatureLines(s),
  };
}

/**
 * A unit's page. A reader without a role reaching the unit sees it restricted: the catalogue entry
 * and header lines only (the record then holds no signers or recipients).
 */
export function presentUnitDetail(
  record: UnitDetailRecord,
  access: { canRead: boolean; canManage: boolean; canImportReports: boolean },
): UnitDetail {
  const { identity } = record;
  return {
    ...presentUnitSummary(record.unit),
    identity: {
      parentHeader: identity.parentHeader,
      issuerHeader: identity.issuerHeader,
      placeName: identity.placeName,
      symbol: identity.symbol,
      archiveCode: identity.archiveCode,
    },
    signers: record.signers.map(presentSigner),
    recipients: { kinhGui: record.recipients.kinhGui, noiNhan: record.recipients.noiNhan },
    children: record.children.map(presentUnitSummary),
    formers: record.formers.map((f) => ({
      id: f.formerId,
      code: f.formerCode,
      name: f.formerName,
      kind: f.formerKind,
      effectiveOn: f.effectiveOn,
      split: f.successorCount > 1,
    })),
    successors: record.successors.map((s) => ({
      id: s.id,
      code: s.code,
      name: s.name,
      effectiveOn: s.effectiveOn,
    })),
    restricted: !access.canRead,
    canManage: access.canManage,
    canImportReports: access.canImportReports,
  };
}
