/** Small form helpers: one error map per form, fed by zod on the client and by the server's `fields`. */
import { useCallback, useState } from 'react';
import { ApiError } from '../api/client';

export type FieldErrors = Record<string, string>;

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/** zod issues → { "grants.0.unitId": "Cần chọn đơn vị." }; the first message of a field wins. */
export function issuesToErrors(issues: readonly Issue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.map(String).join('.');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/** The server's per-field messages, keyed the same way as zod's. */
export function serverFieldErrors(error: unknown): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  return issuesToErrors(error.fields.map((f) => ({ path: f.path.split('.'), message: f.message })));
}

/** The message for a field, or for any part of it ("kinhGui" shows the error of "kinhGui.3"). */
export function errorFor(errors: FieldErrors, key: string): string | undefined {
  if (errors[key]) return errors[key];
  const prefix = `${key}.`;
  const found = Object.keys(errors).find((k) => k.startsWith(prefix));
  return found ? errors[found] : undefined;
}

/** Values and errors of a form; editing a field clears its error. */
export function useFormState<T extends object>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = useCallback(<K extends keyof T>(key: K, value: T[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => {
      const name = String(key);
      if (!Object.keys(e).some((k) => k === name || k.startsWith(`${name}.`))) return e;
      return Object.fromEntries(Object.entries(e).filter(([k]) => k !== name && !k.startsWith(`${name}.`)));
    });
  }, []);
  return { values, setValues, set, errors, setErrors };
}
