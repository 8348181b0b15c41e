/**
 * The schemas of the HTTP API: one zod schema per boundary, used by the server to validate and to
 * describe (OpenAPI), and by the web app for its forms and types. Messages are Vietnamese.
 */
import { z } from 'zod';
import { ROLES } from './authz.js';
import { nfc } from './text.js';
import { AUTHORITIES, COMMUNE_KINDS, UNIT_KINDS } from './units.js';

/** Text from a user: NFC, trimmed, length-checked with a Vietnamese message. */
export const text = (label: string, max: number, min = 1) =>
  z
    .string({ error: `${label}: cần nhập chữ.` })
    .transform((v) => nfc(v).trim())
    .pipe(
      z
        .string()
        .min(min, {
          error: min <= 1 ? `${label} không được để trống.` : `${label} cần ít nhất ${min} ký tự.`,
        })
        .max(max, { error: `${label} không được dài quá ${max} ký tự.` }),
    );

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `${label}: cần nhập chữ.` })
    .max(max, { error: `${label} không được dài quá ${max} ký tự.` })
    .transform((v) => nfc(v).trim())
    .nullable();

/**
 * The largest id a row can have: every id column is a PostgreSQL `integer` (32 bits). An id above
 * it can name no row, and PostgreSQL refuses to compare a column with it ("out of range"), so every
 * id the API reads (in a path, a query or a body) is bounded here, once.
 */
export const MAX_ID = 2_147_483_647;

/** An id in a JSON body: a whole number from 1 to MAX_ID. */
export const dbId = (message = 'Mã số không hợp lệ.', missing = message) =>
  z
    .number({ error: (issue) => (issue.input == null ? missing : message) })
    .int({ error: message })
    .positive({ error: message })
    .max(MAX_ID, { error: message });

/** An id in a path or a query string ("42"): the same bounds after reading the digits. */
export const dbIdParam = (message = 'Mã số không hợp lệ.') =>
  z.coerce
    .number({ error: message })
    .int({ error: message })
    .positive({ error: message })
    .max(MAX_ID, { error: message });

export const idParam = z.object({ id: dbIdParam() });

export const roleSchema = z.enum(ROLES, { error: 'Vai trò không hợp lệ.' });
export const unitKindSchema = z.enum(UNIT_KINDS);
export const authoritySchema = z.enum(AUTHORITIES, { error: 'Thẩm quyền ký không hợp lệ.' });

// ---------- health ----------
export const healthResponse = z.object({ status: z.literal('ok') });

// ---------- auth ----------
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/;
export const username = z
  .string({ error: 'Tên đăng nhập: cần nhập chữ.' })
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z.string().min(1, { error: 'Vui lòng nhập tên đăng nhập.' }).max(64, { error: 'Tên đăng nhập quá dài.' }),
  );

export const signInBody = z.object({
  username,
  password: z
    .string({ error: 'Mật khẩu: cần nhập chữ.' })
    .min(1, { error: 'Vui lòng nhập mật khẩu.' })
    .max(256, { error: 'Mật khẩu quá dài.' }),
});
export type SignInBody = z.input<typeof signInBody>;

export const unitRefOut = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: unitKindSchema,
});
export type UnitRefOut = z.infer<typeof unitRefOut>;

export const grantOut = z.object({ role: roleSchema, unit: unitRefOut });
export type GrantOut = z.infer<typeof grantOut>;

export const meResponse = z.object({
  user: z.object({ id: z.number(), username: z.string(), fullName: z.string() }),
  grants: z.array(grantOut),
  /** What the interface may offer this user; the server checks every action again. */
  abilities: z.object({
    manageUsers: z.boolean(),
    manageUnits: z.boolean(),
    manageRounds: z.boolean(),
    manageOutlines: z.boolean(),
    writeReports: z.boolean(),
    readAudit: z.boolean(),
  }),
  sessionExpiresAt: z.string(),
});
export type MeResponse = z.infer<typeof meResponse>;

/** Who is signed in, asked by a page as it loads: `me` is null when nobody is (no 401 to log). */
export const sessionResponse = z.object({ me: meResponse.nullable() });
export type SessionResponse = z.infer<typeof sessionResponse>;

export const okResponse = z.object({ ok: z.literal(true) });

// ---------- home ----------
export const dueItem = z.object({
  id: z.string(),
  title: z.string(),
  unit: unitRefOut,
  deadline: z.string(),
  daysLeft: z.number(),
  status: z.string(),
  href: z.string(),
  /** `report`: a unit of the user must answer the round; `round`: the user's unit receives it. */
  kind: z.enum(['report', 'round']),
  roundId: z.number(),
  /** The unit's report in the round, once opened (kind `report`). */
  reportId: z.number().nullable(),
  revision: z.number().nullable(),
  /** May the user edit the report (open it, answer "Không phát sinh")? */
  canEdit: z.boolean(),
  /** Units that have sent their report out of those that must (kind `round`). */
  progress: z.object({ sent: z.number(), total: z.number() }).nullable(),
  /**
   * The receiving unit's work in the round (kind `round`): reports to receive, to accept, sent back
   * and awaiting the unit's correction, and units late (not sent after the deadline).
   */
  work: z
    .object({ toReceive: z.number(), toAccept: z.number(), returned: z.number(), late: z.number() })
    .nullable(),
});
export type DueItem = z.infer<typeof dueItem>;

export const currentPeriod = z.object({
  kind: z.string(),
  label: z.string(),
  windowStart: z.string(),
  windowEnd: z.string(),
  daysToClose: z.number(),
});
export type CurrentPeriod = z.infer<typeof currentPeriod>;

export const homeResponse = z.object({
  today: z.string(),
  due: z.array(dueItem),
  periods: z.array(currentPeriod),
  units: z.array(unitRefOut),
});
export type HomeResponse = z.infer<typeof homeResponse>;

// ---------- units ----------
export const unitListQuery = z.object({
  q: z.string().max(200, { error: 'Từ khóa tìm kiếm quá dài.' }).optional(),
  kind: unitKindSchema.optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/, { error: 'Mã tỉnh gồm 2 chữ số.' })
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type UnitListQuery = z.input<typeof unitListQuery>;
export type UnitListParams = z.infer<typeof unitListQuery>;

export const unitSummary = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  kind: unitKindSchema,
  communeKind: z.enum(COMMUNE_KINDS).nullable(),
  provinceCode: z.string().nullable(),
  provinceName: z.string().nullable(),
  parentId: z.number().nullable(),
  active: z.boolean(),
});
export type UnitSummary = z.infer<typeof unitSummary>;

export const unitListResponse = z.object({ items: z.array(unitSummary), total: z.number() });
export type UnitListResponse = z.infer<typeof unitListResponse>;

export const identityFields = z.object({
  parentHeader: optionalText('Dòng cơ quan chủ quản', 200),
  issuerHeader: text('Tên cơ quan ban hành', 300),
  placeName: text('Địa danh', 100),
  symbol: text('Chữ viết tắt tên cơ quan', 20).pipe(
    z
      .string()
      .regex(/^[\p{L}\d]+$/u, { error: 'Chữ viết tắt tên cơ quan chỉ gồm chữ và số, không dấu cách.' }),
  ),
  archiveCode: text('Đơn vị lưu (dòng "Lưu: VT, …")', 20),
});
export type IdentityFields = z.input<typeof identityFields>;

export const signerFields = z
  .object({
    fullName: text('Họ và tên người ký', 100),
    title: text('Chức vụ', 100),
    authority: authoritySchema,
    authorityOf: optionalText('Thẩm quyền (tập thể hoặc chức vụ người đứng đầu)', 100),
    collective: optionalText('Tập thể (dòng "TM.")', 100),
    isDefault: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.authority !== 'NONE' && !s.authorityOf) {
      ctx.addIssue({
        code: 'custom',
        path: ['authorityOf'],
        message:
          s.authority === 'TM'
            ? 'Ký "TM." phải ghi tên tập thể (ví dụ: Ủy ban nhân dân).'
            : `Ký "${s.authority}." phải ghi chức vụ người đứng đầu (ví dụ: Chủ tịch, Giám đốc).`,
      });
    }
  });
export type SignerFields = z.input<typeof signerFields>;

export const signerOut = z.object({
  id: z.number(),
  fullName: z.string(),
  title: z.string(),
  authority: authoritySchema,
  authorityOf: z.string().nullable(),
  collective: z.string().nullable(),
  isDefault: z.boolean(),
  /** The signature block as it will print: ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]. */
  lines: z.array(z.string()),
});
export type SignerOut = z.infer<typeof signerOut>;

export const recipientsBody = z.object({
  kinhGui: z.array(text('Nơi gửi (Kính gửi)', 200)).max(30),
  noiNhan: z.array(text('Nơi nhận', 200)).max(50),
});
export type RecipientsBody = z.input<typeof recipientsBody>;

export const unitDetail = unitSummary.extend({
  identity: z.object({
    parentHeader: z.string().nullable(),
    issuerHeader: z.string(),
    placeName: z.string(),
    symbol: z.string(),
    archiveCode: z.string(),
  }),
  signers: z.array(signerOut),
  recipients: z.object({ kinhGui: z.array(z.string()), noiNhan: z.array(z.string()) }),
  children: z.array(unitSummary),
  /** The units this one was formed from (the 2025 reform), each with the date of the merger. */
  formers: z.array(
    z.object({
      id: z.number(),
      code: z.string(),
      name: z.string(),
      kind: z.string(),
      effectiveOn: z.string(),
      /** Divided between several new units. */
      split: z.boolean(),
    }),
  ),
  /** For a former unit: the units it became part of. */
  successors: z.array(
    z.object({ id: z.number(), code: z.string(), name: z.string(), effectiveOn: z.string() }),
  ),
  /**
   * True when the user holds no role reaching this unit: the catalogue entry and header lines are
   * shown, but the unit's own data (signers, recipients) is not, and comes back empty.
   */
  restricted: z.boolean(),
  canManage: z.boolean(),
  /**
   * The user may bring in this unit's report files: its own editors, and for a former unit (before
   * the 2025 reform, which has none) its successor's, so that last year's figures can be compared.
   */
  canImportReports: z.boolean(),
});
export type UnitDetail = z.infer<typeof unitDetail>;

export const createBodyUnit = identityFields.extend({
  provinceId: dbId('Tỉnh không hợp lệ.'),
  name: text('Tên cơ quan', 200),
});
export type CreateBodyUnit = z.input<typeof createBodyUnit>;

// ---------- users ----------
export const PASSWORD_MIN = 10;
export const password = z
  .string({ error: 'Mật khẩu: cần nhập chữ.' })
  .min(PASSWORD_MIN, { error: `Mật khẩu cần ít nhất ${PASSWORD_MIN} ký tự.` })
  .max(256, { error: 'Mật khẩu không được dài quá 256 ký tự.' });

/**
 * An e-mail address for reminders; an empty field clears it (null). Lower-cased: addresses are
 * compared case-insensitively by every mail server we meet.
 */
export const emailField = z
  .string({ error: 'Thư điện tử: cần nhập chữ.' })
  .transform((v) => v.trim().toLowerCase())
  .pipe(
    z
      .string()
      .max(254, { error: 'Địa chỉ thư điện tử không được dài quá 254 ký tự.' })
      .refine((v) => v === '' || z.regexes.email.test(v), {
        error: 'Địa chỉ thư điện tử không hợp lệ (ví dụ: canbo@thachha.hatinh.gov.vn).',
      }),
  )
  .transform((v) => (v === '' ? null : v))
  .nullable();

export const accountOut = z.object({ email: z.string().nullable() });
export type AccountOut = z.infer<typeof accountOut>;
export const updateAccountBody = z.object({ email: emailField });
export type UpdateAccountBody = z.input<typeof updateAccountBody>;

export const grantIn = z.object({
  role: roleSchema,
  unitId: dbId('Đơn vị không hợp lệ.', 'Cần chọn đơn vị.'),
});
export type GrantIn = z.infer<typeof grantIn>;

export const createUserBody = z.object({
  username: username.pipe(
    z.string().regex(USERNAME_PATTERN, {
      error: 'Tên đăng nhập gồm 3–64 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới.',
    }),
  ),
  fullName: text('Họ và tên', 100),
  email: emailField.optional(),
  password,
  grants: z.array(grantIn).min(1, { error: 'Cần giao ít nhất một vai trò.' }).max(20),
});
export type CreateUserBody = z.input<typeof createUserBody>;

export const updateUserBody = z.object({
  fullName: text('Họ và tên', 100).optional(),
  email: emailField.optional(),
  active: z.boolean().optional(),
  password: password.optional(),
  grants: z.array(grantIn).min(1, { error: 'Cần giao ít nhất một vai trò.' }).max(20).optional(),
});
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const changePasswordBody = z
  .object({
    currentPassword: z
      .string({ error: 'Mật khẩu hiện tại: cần nhập chữ.' })
      .min(1, { error: 'Vui lòng nhập mật khẩu hiện tại.' })
      .max(256, { error: 'Mật khẩu quá dài.' }),
    newPassword: password,
  })
  .refine((b) => b.newPassword !== b.currentPassword, {
    path: ['newPassword'],
    error: 'Mật khẩu mới phải khác mật khẩu hiện tại.',
  });
export type ChangePasswordBody = z.input<typeof changePasswordBody>;

export const userListQuery = z.object({
  q: z.string().max(200).optional(),
  unitId: dbIdParam('Đơn vị không hợp lệ.').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const userOut = z.object({
  id: z.number(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  active: z.boolean(),
  grants: z.array(grantOut),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type UserOut = z.infer<typeof userOut>;

export const userListResponse = z.object({ items: z.array(userOut), total: z.number() });
export type UserListResponse = z.infer<typeof userListResponse>;

// ---------- audit ----------
export const auditListQuery = z.object({
  unitId: dbIdParam('Đơn vị không hợp lệ.').optional(),
  userId: dbIdParam('Người dùng không hợp lệ.').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type AuditListQuery = z.input<typeof auditListQuery>;
export type AuditListParams = z.infer<typeof auditListQuery>;

export const auditEntryOut = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ userId: z.number().nullable(), label: z.string(), fullName: z.string().nullable() }),
  action: z.string(),
  actionLabel: z.string(),
  entity: z.string(),
  entityId: z.string(),
  unit: unitRefOut.nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
});
export type AuditEntryOut = z.infer<typeof auditEntryOut>;

export const auditListResponse = z.object({ items: z.array(auditEntryOut), total: z.number() });
export type AuditListResponse = z.infer<typeof auditListResponse>;

// ---------- errors ----------
export const errorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
