#!/usr/bin/env node
// `npm start`: builds the web app when it is missing or older than its sources, then serves.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = path.join(root, 'web/dist/index.html');

function newest(entry) {
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const name of readdirSync(entry)) latest = Math.max(latest, newest(path.join(entry, name)));
  return latest;
}

const sources = ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/domain'].map((p) =>
  path.join(root, p),
);
const stale =
  !existsSync(built) || Math.max(...sources.filter(existsSync).map(newest)) > statSync(built).mtimeMs;
if (stale) {
  console.log('Đang xây dựng giao diện web (chỉ lần đầu hoặc khi mã nguồn thay đổi)…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const compressed =
    result.status === 0
      ? spawnSync(process.execPath, [path.join(root, 'web/compress.mjs')], { stdio: 'inherit' })
      : result;
  if (result.status !== 0 || compressed.status !== 0) {
    console.error('Không xây dựng được giao diện web. Hãy chạy "npm install" rồi thử lại.');
    process.exit(result.status ?? 1);
  }
}

const { register } = await import('tsx/esm/api');
register();
const { main } = await import(new URL('../src/cli/main.ts', import.meta.url).href);
process.exitCode = await main([process.argv[0], 'doingoai', 'serve', ...process.argv.slice(2)]);
