import { describe, expect, it } from 'vitest';
import { findBadText } from './input-guard.js';

describe('findBadText', () => {
  it('accepts Vietnamese text, emoji (a surrogate pair) and nested values', () => {
    expect(
      findBadText({ name: 'Ủy ban nhân dân xã Thạch Hà 🇻🇳', list: ['a', { b: 1, c: null }] }),
    ).toBeNull();
  });

  it('finds a NUL character in a nested string and names its field', () => {
    expect(findBadText({ recipients: { noiNhan: ['Sở Ngoại vụ', 'a\u0000b'] } })).toBe(
      'recipients.noiNhan.1',
    );
  });

  it('finds lone surrogates, high or low, and bad keys', () => {
    expect(findBadText('x\uD800')).toBe('');
    expect(findBadText({ a: '\uDC00y' })).toBe('a');
    expect(findBadText({ 'k\u0000': 1 })).toBe('k\u0000');
  });

  it('walks a deeply nested body without overflowing the stack', () => {
    let deep: unknown = 'ok\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findBadText(deep)).not.toBeNull();
  });
});
