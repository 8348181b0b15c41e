import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

const user = { username: 'nguyen.van.an', fullName: 'Nguyễn Văn An' };

describe('password policy', () => {
  it('refuses the commonest passwords, whatever their case', () => {
    expect(passwordProblem('1234567890', user)).toMatch(/quá phổ biến/);
    expect(passwordProblem('Password123', user)).toMatch(/quá phổ biến/);
    expect(passwordProblem('qwertyuiop', user)).toMatch(/quá phổ biến/);
  });

  it('refuses common Vietnamese passwords the international list lacks, with or without diacritics', () => {
    expect(passwordProblem('matkhau123', user)).toMatch(/quá phổ biến/);
    expect(passwordProblem('Mật-khẩu-123', user)).toMatch(/quá phổ biến/);
  });

  it("refuses the user's own username or full name inside the password, diacritics folded", () => {
    expect(passwordProblem('nguyen.van.an2026', user)).toMatch(/tên đăng nhập hay họ tên/);
    expect(passwordProblem('Xin chào Nguyễn Văn An!', user)).toMatch(/tên đăng nhập hay họ tên/);
    expect(passwordProblem('nguyenvanan-ha-tinh', user)).toMatch(/tên đăng nhập hay họ tên/);
  });

  it('accepts a long uncommon password, and the demo and test passwords', () => {
    expect(passwordProblem('trời hôm nay xanh lắm', user)).toBeNull();
    expect(passwordProblem('demo-doingoai', { username: 'canbo.xa', fullName: 'Trần Thị Bình' })).toBeNull();
    expect(passwordProblem('mat-khau-thu-nghiem', user)).toBeNull();
  });
});
