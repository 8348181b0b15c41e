/**
 * A fuzzer over every route of the OpenAPI description: bounded, seeded (a failure is replayed by
 * its seed), in process (`app.inject`, no network). Each request goes to one route as one of the
 * given sessions (roles or anonymous) with values made from the route's schema and then spoiled:
 * ids of 0, -1, 2³¹, 2⁵³ and words, NUL characters and lone surrogates, over-long text, wrong
 * types, missing fields, random JSON. Any 500 is a failure, kept with the route, the input and
 * the error body (whose request id finds the stack in the log).
 */
import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../src/server/context.js';

export interface FuzzSession {
  /** "commune_officer", "anonymous", … : printed with a failure. */
  name: string;
  /** The session cookie ("doingoai_sid=…"), or null for an anonymous caller. */
  cookie: string | null;
}

export interface FuzzOptions {
  /** How many requests in all; spread evenly over routes and sessions. */
  count: number;
  seed: number;
  /** Ids that exist (units, reports, rounds …): valid-looking requests reach real rows. */
  ids?: number[];
  /** Routes not to call, e.g. "POST /api/auth/sign-out" for signed-in sessions. */
  skip?: (route: string, session: FuzzSession) => boolean;
  /** Stop early after this long (the figures say how many were sent). */
  timeLimitMs?: number;
}

export interface FuzzFailure {
  route: string;
  session: string;
  method: string;
  url: string;
  body: string | undefined;
  status: number;
  response: string;
}

export interface FuzzResult {
  seed: number;
  requests: number;
  routes: number;
  byStatus: Record<number, number>;
  failures: FuzzFailure[];
  ms: number;
  /** Time spent per route, slowest first: where the run's time goes. */
  msByRoute: [string, number][];
}

// A small seeded generator (mulberry32), shared with the benchmarks' invented data.
export { type Random, seededRandom } from './random.js';

import { type Random, seededRandom } from './random.js';

const pick = <T>(r: Random, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const chance = (r: Random, p: number) => r() < p;

// ---------- the schema, as @fastify/swagger writes it ----------
interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  body: JsonSchema | null;
}

interface OpenApi {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }
    >
  >;
}

export function operationsOf(app: App): Operation[] {
  const doc = app.swagger() as unknown as OpenApi;
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = op.parameters ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return ops;
}

// ---------- values ----------
const WORDS = ['Thạch Hà', 'báo cáo', 'Sở Ngoại vụ', 'UBND', 'a', 'x-1', '2026', 'Nguyễn Văn An', 'đề cương'];
const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  'x\uD800',
  '\uDC00y',
  '\uD83D',
  '<script>alert(1)</script>',
  "'; drop table users; --",
  '=cmd|"/c calc"!A1',
  '../../etc/passwd',
  '%00',
  ' ',
  '',
  'Ự̛̣̃̉',
  '\u202e\u200b',
  '{{7*7}}',
];
const HOSTILE_NUMBERS = [0, -1, 2 ** 31, 2 ** 31 - 1, 2 ** 32, 2 ** 53, -(2 ** 53), 1.5, 1e308, -0, 99999];
const HOSTILE_PATH = [
  '0',
  '-1',
  '2147483647',
  '2147483648',
  '4294967296',
  '9007199254740992',
  '99999999999999999999',
  '1.5',
  '1e3',
  'abc',
  '%00',
  '%ED%A0%80',
  '%F0%9F%98%80',
  '1%20',
  '0x10',
  'null',
  'Infinity',
  '-0',
];

function randomText(r: Random, min = 0, max = 40): string {
  const len = Math.max(min, Math.min(max, Math.floor(r() * 30)));
  let s = '';
  while (s.length < len) s += `${pick(r, WORDS)} `;
  return s.slice(0, Math.max(len, min));
}

function hostileValue(r: Random): unknown {
  switch (Math.floor(r() * 9)) {
    case 0:
      return pick(r, HOSTILE_TEXT);
    case 1:
      return pick(r, HOSTILE_NUMBERS);
    case 2:
      return 'ư'.repeat(pick(r, [257, 1001, 10_001, 100_001]));
    case 3:
      return null;
    case 4:
      return pick(r, [true, false]);
    case 5:
      return pick(r, [[], {}, [1, 2], { a: 1 }]);
    case 6:
      return String(pick(r, HOSTILE_NUMBERS));
    case 7:
      return randomJson(r, 3);
    default:
      return `${randomText(r)}${pick(r, HOSTILE_TEXT)}`;
  }
}

function randomJson(r: Random, depth: number): unknown {
  const k = Math.floor(r() * (depth > 0 ? 7 : 4));
  if (k === 0) return pick(r, HOSTILE_NUMBERS);
  if (k === 1) return pick(r, HOSTILE_TEXT);
  if (k === 2) return null;
  if (k === 3) return chance(r, 0.5);
  if (k === 4 || k === 5) {
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(r() * 4); i > 0; i--)
      o[pick(r, ['id', 'content', 'a', 'revision', 'x'])] = randomJson(r, depth - 1);
    return o;
  }
  return Array.from({ length: Math.floor(r() * 4) }, () => randomJson(r, depth - 1));
}

function typeOf(schema: JsonSchema): string | undefined {
  const t = schema.type;
  return Array.isArray(t) ? t.find((x) => x !== 'null') : t;
}

/** A value that fits `schema` (often enough), using known ids for ids. */
function fromSchema(r: Random, schema: JsonSchema | undefined, ids: number[], name = '', depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return pick(r, schema.enum);
  const variants = schema.anyOf ?? schema.oneOf;
  if (variants?.length) return fromSchema(r, pick(r, variants), ids, name, depth + 1);
  if (schema.allOf?.length) return fromSchema(r, schema.allOf[0], ids, name, depth + 1);
  if (schema.nullable && chance(r, 0.1)) return null;
  switch (typeOf(schema)) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set(schema.required ?? []);
      for (const [key, child] of Object.entries(schema.properties ?? {})) {
        if (required.has(key) || chance(r, 0.6)) out[key] = fromSchema(r, child, ids, key, depth + 1);
      }
      return out;
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      const n = Math.min(schema.maxItems ?? 3, min + Math.floor(r() * 3));
      return Array.from({ length: n }, () => fromSchema(r, schema.items, ids, name, depth + 1));
    }
    case 'integer':
    case 'number': {
      if (/id$/i.test(name) || name === 'revision' || name === 'baseVersion') return pick(r, ids);
      const lo = schema.minimum ?? 0;
      const hi = Math.min(schema.maximum ?? lo + 100, lo + 1000);
      const v = lo + Math.floor(r() * (hi - lo + 1));
      return typeOf(schema) === 'integer' ? v : v + (chance(r, 0.3) ? 0.5 : 0);
    }
    case 'boolean':
      return chance(r, 0.5);
    case 'string': {
      if (schema.format === 'date' || /date|On$/i.test(name))
        return pick(r, ['2026-06-12', '2026-02-30', '1999-01-01']);
      return randomText(r, schema.minLength ?? 0, schema.maxLength ?? 60);
    }
    default:
      return randomJson(r, 2);
  }
}

/** Replaces one leaf (or drops one field) of `value` with something hostile. */
function spoil(r: Random, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || chance(r, 0.2)) return hostileValue(r);
    const copy = [...value];
    const i = Math.floor(r() * copy.length);
    copy[i] = spoil(r, copy[i], depth + 1);
    return copy;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value);
    if (entries.length === 0 || chance(r, 0.1)) return hostileValue(r);
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const key = pick(r, entries);
    if (chance(r, 0.2)) delete copy[key];
    else copy[key] = spoil(r, copy[key], depth + 1);
    return copy;
  }
  return hostileValue(r);
}

// ---------- requests ----------
/** encodeURIComponent, but a lone surrogate becomes its 3-byte WTF-8 form (%ED%A0%80) as a broken client would send it. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    let out = '';
    for (const ch of value) {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff) {
        out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
          .map((b) => `%${b.toString(16).toUpperCase()}`)
          .join('');
      } else out += encodeURIComponent(ch);
    }
    return out;
  }
}

function pathValue(r: Random, param: Parameter, ids: number[]): string {
  if (chance(r, 0.45)) return pick(r, HOSTILE_PATH);
  const v = fromSchema(r, param.schema, ids, param.name);
  return encode(String(v));
}

function queryString(r: Random, params: Parameter[], ids: number[]): string {
  const parts: string[] = [];
  for (const p of params) {
    if (!p.required && chance(r, 0.5)) continue;
    let v: string;
    if (chance(r, 0.3)) v = chance(r, 0.5) ? pick(r, HOSTILE_PATH) : encode(String(hostileValue(r)));
    else v = encode(String(fromSchema(r, p.schema, ids, p.name)));
    parts.push(`${encodeURIComponent(p.name)}=${v}`);
  }
  if (chance(r, 0.05)) parts.push(`${pick(r, ['id', 'x', 'unitId'])}=${pick(r, HOSTILE_PATH)}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The request body as sent: JSON text, or undefined for none. */
function bodyFor(r: Random, op: Operation, ids: number[]): string | undefined {
  if (op.method === 'GET' || op.method === 'DELETE') return chance(r, 0.03) ? '{"a":1}' : undefined;
  const roll = r();
  if (!op.body) return roll < 0.7 ? undefined : JSON.stringify(randomJson(r, 3));
  if (roll < 0.05) return undefined;
  if (roll < 0.1) return JSON.stringify(randomJson(r, 3));
  if (roll < 0.13) return pick(r, ['{', '{"a":', '[1,2', 'null', '"x"', '\u0000', '{"a":"\\ud800"}']);
  const valid = fromSchema(r, op.body, ids);
  if (roll < 0.3) return JSON.stringify(valid);
  let spoiled = spoil(r, valid);
  if (chance(r, 0.3)) spoiled = spoil(r, spoiled);
  return JSON.stringify(spoiled);
}

export async function runFuzz(app: App, sessions: FuzzSession[], options: FuzzOptions): Promise<FuzzResult> {
  const r = seededRandom(options.seed);
  const ops = operationsOf(app);
  const ids = [1, 2, 3, 5, 10, ...(options.ids ?? [])];
  const byStatus: Record<number, number> = {};
  const failures: FuzzFailure[] = [];
  const started = Date.now();
  const plan: [Operation, FuzzSession][] = [];
  for (const op of ops) {
    for (const s of sessions) if (!options.skip?.(`${op.method} ${op.path}`, s)) plan.push([op, s]);
  }
  let requests = 0;
  const timeByRoute = new Map<string, number>();
  for (let i = 0; i < options.count; i++) {
    if (options.timeLimitMs !== undefined && Date.now() - started > options.timeLimitMs) break;
    const [op, session] = plan[i % plan.length] as [Operation, FuzzSession];
    let url = op.path;
    for (const p of op.pathParams) url = url.replace(`{${p.name}}`, pathValue(r, p, ids));
    url += queryString(r, op.query, ids);
    const body = bodyFor(r, op, ids);
    const headers: Record<string, string> = {};
    if (session.cookie) headers.cookie = session.cookie;
    if (body !== undefined) headers['content-type'] = chance(r, 0.02) ? 'text/plain' : 'application/json';
    let res: LightMyRequestResponse;
    const t0 = Date.now();
    const route = `${op.method} ${op.path}`;
    try {
      res = await app.inject({
        method: op.method as 'GET',
        url,
        headers,
        ...(body === undefined ? {} : { payload: body }),
      });
    } catch (error) {
      failures.push({
        route: `${op.method} ${op.path}`,
        session: session.name,
        method: op.method,
        url,
        body: body?.slice(0, 500),
        status: 0,
        response: String(error),
      });
      requests += 1;
      continue;
    }
    requests += 1;
    timeByRoute.set(route, (timeByRoute.get(route) ?? 0) + Date.now() - t0);
    byStatus[res.statusCode] = (byStatus[res.statusCode] ?? 0) + 1;
    if (
      res.statusCode >= 500 &&
      !EXPECTED_5XX.has(res.json<{ error?: { code?: string } }>().error?.code ?? '')
    ) {
      failures.push({
        route: `${op.method} ${op.path}`,
        session: session.name,
        method: op.method,
        url,
        body: body?.slice(0, 500),
        status: res.statusCode,
        response: res.body.slice(0, 500),
      });
    }
  }
  const msByRoute = [...timeByRoute].sort((a, b) => b[1] - a[1]);
  return {
    seed: options.seed,
    requests,
    routes: ops.length,
    byStatus,
    failures,
    ms: Date.now() - started,
    msByRoute,
  };
}

/** 5xx answers that are a state of the server, not a fault: LibreOffice missing, a failed conversion. */
const EXPECTED_5XX = new Set(['PDF_UNAVAILABLE', 'PDF_FAILED', 'UNAVAILABLE']);

/** One line per failure, enough to replay it. */
export function describeFailures(result: FuzzResult, limit = 20): string {
  const lines = result.failures
    .slice(0, limit)
    .map(
      (f) =>
        `${f.status} ${f.method} ${f.url} as ${f.session}\n    body: ${JSON.stringify(f.body)}\n    answer: ${f.response}`,
    );
  return `seed ${result.seed}: ${result.failures.length} failures of ${result.requests} requests\n${lines.join('\n')}`;
}
