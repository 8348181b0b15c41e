import { describe, expect, it } from 'vitest';
import { cleanText, foldForSearch, nfc, upperVi } from './text.js';

describe('foldForSearch', () => {
  it('ignores diacritics and case so that "thach ha" finds "Xã Thạch Hà"', () => {
    expect(foldForSearch('Xã Thạch Hà')).toBe('xa thach ha');
    expect(foldForSearch('Xã Thạch Hà')).toContain(foldForSearch('thach ha'));
  });
  it('folds đ and Đ to d', () => {
    expect(foldForSearch('Đức Thịnh')).toBe('duc thinh');
  });
  it('gives the same key for NFC and NFD input', () => {
    const composed = 'Phường Thành Sen';
    expect(foldForSearch(composed.normalize('NFD'))).toBe(foldForSearch(composed));
  });
});

describe('nfc and cleanText', () => {
  it('stores NFD input as NFC', () => {
    const decomposed = 'Hà Tĩnh'.normalize('NFD');
    expect(decomposed).not.toBe('Hà Tĩnh');
    expect(nfc(decomposed)).toBe('Hà Tĩnh');
  });
  it('collapses white space', () => {
    expect(cleanText('  Sở   Ngoại vụ \n')).toBe('Sở Ngoại vụ');
  });
});

describe('upperVi', () => {
  it('upper-cases Vietnamese letters with their marks', () => {
    expect(upperVi('Ủy ban nhân dân xã Thạch Hà')).toBe('ỦY BAN NHÂN DÂN XÃ THẠCH HÀ');
  });
});
