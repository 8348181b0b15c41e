#!/usr/bin/env node
// The `doingoai` command. In the repository it runs the TypeScript sources through tsx;
// after `npm run build` (dist/ present, src/ absent) it runs the compiled JavaScript.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const built = new URL('../dist/cli/main.js', import.meta.url);
let entry = built;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = source;
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv);
