/**
 * What a new password must not be, beyond its length (the zod schema's PASSWORD_MIN): one of the
 * commonest passwords, or a password that holds the user's own username or full name. Applied
 * where a password is chosen: creating a user, an administrator's reset, a change by the user.
 *
 * The list of common passwords is the one zxcvbn-ts ships (@zxcvbn-ts/language-common, MIT,
 * ~49,000 passwords ranked from public leaks), plus a few that Vietnamese users are known to
 * choose and that list lacks. It stays on the server: the web app does not carry it.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../../domain/errors.js';
import { foldForSearch } from '../../domain/text.js';

/** Common in Vietnam (the pattern of "matkhau", "anhyeuem", "123456" and the like); our addition. */
const VIETNAMESE_COMMON = [
  'matkhau',
  'matkhau123',
  'matkhau1234',
  'matkhau12345',
  'matkhau123456',
  'anhyeuem',
  'anhyeuem123',
  'emyeuanh',
  'emyeuanh123',
  'vietnam',
  'vietnam123',
  'vietnam1234',
  'hanoi123456',
  'saigon123456',
  'doingoai',
  'doingoai123',
  'ubnd123456',
  'admin12345',
  'administrator',
  'quantri',
  'quantri123',
  '123456789a',
  'a123456789',
  '1234567890a',
  'abc123456789',
];

let common: Set<string> | null = null;

/** Lower case, no diacritics, letters and digits only: "Mật-Khẩu 123" → "matkhau123". */
const squash = (value: string) => foldForSearch(value).replace(/[^a-z0-9]/g, '');

function isCommon(password: string): boolean {
  common ??= new Set([...dictionary['passwords-common'], ...VIETNAMESE_COMMON].map(squash));
  return common.has(password.toLowerCase()) || common.has(squash(password));
}

/**
 * The Vietnamese reason `password` is refused for this user, or null when it may be used.
 * Its length is checked by the schema before this.
 */
export function passwordProblem(
  password: string,
  user: { username: string; fullName: string },
): string | null {
  if (isCommon(password)) {
    return 'Mật khẩu này quá phổ biến, dễ bị đoán. Hãy chọn mật khẩu khác (ví dụ một câu ngắn dễ nhớ).';
  }
  const squashed = squash(password);
  const name = squash(user.fullName);
  const username = squash(user.username);
  if (
    (username.length >= 3 && squashed.includes(username)) ||
    (name.length >= 3 && squashed.includes(name))
  ) {
    return 'Mật khẩu không được chứa tên đăng nhập hay họ tên của người dùng.';
  }
  return null;
}

/** Throws VALIDATION on `field` when `passwordProblem` finds one. */
export function assertPasswordAllowed(
  password: string,
  user: { username: string; fullName: string },
  field: string,
): void {
  const problem = passwordProblem(password, user);
  if (problem) throw new AppError('VALIDATION', problem, [{ path: field, message: problem }]);
}
