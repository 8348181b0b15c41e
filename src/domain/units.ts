/**
 * Administrative units and their document identity (the lines an official document prints about
 * its issuer: header lines, place name, symbol, signers, recipients). Pure, no I/O.
 */
import { upperVi } from './text.js';

export const UNIT_KINDS = ['country', 'province', 'commune', 'body'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** "thị trấn" is a kind of before 1 July 2025: only former units (unit_lineage) carry it. */
export const COMMUNE_KINDS = ['xã', 'phường', 'đặc khu', 'thị trấn'] as const;
export type CommuneKind = (typeof COMMUNE_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  country: 'Cả nước',
  province: 'Tỉnh, thành phố',
  commune: 'Xã, phường, đặc khu',
  body: 'Cơ quan, đơn vị cấp tỉnh',
};

/** The code of the root of the unit tree (the whole country). Official codes are 2 and 5 digits. */
export const COUNTRY_CODE = 'VN';

/** Signing authority prefixes of Nghị định 30/2020, Phụ lục I §II.7.b. */
export const AUTHORITIES = ['TM', 'KT', 'TL', 'TUQ', 'Q', 'NONE'] as const;
export type Authority = (typeof AUTHORITIES)[number];

export const AUTHORITY_LABELS: Record<Authority, string> = {
  TM: 'TM. (thay mặt tập thể)',
  KT: 'KT. (ký thay người đứng đầu)',
  TL: 'TL. (thừa lệnh)',
  TUQ: 'TUQ. (thừa ủy quyền)',
  Q: 'Q. (quyền)',
  NONE: 'Không (người đứng đầu ký trực tiếp)',
};

export interface SignerIdentity {
  fullName: string;
  /** The signer's own position, printed just above the name: "PHÓ CHỦ TỊCH". */
  title: string;
  authority: Authority;
  /** TM: the collective ("ỦY BAN NHÂN DÂN"); KT, TL, TUQ, Q: the head's title ("CHỦ TỊCH", "GIÁM ĐỐC"). */
  authorityOf: string | null;
  /** Under a collective regime a deputy signs "TM. ỦY BAN NHÂN DÂN" then "KT. CHỦ TỊCH". */
  collective: string | null;
}

/** The upper lines of the signature block, each printed upper case and bold. */
export function signatureLines(signer: SignerIdentity): string[] {
  const lines: string[] = [];
  if (signer.authority === 'TM') {
    lines.push(`TM. ${upperVi(signer.authorityOf ?? '')}`);
  } else if (signer.authority !== 'NONE') {
    if (signer.collective) lines.push(`TM. ${upperVi(signer.collective)}`);
    lines.push(`${signer.authority}. ${upperVi(signer.authorityOf ?? '')}`);
  }
  lines.push(upperVi(signer.title));
  return lines;
}

/** Why a signer's authority is incomplete, or null when it can be printed. */
export function signerProblem(signer: SignerIdentity): string | null {
  if (!signer.fullName.trim()) return 'Chưa có họ và tên người ký.';
  if (!signer.title.trim()) return 'Chưa có chức vụ của người ký.';
  if (signer.authority === 'TM' && !signer.authorityOf?.trim()) {
    return 'Ký "TM." phải ghi tên tập thể (ví dụ: ỦY BAN NHÂN DÂN).';
  }
  if (signer.authority !== 'TM' && signer.authority !== 'NONE' && !signer.authorityOf?.trim()) {
    return `Ký "${signer.authority}." phải ghi chức vụ của người đứng đầu (ví dụ: CHỦ TỊCH, GIÁM ĐỐC).`;
  }
  return null;
}

export interface DocumentIdentity {
  /** The line of the directly superior body, upright: "UBND TỈNH HÀ TĨNH". Null when none is printed. */
  parentHeader: string | null;
  /** The issuing body, bold, one or more lines separated by "\n": "ỦY BAN NHÂN DÂN\nXÃ LẠC PHƯỢNG". */
  issuerHeader: string;
  /** The place for the date line: "Lạc Phượng, ngày 12 tháng 6 năm 2026". */
  placeName: string;
  /** The issuer's abbreviation in document symbols: "UBND" in 297/BC-UBND, "SNgV". */
  symbol: string;
  /** The drafting unit in the archive line "- Lưu: VT, VP.". */
  archiveCode: string;
}

const KIND_PREFIXES = ['Thành phố', 'Tỉnh', 'Phường', 'Xã', 'Đặc khu'];

/** "Xã Thạch Hà" → "Thạch Hà"; "Thành phố Hải Phòng" → "Hải Phòng". */
export function stripKind(name: string): string {
  for (const prefix of KIND_PREFIXES) {
    if (name.startsWith(`${prefix} `)) return name.slice(prefix.length + 1);
  }
  return name;
}

/**
 * The place name of the date line (Nghị định 30/2020, Phụ lục I §II.4.a): the unit's own name,
 * written in full when it is named after a number or a person ("Phường 1 Bảo Lộc",
 * "Thành phố Hồ Chí Minh"), otherwise without its kind ("Lạc Phượng").
 */
export function defaultPlaceName(name: string): string {
  const bare = stripKind(name);
  if (/^\d/.test(bare) || bare.startsWith('Hồ Chí Minh')) return name;
  return bare;
}

/** "Tỉnh Hà Tĩnh" → "UBND TỈNH HÀ TĨNH". */
export function provinceCommitteeLine(provinceName: string): string {
  return `UBND ${upperVi(provinceName)}`;
}

export function defaultProvinceIdentity(provinceName: string): DocumentIdentity {
  return {
    parentHeader: null,
    issuerHeader: `ỦY BAN NHÂN DÂN\n${upperVi(provinceName)}`,
    placeName: defaultPlaceName(provinceName),
    symbol: 'UBND',
    archiveCode: 'VP',
  };
}

/** A commune's default header: "UBND TỈNH HÀ TĨNH" over "ỦY BAN NHÂN DÂN XÃ THẠCH HÀ". */
export function defaultCommuneIdentity(communeName: string, provinceName: string): DocumentIdentity {
  return {
    parentHeader: provinceCommitteeLine(provinceName),
    issuerHeader: `ỦY BAN NHÂN DÂN ${upperVi(communeName)}`,
    placeName: defaultPlaceName(communeName),
    symbol: 'UBND',
    archiveCode: 'VP',
  };
}

/** A province-level body (Sở Ngoại vụ, Văn phòng UBND tỉnh): under the provincial committee. */
export function defaultBodyIdentity(
  bodyName: string,
  provinceName: string,
  symbol: string,
): DocumentIdentity {
  return {
    parentHeader: provinceCommitteeLine(provinceName),
    issuerHeader: upperVi(bodyName),
    placeName: defaultPlaceName(provinceName),
    symbol,
    archiveCode: 'VP',
  };
}

/** Body codes are the province code, a dot and the symbol: "42.SNGV". Official codes are digits only. */
export function bodyCode(provinceCode: string, symbol: string): string {
  return `${provinceCode}.${symbol.toUpperCase()}`;
}

/**
 * Who signs a report by default, by the body that issues it and the one it goes to (Nghị định
 * 30/2020 practice): a UBND signs as the collective ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH", or a deputy
 * "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"); a Sở reporting to the UBND tỉnh or a ministry signs by its head
 * or a deputy ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), while "TL. GIÁM ĐỐC / CHÁNH VĂN PHÒNG" answers
 * the Văn phòng UBND tỉnh's routine requests. The unit's own default stands when it fits;
 * otherwise the first signer that does, deputies first; otherwise the unit's default.
 */
export function proposedSigner<T extends Pick<SignerIdentity, 'authority'>>(
  signers: readonly T[],
  issuer: UnitKind,
  addressees: readonly string[],
): T | undefined {
  const [unitDefault] = signers;
  const fits = fittingAuthorities(issuer, addressees);
  if (!unitDefault || !fits || fits.includes(unitDefault.authority)) return unitDefault;
  for (const authority of fits) {
    const found = signers.find((s) => s.authority === authority);
    if (found) return found;
  }
  return unitDefault;
}

/** The authorities a report of `issuer` to `addressees` is signed with, preferred first (null: any). */
function fittingAuthorities(issuer: UnitKind, addressees: readonly string[]): Authority[] | null {
  if (issuer === 'commune' || issuer === 'province') return ['KT', 'TM'];
  if (issuer !== 'body') return null;
  const toCommittee = addressees.some(
    (a) => /(Ủy ban nhân dân|UBND|^Bộ |Bộ Ngoại giao)/u.test(a) && !/Văn phòng/u.test(a),
  );
  return toCommittee ? ['KT', 'NONE'] : null;
}
