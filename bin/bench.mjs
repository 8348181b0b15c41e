#!/usr/bin/env node
// `npm run bench`: runs bench/run.ts through tsx.
const { register } = await import('tsx/esm/api');
register();
await import(new URL('../bench/run.ts', import.meta.url).href);
