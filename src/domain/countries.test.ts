import { describe, expect, it } from 'vitest';
import {
  COUNTRIES,
  canonicalCountryName,
  countryGroupKey,
  countryKey,
  findCountry,
  isOfficialCountryName,
  searchCountries,
  suggestCountries,
  unknownCountryMessage,
} from './countries.js';
import { canonicalCountryLists } from './countries-content.js';
import { findBuiltInOutline } from './outlines/index.js';

describe('the country catalogue', () => {
  it('writes the names as Vietnamese official documents do', () => {
    const names = new Map(COUNTRIES.map((c) => [c.code, c.name]));
    expect(names.get('KR')).toBe('Hàn Quốc');
    expect(names.get('MM')).toBe('Mi-an-ma');
    expect(names.get('CZ')).toBe('Séc');
    expect(names.get('TW')).toBe('Đài Loan (Trung Quốc)');
    expect(names.get('HK')).toBe('Hồng Kông (Trung Quốc)');
    expect(names.get('AE')).toBe('Các Tiểu vương quốc Ả-rập Thống nhất');
    expect(names.get('US')).toBe('Hoa Kỳ');
    expect(names.get('VN')).toBeUndefined();
  });

  it('has one code and one official name per entry, NFC, and no key shared by two countries', () => {
    expect(COUNTRIES.length).toBeGreaterThan(240);
    expect(new Set(COUNTRIES.map((c) => c.code)).size).toBe(COUNTRIES.length);
    const owner = new Map<string, string>();
    for (const country of COUNTRIES) {
      expect(country.name, country.code).toBe(country.name.normalize('NFC'));
      for (const name of [country.name, ...country.aliases]) {
        const key = countryKey(name);
        expect(owner.get(key) ?? country.code, `${name} names two countries`).toBe(country.code);
        owner.set(key, country.code);
      }
    }
  });

  it('finds a country by its name with or without diacritics, in any case, with any punctuation', () => {
    for (const typed of ['Hàn Quốc', 'han quoc', 'HÀN QUỐC', 'Han-Quoc', ' hàn  quốc ']) {
      expect(findCountry(typed)?.code, typed).toBe('KR');
    }
    expect(findCountry('Mi an ma')?.code).toBe('MM');
    expect(findCountry('dai loan (trung quoc)')?.code).toBe('TW');
    // NFD input (macOS keyboards) is the same name.
    expect(findCountry('Nhật Bản'.normalize('NFD'))?.code).toBe('JP');
  });

  it('knows the names people type for the same country', () => {
    const cases: [string, string][] = [
      ['Myanmar', 'Mi-an-ma'],
      ['Malaysia', 'Ma-lai-xi-a'],
      ['Singapore', 'Xin-ga-po'],
      ['Czech', 'Séc'],
      ['Korea', 'Hàn Quốc'],
      ['UAE', 'Các Tiểu vương quốc Ả-rập Thống nhất'],
      ['Mỹ', 'Hoa Kỳ'],
      ['Úc', 'Ô-xtrây-li-a'],
      ['Đài Loan', 'Đài Loan (Trung Quốc)'],
      ['Hongkong', 'Hồng Kông (Trung Quốc)'],
      ['Nga', 'Liên bang Nga'],
    ];
    for (const [typed, official] of cases) expect(canonicalCountryName(typed), typed).toBe(official);
  });

  it('does not accept a short form silently but suggests what it means', () => {
    expect(findCountry('Hàn')).toBeUndefined();
    expect(canonicalCountryName('Hàn')).toBe('Hàn');
    expect(suggestCountries('Hàn').map((c) => c.name)).toEqual(['Hàn Quốc']);
    expect(suggestCountries('nhat').map((c) => c.name)).toEqual(['Nhật Bản']);
  });

  it('suggests the nearest names for a misspelt one', () => {
    expect(suggestCountries('Phillipines')[0]?.name).toBe('Phi-líp-pin');
    expect(suggestCountries('Campuchea')[0]?.name).toBe('Campuchia');
    expect(
      suggestCountries('Ả Rập')
        .map((c) => c.code)
        .sort(),
    ).toEqual(['AE', 'SA']);
    expect(suggestCountries('qwxz')).toEqual([]);
  });

  it('says why a name is refused and what was probably meant', () => {
    expect(unknownCountryMessage('Hàn')).toBe(
      'Không có nước hoặc vùng lãnh thổ "Hàn" trong danh mục. Có phải: Hàn Quốc?',
    );
    expect(unknownCountryMessage('Ả Rập')).toMatch(/Có phải: .+ hay .+\?$/);
    expect(unknownCountryMessage('qwxz')).toContain('Vui lòng chọn tên trong danh sách.');
  });

  it('searches as the officer types, best match first', () => {
    expect(searchCountries('han')[0]?.name).toBe('Hàn Quốc');
    expect(
      searchCountries('Ma')
        .slice(0, 3)
        .every((c) => countryKey(c.name).startsWith('ma')),
    ).toBe(true);
    expect(searchCountries('', 5)).toHaveLength(5);
    expect(searchCountries('xin')[0]?.name).toBe('Xin-ga-po');
  });

  it('tells an official name from another spelling', () => {
    expect(isOfficialCountryName('Hàn Quốc')).toBe(true);
    expect(isOfficialCountryName('Hàn Quốc'.normalize('NFD'))).toBe(true);
    expect(isOfficialCountryName('Han Quoc')).toBe(false);
    expect(isOfficialCountryName('Korea')).toBe(false);
  });

  it('groups every spelling of a country under its code, an unknown name under its folded form', () => {
    expect(countryGroupKey('Korea')).toBe(countryGroupKey('Hàn Quốc'));
    expect(countryGroupKey('Xứ Sở Lạ')).toBe(countryGroupKey('xu so la'));
    expect(countryGroupKey('Xứ Sở Lạ')).not.toBe(countryGroupKey('Hàn Quốc'));
  });
});

describe('lists of countries in a report', () => {
  it('are written with the official names when a file names a country another way', () => {
    const outline = findBuiltInOutline('commune-report');
    if (!outline) throw new Error('no commune outline');
    const values = canonicalCountryLists(outline, {
      'delegations.in.countries': ['Myanmar', 'Hàn', 'Lào'],
      'agreements.partners': ['Korea Foundation', 'Korea'],
      'delegations.in.count': 3,
    });
    expect(values).toEqual({
      'delegations.in.countries': ['Mi-an-ma', 'Hàn', 'Lào'],
      'agreements.partners': ['Korea Foundation', 'Korea'],
      'delegations.in.count': 3,
    });
  });
});
