/** Configuration from the environment, validated once at start-up with a clear message. */
import path from 'node:path';
import { z } from 'zod';
import type { HolidayCalendar } from '../domain/holidays.js';
import { ROOT } from '../paths.js';
import { readHolidayFile } from './holidays.js';

/** A comma-separated list, blanks dropped. */
const commaList = () =>
  z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT phải là một số.' })
    .int({ error: 'PORT phải là số nguyên.' })
    .min(0, { error: 'PORT phải từ 0 đến 65535.' })
    .max(65535, { error: 'PORT phải từ 0 đến 65535.' })
    .default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATA_DIR: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, {
      error: 'DATABASE_URL phải có dạng postgres://người-dùng@máy:cổng/tên-csdl.',
    })
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  SESSION_TTL_HOURS: z.coerce
    .number({ error: 'SESSION_TTL_HOURS phải là một số.' })
    .positive({ error: 'SESSION_TTL_HOURS phải lớn hơn 0.' })
    .max(24 * 30, { error: 'SESSION_TTL_HOURS tối đa 720 giờ.' })
    .default(12),
  /**
   * "true" when the site is served over HTTPS (behind a proxy): cookies get the Secure flag. Unset,
   * it is true under NODE_ENV=production and false otherwise; "false" in production is honoured
   * (a plain-HTTP LAN) but the server says so in its log at every start.
   */
  COOKIE_SECURE: z.enum(['true', 'false'], { error: 'COOKIE_SECURE chỉ nhận true hoặc false.' }).optional(),
  /**
   * Addresses of the reverse proxies whose X-Forwarded-For is believed (comma separated: IPs or
   * CIDR ranges, e.g. "127.0.0.1,10.0.0.0/8"). Unset: the header is ignored, the client is the peer.
   */
  TRUSTED_PROXIES: commaList().pipe(
    z.array(
      z.string().regex(/^[0-9a-fA-F.:]+(\/\d{1,3})?$/, {
        error:
          'TRUSTED_PROXIES chỉ gồm địa chỉ IP hoặc dải CIDR, cách nhau bằng dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8).',
      }),
    ),
  ),
  /** Extra origins allowed to send state-changing requests (comma separated), e.g. a dev server. */
  TRUSTED_ORIGINS: commaList(),
  /** Optional holiday list (one ISO date per line, "# comments"); its years replace the built-in ones. */
  HOLIDAYS_FILE: z.string().min(1).optional(),
  /** Reminders by e-mail: smtp://user:pass@host:587 or smtps://host:465; unset = in the app only. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+/, {
      error: 'SMTP_URL phải có dạng smtp://người-dùng:mật-khẩu@máy:cổng (hoặc smtps://…).',
    })
    .optional(),
  SMTP_FROM: z
    .string()
    .min(3, { error: 'SMTP_FROM phải là địa chỉ người gửi, ví dụ "doingoai <no-reply@hatinh.gov.vn>".' })
    .default('doingoai <no-reply@localhost>'),
  /** How often the background jobs run (new round occurrences, reminders, e-mails). */
  JOBS_INTERVAL_MINUTES: z.coerce
    .number({ error: 'JOBS_INTERVAL_MINUTES phải là một số.' })
    .int({ error: 'JOBS_INTERVAL_MINUTES phải là số nguyên.' })
    .min(1, { error: 'JOBS_INTERVAL_MINUTES phải từ 1 đến 1440 phút.' })
    .max(1440, { error: 'JOBS_INTERVAL_MINUTES phải từ 1 đến 1440 phút.' })
    .default(15),
  /** Days before a round's deadline when reminders start, for rounds that do not say. */
  REMIND_DAYS: z.coerce
    .number({ error: 'REMIND_DAYS phải là một số.' })
    .int({ error: 'REMIND_DAYS phải là số nguyên.' })
    .min(0, { error: 'REMIND_DAYS phải từ 0 đến 30 ngày.' })
    .max(30, { error: 'REMIND_DAYS phải từ 0 đến 30 ngày.' })
    .default(3),
  /** The site's public address, for links in e-mails (e.g. https://doingoai.hatinh.gov.vn). */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/\S+$/, { error: 'PUBLIC_URL phải có dạng http(s)://tên-máy.' })
    .optional(),
  /** A name for this instance in the logs when several run on one database ("app1", "app2"). */
  INSTANCE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, {
      error: 'INSTANCE_ID chỉ gồm chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới (tối đa 64 ký tự).',
    })
    .optional(),
  /** "off": this instance runs no background jobs (another instance, or a dedicated one, does). */
  JOBS: z
    .enum(['on', 'off'], { error: 'JOBS chỉ nhận on hoặc off.' })
    .default('on')
    .transform((v) => v === 'on'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'LOG_LEVEL chỉ nhận fatal, error, warn, info, debug, trace hoặc silent.',
    })
    .optional(),
});

export interface Config {
  port: number;
  host: string;
  /** Folder of the embedded database; unused when `databaseUrl` is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  env: 'development' | 'production' | 'test';
  sessionTtlHours: number;
  cookieSecure: boolean;
  trustedOrigins: string[];
  /** Proxies whose X-Forwarded-For gives the client's address (TRUSTED_PROXIES); empty: none. */
  trustedProxies?: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Public holidays for working-day deadlines (built-in tables, or HOLIDAYS_FILE over them). */
  holidays?: HolidayCalendar;
  /** Reminders by e-mail when set (SMTP_URL). */
  smtpUrl?: string | undefined;
  smtpFrom?: string;
  jobsIntervalMinutes?: number;
  /** The default number of days before a deadline when reminders start (REMIND_DAYS, 3). */
  remindDays?: number;
  publicUrl?: string | undefined;
  /** INSTANCE_ID: added to every log line as `instance`. */
  instanceId?: string | undefined;
  /** JOBS: whether this instance runs the background jobs (default true). */
  jobs?: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Cấu hình môi trường không hợp lệ:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  let holidays: HolidayCalendar;
  try {
    holidays = readHolidayFile(e.HOLIDAYS_FILE);
  } catch (error) {
    throw new ConfigError(
      `Cấu hình môi trường không hợp lệ:\n  - HOLIDAYS_FILE: ${(error as Error).message}`,
    );
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR ?? path.join(ROOT, '.data')),
    databaseUrl: e.DATABASE_URL,
    env: e.NODE_ENV,
    sessionTtlHours: e.SESSION_TTL_HOURS,
    cookieSecure: e.COOKIE_SECURE === undefined ? e.NODE_ENV === 'production' : e.COOKIE_SECURE === 'true',
    trustedOrigins: e.TRUSTED_ORIGINS,
    trustedProxies: e.TRUSTED_PROXIES,
    // Request logs in production; only warnings and errors on a developer's terminal.
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'production' ? 'info' : 'warn'),
    holidays,
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    jobsIntervalMinutes: e.JOBS_INTERVAL_MINUTES,
    remindDays: e.REMIND_DAYS,
    publicUrl: e.PUBLIC_URL,
    instanceId: e.INSTANCE_ID,
    jobs: e.JOBS,
  };
}
