/**
 * The database schema: one definition for PGlite (embedded) and PostgreSQL. Migrations in
 * drizzle/ are generated from this file with `npm run db:generate` and never edited by hand.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../domain/authz.js';
import { LOGBOOK_KIND_CODES } from '../domain/logbook/kinds.js';
import type { LogbookData } from '../domain/logbook/record.js';
import type { Outline } from '../domain/outline.js';
import { AUTHORITIES, COMMUNE_KINDS, UNIT_KINDS } from '../domain/units.js';
import { REPORT_STATUSES } from '../domain/workflow.js';

export const NUMBERING_SCHEMES = ['single', 'per_type'] as const;
export const ROUND_FREQUENCIES = ['once', 'month', 'quarter', 'half', 'nine_months', 'year'] as const;
export const ROUND_STATUSES = ['open', 'closed'] as const;
export const COMMENT_STAGES = ['leader', 'province'] as const;

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    /** Official code as a string ("42", "18562"); "VN" for the country; "42.SNGV" for a body. */
    code: text('code').notNull(),
    kind: text('kind', { enum: UNIT_KINDS }).notNull(),
    communeKind: text('commune_kind', { enum: COMMUNE_KINDS }),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => units.id),
    /** The code of the province the unit belongs to (itself for a province); null for the country. */
    provinceCode: text('province_code'),
    /** Ancestor ids from the root, the unit itself last, for subtree checks. */
    path: integer('path').array().notNull(),
    /** Lower-case, diacritic-free name and code, for search. */
    searchKey: text('search_key').notNull(),
    active: boolean('active').notNull().default(true),
    parentHeader: text('parent_header'),
    issuerHeader: text('issuer_header').notNull(),
    placeName: text('place_name').notNull(),
    symbol: text('symbol').notNull(),
    archiveCode: text('archive_code').notNull().default('VP'),
    /** The head of the unit decides (ND 30/2020, Điều 15): one number series for all types, or one per type. */
    numberingScheme: text('numbering_scheme', { enum: NUMBERING_SCHEMES }).notNull().default('single'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_province_idx').on(t.provinceCode),
    check('units_kind_commune', sql`(${t.kind} = 'commune') = (${t.communeKind} IS NOT NULL)`),
  ],
);

export const signers = pgTable(
  'signers',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    fullName: text('full_name').notNull(),
    title: text('title').notNull(),
    authority: text('authority', { enum: AUTHORITIES }).notNull(),
    authorityOf: text('authority_of'),
    collective: text('collective'),
    isDefault: boolean('is_default').notNull().default(false),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('signers_unit_idx').on(t.unitId)],
);

export const recipients = pgTable(
  'recipients',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    /** kinh_gui: the addressee block; noi_nhan: the distribution list. */
    kind: text('kind', { enum: ['kinh_gui', 'noi_nhan'] }).notNull(),
    position: smallint('position').notNull(),
    text: text('text').notNull(),
  },
  (t) => [uniqueIndex('recipients_unit_kind_pos_key').on(t.unitId, t.kind, t.position)],
);

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    fullName: text('full_name').notNull(),
    /** For reminders by e-mail (only when an SMTP server is configured). */
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    active: boolean('active').notNull().default(true),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
);

export const userRoles = pgTable(
  'user_roles',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    role: text('role', { enum: ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('user_roles_key').on(t.userId, t.unitId, t.role),
    index('user_roles_unit_idx').on(t.unitId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the token in the cookie: a stolen database does not yield usable sessions. */
    id: text('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * Sign-in limits: one row per key ("pair:<ip>|<username>", "user:<username>", "ip:<ip>") counting
 * recent failures and the moment the next attempt on that key may be checked; "known:<ip>|<username>"
 * rows mark an address from which the user has signed in (it skips the account- and address-wide
 * limits). An attempt is reserved by one conditional upsert per key, so parallel requests cannot
 * check more passwords than the limits allow.
 */
export const signInThrottle = pgTable(
  'sign_in_throttle',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull().default(0),
    blockedUntil: timestamp('blocked_until', { withTimezone: true }).notNull().defaultNow(),
    lastAt: timestamp('last_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sign_in_throttle_last_at_idx').on(t.lastAt)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Null when the change was made outside a user session (seed, CLI); then `actorLabel` says who. */
    actorUserId: integer('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    /** The unit whose data changed, when there is one: an administrator sees the log of his units. */
    unitId: integer('unit_id').references(() => units.id),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_entity_idx').on(t.entity, t.entityId),
    index('audit_at_idx').on(t.at),
    index('audit_unit_idx').on(t.unitId),
  ],
);

/**
 * Outlines (đề cương), one row per version. Built-in outlines are seeded and never edited in place;
 * an administrator's clone belongs to his unit (`ownerUnitId`) and each save makes a new version.
 */
export const outlines = pgTable(
  'outlines',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    name: text('name').notNull(),
    documentKind: text('document_kind', { enum: ['report', 'plan'] }).notNull(),
    /** The whole tree (src/domain/outline.ts). */
    definition: jsonb('definition').$type<Outline>().notNull(),
    builtIn: boolean('built_in').notNull().default(false),
    /** Null for built-in outlines (visible to everyone). */
    ownerUnitId: integer('owner_unit_id').references(() => units.id),
    /** False for versions superseded by a newer one or withdrawn. */
    current: boolean('current').notNull().default(true),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('outlines_code_version_key').on(t.code, t.version)],
);

/**
 * A report of a unit for a period on an outline version. `content` holds what the officer entered
 * (values, nil sections, narrative edits, document details: the report JSON of docs/report-json.md
 * without unit and outline). `revision` increases with every save: a save names the revision it
 * started from, and a stale one is refused (no silent overwrite).
 */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    outlineId: integer('outline_id')
      .notNull()
      .references(() => outlines.id),
    /** The outline's code, copied for the uniqueness of one report per unit, outline and period. */
    outlineCode: text('outline_code').notNull(),
    periodKind: text('period_kind').notNull(),
    periodYear: integer('period_year').notNull(),
    periodIndex: integer('period_index').notNull().default(0),
    /** "half1-2026", "month-2026-03", "week-2025-03-28", "custom-2026-01-01-2026-03-31". */
    periodKey: text('period_key').notNull(),
    /** The data window (ND 09/2019 default, overridable per report). */
    windowStart: text('window_start').notNull(),
    windowEnd: text('window_end').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('draft'),
    content: jsonb('content').notNull(),
    revision: integer('revision').notNull().default(1),
    /** Issued: the register entry and the frozen document. */
    registerEntryId: integer('register_entry_id'),
    issuedDocument: jsonb('issued_document'),
    /** The reporting round this report answers (null for a report made on the unit's own account). */
    roundId: integer('round_id').references((): AnyPgColumn => rounds.id),
    /** How many times it was submitted: version n is the n-th submission (report_versions). */
    version: integer('version').notNull().default(0),
    /** First issued (sent to the receiving unit): lateness is measured on it. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    /** A consolidated report: when it was drafted and from which reports (ids and versions). */
    consolidation: jsonb('consolidation'),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('reports_unit_outline_period_key').on(t.unitId, t.outlineCode, t.periodKey),
    index('reports_unit_idx').on(t.unitId),
    // A round's reports, and each (round, unit) cell of the board found by one index probe.
    index('reports_round_unit_idx').on(t.roundId, t.unitId),
    // One period of an outline (consolidation's sources, a round's reports): found without
    // reading the other periods, however long the history.
    index('reports_outline_period_idx').on(t.outlineCode, t.periodKey),
  ],
);

/** Raw bytes (PDF files): Uint8Array in, Uint8Array (a Buffer on node-postgres) out. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * The PDF of an issued report, made in the background from its frozen document so that the
 * download is instant (src/jobs/issued-pdfs.ts). Keyed by the frozen document's hash: a report
 * returned and issued again with a new number has a new document, hence a new PDF.
 */
export const reportPdfs = pgTable(
  'report_pdfs',
  {
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    /** sha256 (hex) of the frozen document as PostgreSQL writes it (`issued_document::text`). */
    documentHash: text('document_hash').notNull(),
    /** The register notation of that issue ("05/BC-UBND"), for a reader of the table. */
    notation: text('notation'),
    pdf: bytea('pdf').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.documentHash] })],
);

/** Each submission of a report, frozen: the changes of a resubmission are shown against the last one. */
export const reportVersions = pgTable(
  'report_versions',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    version: integer('version').notNull(),
    content: jsonb('content').notNull(),
    /** The register notation when this version was issued ("05/BC-UBND"). */
    notation: text('notation'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('report_versions_key').on(t.reportId, t.version)],
);

/** Comments of a leader (on return) or of the receiving unit (on return or acceptance). */
export const reportComments = pgTable(
  'report_comments',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id),
    /** The report version the comment was made on. */
    version: integer('version').notNull(),
    stage: text('stage', { enum: COMMENT_STAGES }).notNull(),
    /** A section key or an indicator code; null for the whole report. */
    target: text('target'),
    body: text('body').notNull(),
    authorId: integer('author_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_comments_report_idx').on(t.reportId)],
);

/**
 * A reporting round (đợt báo cáo): the regime of Nghị định 09/2019 as an object. The receiving
 * unit (`unitId`: a province or a province-level body) asks `round_units` to report on an outline
 * for a period by a deadline. A recurring round's next occurrence shares its `seriesId`.
 */
export const rounds = pgTable(
  'rounds',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    name: text('name').notNull(),
    outlineId: integer('outline_id')
      .notNull()
      .references(() => outlines.id),
    outlineCode: text('outline_code').notNull(),
    periodKind: text('period_kind').notNull(),
    periodYear: integer('period_year').notNull(),
    periodIndex: integer('period_index').notNull().default(0),
    periodKey: text('period_key').notNull(),
    windowStart: text('window_start').notNull(),
    windowEnd: text('window_end').notNull(),
    /** Working days after the data window closes (at least 1), and the date they give. */
    deadlineDays: integer('deadline_days').notNull(),
    deadline: text('deadline').notNull(),
    frequency: text('frequency', { enum: ROUND_FREQUENCIES }).notNull().default('once'),
    guidance: text('guidance').notNull().default(''),
    /** The letter the round answers or is announced by: { number, date, issuer, kind }. */
    letter: jsonb('letter'),
    /** The request letter (công văn) when the receiving unit issued it through the system. */
    requestRegisterEntryId: integer('request_register_entry_id').references(
      (): AnyPgColumn => registerEntries.id,
    ),
    requestDocument: jsonb('request_document'),
    /** Days before the deadline when reminders start (and they go on daily after it). */
    remindDays: integer('remind_days').notNull().default(3),
    seriesId: integer('series_id'),
    status: text('status', { enum: ROUND_STATUSES }).notNull().default('open'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('rounds_unit_idx').on(t.unitId),
    uniqueIndex('rounds_series_period_key').on(t.seriesId, t.periodKey),
  ],
);

/** The units that must report in a round. */
export const roundUnits = pgTable(
  'round_units',
  {
    roundId: integer('round_id')
      .notNull()
      .references(() => rounds.id),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
  },
  (t) => [uniqueIndex('round_units_key').on(t.roundId, t.unitId), index('round_units_unit_idx').on(t.unitId)],
);

/** In-app notifications: one digest per person per day (reminders gathered), read or not. */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The day of the digest (Vietnam's calendar). */
    day: text('day').notNull(),
    kind: text('kind').notNull().default('digest'),
    title: text('title').notNull(),
    /** The reminders gathered: [{ roundId, reportId?, unitId, text, href, daysLeft }]. */
    items: jsonb('items').notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('notifications_user_day_key').on(t.userId, t.day, t.kind)],
);

/** E-mails waiting to be sent (or sent): a down SMTP server only delays them. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: serial('id').primaryKey(),
    notificationId: integer('notification_id').references(() => notifications.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('email_outbox_notification_key').on(t.notificationId),
    index('email_outbox_pending_idx').on(t.sentAt, t.nextAttemptAt),
  ],
);

/**
 * The last number given per unit, year and series ("all" for a single series, else the type code).
 * Incremented with one atomic upsert, so two concurrent issues never get the same number.
 */
export const registerCounters = pgTable(
  'register_counters',
  {
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    series: text('series').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [uniqueIndex('register_counters_key').on(t.unitId, t.year, t.series)],
);

/** The register of outgoing documents (sổ đăng ký văn bản đi). */
export const registerEntries = pgTable(
  'register_entries',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    year: integer('year').notNull(),
    series: text('series').notNull(),
    number: integer('number').notNull(),
    /** "BC-UBND": the full notation is `${number padded}/${symbol}`. */
    symbol: text('symbol').notNull(),
    typeCode: text('type_code').notNull(),
    issuedOn: text('issued_on').notNull(),
    subject: text('subject').notNull(),
    signerName: text('signer_name').notNull(),
    signerTitle: text('signer_title').notNull(),
    recipients: text('recipients').notNull().default(''),
    reportId: integer('report_id').references((): AnyPgColumn => reports.id),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('register_entries_number_key').on(t.unitId, t.year, t.series, t.number),
    uniqueIndex('register_entries_notation_key').on(t.unitId, t.year, t.number, t.symbol),
    index('register_entries_unit_year_idx').on(t.unitId, t.year),
  ],
);

/**
 * The logbook (sổ theo dõi, issue 15): each foreign-affairs event a unit records, once, when it
 * happens. The kind's fields (domain/logbook/kinds.ts) are in `data`; the date or range is in
 * columns, so a report's data window finds its records by index. Deleting keeps the row
 * (`deleted_at`): an issued report's frozen figures still name the records behind them.
 */
export const logbookRecords = pgTable(
  'logbook_records',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: LOGBOOK_KIND_CODES }).notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on'),
    /** The activity log's field: a section key of the unit's outlines. */
    sectionKey: text('section_key'),
    data: jsonb('data').$type<LogbookData>().notNull(),
    revision: integer('revision').notNull().default(1),
    /** The import that created it, if any (undone together). */
    importId: integer('import_id'),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    // A unit's records of one kind in a data window: one index range, however long the history.
    index('logbook_records_unit_kind_starts_idx').on(t.unitId, t.kind, t.startsOn),
    index('logbook_records_import_idx').on(t.importId),
  ],
);

/** An import of a sheet into a register: its mapping, progress, and refused rows. */
export const logbookImports = pgTable(
  'logbook_imports',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: LOGBOOK_KIND_CODES }).notNull(),
    fileName: text('file_name').notNull(),
    /** pending → running → done | failed (nothing half-imported: rows are written in one transaction). */
    status: text('status').notNull().default('pending'),
    /** Column of the sheet → field of the register. */
    mapping: jsonb('mapping').notNull(),
    totalRows: integer('total_rows').notNull().default(0),
    doneRows: integer('done_rows').notNull().default(0),
    createdRows: integer('created_rows').notNull().default(0),
    /** Refused rows: [{ row, reasons }]. */
    refused: jsonb('refused').notNull().default([]),
    /** SHA-256 of the uploaded file: a second import of the same file is told, never silent. */
    fileHash: text('file_hash'),
    /** The uploaded file, kept until the import is done (mapping and preview read it again). */
    source: bytea('source'),
    /** The sheet's header row, as read. */
    headers: jsonb('headers').$type<string[]>(),
    /** When it was queued, then when a run took it: a run older than a while died with its process. */
    startedAt: timestamp('started_at', { withTimezone: true }),
    error: text('error'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('logbook_imports_unit_idx').on(t.unitId)],
);

/**
 * The lineage of units across a reorganisation (the 2025 reform: about 10,000 former communes became
 * 3,321): each row links a successor unit to one of the units it was formed from, from a date. A
 * former unit is a `units` row with `active = false` (or the successor itself, when it kept the
 * former unit's code). A former unit split between several successors has one row per successor and
 * no share: the resolutions divide land and population, not the foreign-affairs events, so a share
 * of last year's figures would be an invented number (docs/operations.md).
 */
export const unitLineage = pgTable(
  'unit_lineage',
  {
    id: serial('id').primaryKey(),
    successorId: integer('successor_id')
      .notNull()
      .references(() => units.id),
    formerId: integer('former_id')
      .notNull()
      .references(() => units.id),
    /** The former unit's name and kind as they were ("Thị trấn Thạch Hà", "thị trấn"). */
    formerName: text('former_name').notNull(),
    formerKind: text('former_kind').notNull(),
    /** The first day the successor exists (ISO date; 2025-07-01 for the 2025 reform). */
    effectiveOn: text('effective_on').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('unit_lineage_successor_former_key').on(t.successorId, t.formerId),
    index('unit_lineage_former_idx').on(t.formerId),
  ],
);

export const schema = {
  units,
  signers,
  recipients,
  users,
  userRoles,
  sessions,
  signInThrottle,
  auditLog,
  outlines,
  reports,
  registerCounters,
  registerEntries,
  reportVersions,
  reportComments,
  reportPdfs,
  rounds,
  roundUnits,
  notifications,
  emailOutbox,
  logbookRecords,
  logbookImports,
  unitLineage,
};
