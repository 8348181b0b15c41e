import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('reminder and e-mail settings', () => {
  it('have defaults: no e-mail, jobs every 15 minutes', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ smtpUrl: undefined, jobsIntervalMinutes: 15, remindDays: 3 });
    expect(config.smtpFrom).toBe('doingoai <no-reply@localhost>');
  });

  it('take an SMTP server, a sender and an interval', () => {
    const config = loadConfig({
      SMTP_URL: 'smtp://canbo:mat-khau@127.0.0.1:2525',
      SMTP_FROM: 'doingoai Hà Tĩnh <no-reply@hatinh.gov.vn>',
      JOBS_INTERVAL_MINUTES: '5',
      PUBLIC_URL: 'https://doingoai.hatinh.gov.vn',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtp://canbo:mat-khau@127.0.0.1:2525',
      jobsIntervalMinutes: 5,
      publicUrl: 'https://doingoai.hatinh.gov.vn',
    });
  });

  it('refuse a wrong value with a message that says which', () => {
    expect(() => loadConfig({ SMTP_URL: 'mail.hatinh.gov.vn' })).toThrow(ConfigError);
    expect(() => loadConfig({ SMTP_URL: 'mail.hatinh.gov.vn' })).toThrow(/SMTP_URL phải có dạng smtp:\/\//);
    expect(() => loadConfig({ JOBS_INTERVAL_MINUTES: '0' })).toThrow(/JOBS_INTERVAL_MINUTES phải từ 1/);
  });
});

describe('settings for several instances', () => {
  it('name the instance for the logs and let an instance run no jobs', () => {
    expect(loadConfig({})).toMatchObject({ instanceId: undefined, jobs: true });
    expect(loadConfig({ INSTANCE_ID: 'app-2', JOBS: 'off' })).toMatchObject({
      instanceId: 'app-2',
      jobs: false,
    });
    expect(() => loadConfig({ JOBS: 'no' })).toThrow(/JOBS chỉ nhận on hoặc off/);
    expect(() => loadConfig({ INSTANCE_ID: 'máy 1' })).toThrow(/INSTANCE_ID chỉ gồm/);
  });
});

describe('cookies and proxies', () => {
  it('makes cookies Secure under NODE_ENV=production unless told otherwise, and not in development', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ COOKIE_SECURE: 'true' }).cookieSecure).toBe(true);
    // Turned off on purpose (plain HTTP on a LAN): honoured, and the app warns at start.
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('trusts no proxy by default and reads a list of addresses and ranges', () => {
    expect(loadConfig({}).trustedProxies).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8,::1' }).trustedProxies).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.local' })).toThrow(
      /TRUSTED_PROXIES chỉ gồm địa chỉ IP/,
    );
  });
});
