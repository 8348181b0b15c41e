/** How an audit row reads: who acted, on whom, and which values changed. Pure. */
import type { AuditEntryOut } from '@domain/api';

/** Actors that are not a person: the seeding at start-up and the command line. */
const SYSTEM_ACTORS: Record<string, string> = {
  seed: 'Hệ thống (nạp dữ liệu)',
  cli: 'Dòng lệnh',
};

export function actorName(actor: AuditEntryOut['actor']): string {
  return actor.fullName ?? SYSTEM_ACTORS[actor.label] ?? actor.label;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringField(value: unknown, key: string): string | null {
  if (!isRecord(value)) return null;
  const field = value[key];
  return typeof field === 'string' && field !== '' ? field : null;
}

/** The username of the user an entity-'user' row concerns, when the row tells it. */
export function userSubject(entry: AuditEntryOut): string | null {
  const username = stringField(entry.after, 'username') ?? stringField(entry.before, 'username');
  if (username) return username;
  // Signing in, changing one's own password: the actor's label is his username.
  if (entry.actor.userId !== null && String(entry.actor.userId) === entry.entityId) return entry.actor.label;
  return null;
}

/** The signer an entity-'signer' row concerns, by name. */
export function signerSubject(entry: AuditEntryOut): string | null {
  return stringField(entry.after, 'fullName') ?? stringField(entry.before, 'fullName');
}

const MAX_VALUE = 240;

function shorten(text: string): string {
  return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

/** "Như trên; Thường trực HĐND xã" for a list, JSON for anything else; "(trống)" for nothing. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '(trống)';
  if (Array.isArray(value)) {
    if (value.length === 0) return '(trống)';
    return shorten(value.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('; '));
  }
  return shorten(JSON.stringify(value) ?? String(value));
}

export interface ChangeLine {
  /** Null when the whole value is one scalar or list, not an object of named fields. */
  key: string | null;
  /** Null for a value that did not exist before (a creation). */
  before: string | null;
  after: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The differences between two recorded states: one line per field of the new state whose value
 * differs, every field when there was nothing before. A field recorded only before (an id, a
 * timestamp) was not written by the change, so it is not shown as removed.
 */
export function changeLines(before: unknown, after: unknown): ChangeLine[] {
  const hadBefore = before !== null && before !== undefined;
  if (isRecord(after) && (!hadBefore || isRecord(before))) {
    const old = isRecord(before) ? before : {};
    return Object.keys(after)
      .filter((key) => !hadBefore || !same(old[key], after[key]))
      .map((key) => ({
        key,
        before: hadBefore ? formatValue(old[key]) : null,
        after: formatValue(after[key]),
      }));
  }
  if (isRecord(before) && (after === null || after === undefined)) {
    return Object.keys(before).map((key) => ({ key, before: formatValue(before[key]), after: '(trống)' }));
  }
  if (!hadBefore && (after === null || after === undefined)) return [];
  if (same(before, after)) return [];
  return [{ key: null, before: hadBefore ? formatValue(before) : null, after: formatValue(after) }];
}
