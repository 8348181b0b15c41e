import { describe, expect, it } from 'vitest';
import { cleanProse, cleanProseSlowly, cleanText, foldForSearch, nfc, upperVi } from './text.js';

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

describe('case without a locale', () => {
  it('maps every Vietnamese letter as the vi-VN locale does', () => {
    const letters =
      'aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ';
    for (const ch of [...letters, ...letters.toUpperCase()]) {
      expect(ch.toLowerCase()).toBe(ch.toLocaleLowerCase('vi-VN'));
      expect(ch.toUpperCase()).toBe(ch.toLocaleUpperCase('vi-VN'));
    }
  });
});

describe('cleanProse', () => {
  it('cleans as the full clean-up does, whatever the text (the quick check misses nothing)', () => {
    const alphabet = [
      'a',
      'ạ',
      ' ',
      ' ',
      '\n',
      '\r',
      '\t',
      '\u00A0',
      '\u200B',
      '\uFEFF',
      '\u0007',
      '\u2003',
      '\u2028',
      'Đ',
      '.',
    ];
    let seed = 7;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let i = 0; i < 5000; i++) {
      const length = next() % 12;
      let text = '';
      for (let j = 0; j < length; j++) text += alphabet[next() % alphabet.length];
      expect(cleanProse(text), JSON.stringify(text)).toBe(cleanProseSlowly(text.normalize('NFC')));
    }
  });
  it('keeps a clean text as it is, in NFC', () => {
    expect(cleanProse('Đoàn công tác\n\nlàm việc tại xã.')).toBe('Đoàn công tác\n\nlàm việc tại xã.');
    expect(cleanProse('Hà Tĩnh'.normalize('NFD'))).toBe('Hà Tĩnh');
    expect(cleanProse('  hai  dòng \r\n\r\n\r\nba ')).toBe('hai dòng\n\nba');
  });
});
