/**
 * Start-up and web bundle figures: the first `doingoai serve` on an empty data folder (migrations,
 * catalogue, demo), a later start on the same folder, and the gzipped size of the built web app.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BIN = fileURLToPath(new URL('../bin/doingoai.mjs', import.meta.url));
const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));

function timeStart(dataDir: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'serve'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d;
      if (/đang chạy tại/.test(out) && !child.killed) {
        const ms = performance.now() - started;
        child.once('close', () => resolve(ms));
        child.kill('SIGTERM');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) => {
      if (!/đang chạy tại/.test(out)) reject(new Error(`doingoai serve exited with ${code}: ${out}`));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export async function benchStartup(runs = 3): Promise<void> {
  const firsts: number[] = [];
  const laters: number[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(path.join(tmpdir(), 'doingoai-bench-'));
    try {
      firsts.push(await timeStart(path.join(dir, 'data')));
      laters.push(await timeStart(path.join(dir, 'data')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const f = median(firsts);
  const l = median(laters);
  console.log(`start-up (median of ${runs}, process start to listening, tsx):`);
  console.log(`  first start, empty data folder: ${(f / 1000).toFixed(2)} s`);
  console.log(
    `  later start, same folder:       ${(l / 1000).toFixed(2)} s  (ratio first/later ${(f / l).toFixed(2)})`,
  );
}

export function benchBundle(): void {
  if (!existsSync(WEB_DIST)) {
    console.log('web bundle: web/dist missing, run npm run build:web');
    return;
  }
  const files: { name: string; raw: number; gz: number }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(js|css|html)$/.test(name)) {
        const data = readFileSync(full);
        files.push({
          name: path.relative(WEB_DIST, full),
          raw: data.length,
          gz: gzipSync(data, { level: 9 }).length,
        });
      }
    }
  };
  walk(WEB_DIST);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
  const total = files.reduce((s, f) => s + f.gz, 0);
  const html = readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
  const initial = files.filter((f) => f.name === 'index.html' || html.includes(path.basename(f.name)));
  console.log('web bundle (gzip -9):');
  console.log(
    `  first load (index.html and what it links): ${kb(initial.reduce((s, f) => s + f.gz, 0))} in ${initial.length} files`,
  );
  console.log(
    `  whole app: ${kb(total)} in ${files.length} files (raw ${kb(files.reduce((s, f) => s + f.raw, 0))})`,
  );
  for (const f of files.sort((a, b) => b.gz - a.gz).slice(0, 8)) console.log(`    ${f.name}: ${kb(f.gz)}`);
}
