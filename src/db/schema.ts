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
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../domain/authz.js';
import { AUTHORITIES, COMMUNE_KINDS, UNIT_KINDS } from '../domain/units.js';

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

export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: serial('id').primaryKey(),
    username: text('username').notNull(),
    ip: text('ip').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sign_in_failures_username_idx').on(t.username, t.at),
    index('sign_in_failures_ip_idx').on(t.ip, t.at),
  ],
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

export const schema = { units, signers, recipients, users, userRoles, sessions, signInFailures, auditLog };
