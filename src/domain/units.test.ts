import { describe, expect, it } from 'vitest';
import {
  type Authority,
  defaultBodyIdentity,
  defaultCommuneIdentity,
  defaultPlaceName,
  defaultProvinceIdentity,
  proposedSigner,
  type SignerIdentity,
  signatureLines,
  signerProblem,
} from './units.js';

const signer = (over: Partial<SignerIdentity>): SignerIdentity => ({
  fullName: 'Nguyễn Văn Thử',
  title: 'Chủ tịch',
  authority: 'NONE',
  authorityOf: null,
  collective: null,
  ...over,
});

describe('document identity defaults', () => {
  it('heads a commune with the provincial committee and the commune committee', () => {
    const id = defaultCommuneIdentity('Xã Thạch Hà', 'Tỉnh Hà Tĩnh');
    expect(id.parentHeader).toBe('UBND TỈNH HÀ TĨNH');
    expect(id.issuerHeader).toBe('ỦY BAN NHÂN DÂN XÃ THẠCH HÀ');
    expect(id.placeName).toBe('Thạch Hà');
    expect(id.symbol).toBe('UBND');
  });
  it('handles a city and a đặc khu', () => {
    expect(defaultCommuneIdentity('Xã Lạc Phượng', 'Thành phố Hải Phòng').parentHeader).toBe(
      'UBND THÀNH PHỐ HẢI PHÒNG',
    );
    expect(defaultPlaceName('Đặc khu Cồn Cỏ')).toBe('Cồn Cỏ');
  });
  it('writes in full a place named after a number or a person', () => {
    expect(defaultPlaceName('Phường 1 Bảo Lộc')).toBe('Phường 1 Bảo Lộc');
    expect(defaultPlaceName('Thành phố Hồ Chí Minh')).toBe('Thành phố Hồ Chí Minh');
    expect(defaultPlaceName('Thành phố Hà Nội')).toBe('Hà Nội');
  });
  it('gives a province two issuer lines and a body its own symbol', () => {
    expect(defaultProvinceIdentity('Tỉnh Hà Tĩnh').issuerHeader).toBe('ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH');
    const body = defaultBodyIdentity('Sở Ngoại vụ', 'Tỉnh Hà Tĩnh', 'SNgV');
    expect(body).toMatchObject({
      parentHeader: 'UBND TỈNH HÀ TĨNH',
      issuerHeader: 'SỞ NGOẠI VỤ',
      symbol: 'SNgV',
    });
  });
});

describe('signatureLines', () => {
  it('signs on behalf of the committee', () => {
    expect(signatureLines(signer({ authority: 'TM', authorityOf: 'Ủy ban nhân dân' }))).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
    ]);
  });
  it('signs for the chairman as a deputy, with or without the collective line', () => {
    const kt = signer({ authority: 'KT', authorityOf: 'Chủ tịch', title: 'Phó Chủ tịch' });
    expect(signatureLines(kt)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(signatureLines({ ...kt, collective: 'Ủy ban nhân dân' })).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
  });
  it('signs by order of the director', () => {
    const tl = signer({ authority: 'TL', authorityOf: 'Giám đốc', title: 'Chánh Văn phòng' });
    expect(signatureLines(tl)).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
  });
  it('prints only the title when the head signs in person', () => {
    expect(signatureLines(signer({}))).toEqual(['CHỦ TỊCH']);
  });
  it('refuses an authority without the body or head it refers to', () => {
    expect(signerProblem(signer({ authority: 'TM' }))).toMatch(/TM\./);
    expect(signerProblem(signer({ authority: 'KT' }))).toMatch(/KT\./);
    expect(signerProblem(signer({ fullName: ' ' }))).toMatch(/họ và tên/);
    expect(signerProblem(signer({}))).toBeNull();
  });
});

describe('the signer a report proposes, by who issues it and to whom', () => {
  const signer = (fullName: string, authority: Authority, title: string) => ({ fullName, authority, title });
  const chief = signer('Võ Đình Khải', 'TL', 'Chánh Văn phòng');
  const director = signer('Phạm Thị Minh Thư', 'NONE', 'Giám đốc');
  const deputy = signer('Nguyễn Hữu Tài', 'KT', 'Phó Giám đốc');

  it('a Sở reporting to the UBND tỉnh signs by a deputy "KT. GIÁM ĐỐC" or its head, never "TL."', () => {
    const toCommittee = ['Ủy ban nhân dân tỉnh Hà Tĩnh'];
    expect(proposedSigner([chief, director, deputy], 'body', toCommittee)).toBe(deputy);
    expect(proposedSigner([chief, director], 'body', toCommittee)).toBe(director);
    expect(proposedSigner([director, deputy], 'body', toCommittee)).toBe(director);
    expect(proposedSigner([chief, director, deputy], 'body', ['Bộ Ngoại giao'])).toBe(deputy);
    // Nobody else can sign: the unit's default is still proposed.
    expect(proposedSigner([chief], 'body', toCommittee)).toBe(chief);
  });

  it("a Sở's routine report to the Văn phòng UBND tỉnh keeps the unit's default (example 004: TL.)", () => {
    expect(proposedSigner([chief, director, deputy], 'body', ['Văn phòng UBND tỉnh'])).toBe(chief);
    expect(proposedSigner([chief, director, deputy], 'body', [])).toBe(chief);
  });

  it('a UBND signs as the collective: TM. ỦY BAN NHÂN DÂN, or KT. CHỦ TỊCH', () => {
    const chair = signer('Lê Ngọc Châu', 'TM', 'Chủ tịch');
    const vice = signer('Trần Báu Hà', 'KT', 'Phó Chủ tịch');
    const office = signer('Nguyễn Duy Lâm', 'TL', 'Chánh Văn phòng');
    expect(proposedSigner([chair, vice], 'province', ['Bộ Ngoại giao'])).toBe(chair);
    expect(proposedSigner([office, chair, vice], 'province', ['Bộ Ngoại giao'])).toBe(vice);
    expect(proposedSigner([chair, vice], 'commune', ['Sở Ngoại vụ'])).toBe(chair);
    expect(proposedSigner([], 'province', [])).toBeUndefined();
  });
});
