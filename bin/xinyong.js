#!/usr/bin/env node
// Runs the compiled CLI (npm run build); falls back to the TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const compiled = join(root, 'dist', 'cli.js');
if (!existsSync(compiled)) {
  const { register } = await import('tsx/esm/api');
  register();
}
const { main } = await import(pathToFileURL(existsSync(compiled) ? compiled : join(root, 'src', 'cli.ts')).href);
await main();
