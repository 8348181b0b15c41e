import { describe, expect, it } from 'vitest';
import { previewText } from './preview.js';
import { composeRequestLetter, type RequestLetterInput, requestAddressees } from './request-letter.js';

const base: RequestLetterInput = {
  identity: {
    parentHeader: ['UBND TỈNH HÀ TĨNH'],
    issuerHeader: ['SỞ NGOẠI VỤ'],
    placeName: 'Hà Tĩnh',
    symbol: 'SNgV',
    archiveCode: 'VP',
  },
  provinceName: 'tỉnh Hà Tĩnh',
  allCommunes: false,
  units: [
    { name: 'Xã Thạch Hà', kind: 'commune', communeKind: 'xa' },
    { name: 'Phường Trần Phú', kind: 'commune', communeKind: 'phuong' },
  ],
  period: { kind: 'half1', year: 2026, index: 0 },
  window: { start: '2025-12-15', end: '2026-06-14' },
  deadline: '2026-06-17',
  guidance: 'Số liệu người nước ngoài tính theo lượt.\nGhi rõ quốc tịch.',
  outline: { name: 'Báo cáo công tác đối ngoại cấp xã', sections: ['Tình hình chung', 'Kết quả {period}'] },
  letter: {
    number: '5930/UBND-NgV',
    date: '2026-06-09',
    issuer: 'Chủ tịch UBND tỉnh Hà Tĩnh',
    kind: 'answers',
  },
  signer: {
    fullName: 'Võ Đình Khải',
    title: 'Chánh Văn phòng',
    authority: 'TL',
    authorityOf: 'Giám đốc',
    collective: null,
  },
  number: null,
  issuedOn: null,
  today: '2026-06-10',
};

describe('request letter', () => {
  it('is a công văn of the drafting unit, announcing what, when and how to report', () => {
    const doc = composeRequestLetter({ ...base, number: 12, issuedOn: '2026-06-10' });
    expect(doc.type).toBe('CV');
    expect(doc.symbol).toBe('SNgV-VP');
    const text = previewText(doc);
    expect(text).toContain('Số: 12/SNgV-VP');
    expect(text).toContain('V/v báo cáo kết quả công tác đối ngoại 6 tháng đầu năm 2026');
    expect(text).toContain(
      'Thực hiện Công văn số 5930/UBND-NgV ngày 09/6/2026 của Chủ tịch UBND tỉnh Hà Tĩnh',
    );
    expect(text).toContain('gồm các phần: Tình hình chung; Kết quả 6 tháng đầu năm 2026.');
    expect(text).toContain('từ ngày 15/12/2025 đến ngày 14/6/2026');
    expect(text).toContain('trước ngày 17/6/2026');
    expect(text).toContain('Ghi rõ quốc tịch.');
    expect(text).toContain('Hệ thống báo cáo công tác đối ngoại');
    expect(doc.kinhGui).toEqual(['Ủy ban nhân dân xã Thạch Hà', 'Ủy ban nhân dân phường Trần Phú']);
    expect(doc.noiNhan).toEqual(['Như trên', 'Lưu: VT, VP.']);
    expect(doc.signature.lines).toEqual(['TL. GIÁM ĐỐC', 'CHÁNH VĂN PHÒNG']);
  });

  it('names every commune of the province collectively', () => {
    const lines = requestAddressees({
      ...base,
      allCommunes: true,
      units: [...base.units, { name: 'Sở Tư pháp tỉnh Hà Tĩnh', kind: 'body' }],
    });
    expect(lines).toEqual([
      'Sở Tư pháp tỉnh Hà Tĩnh',
      'Ủy ban nhân dân các xã, phường trên địa bàn tỉnh Hà Tĩnh',
    ]);
  });

  it('a draft has no number and the month of today', () => {
    const doc = composeRequestLetter({ ...base, letter: null });
    expect(doc.number).toBeNull();
    expect(doc.draftMonth).toEqual({ month: 6, year: 2026 });
    expect(previewText(doc)).not.toContain('Thực hiện');
  });
});
