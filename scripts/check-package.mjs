#!/usr/bin/env node
// Checks the unpacked Linux app that `electron-builder --linux --dir` wrote: the asar must hold the
// app's own build output and package.json, and nothing else (no sources, tests, node_modules or
// goldens). Usage: node scripts/check-package.mjs DIST_DIR
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import asar from '@electron/asar';

const dist = process.argv[2] ?? 'dist';
const archive = join(dist, 'linux-unpacked', 'resources', 'app.asar');
if (!existsSync(archive)) {
  console.error(`check-package: ${archive} is missing`);
  process.exit(1);
}
const files = asar.listPackage(archive, { isPack: false }).map((f) => f.replace(/\\/g, '/'));
const allowed = [/^\/package\.json$/, /^\/build(\/(core|main|renderer)(\/.*)?)?$/];
const stray = files.filter((f) => !allowed.some((re) => re.test(f)));
const required = ['/package.json', '/build/main/electron/app.js', '/build/renderer/index.html', '/build/core/index.js'];
const missing = required.filter((f) => !files.includes(f));
if (stray.length || missing.length) {
  if (stray.length) console.error(`check-package: unexpected files in app.asar:\n  ${stray.slice(0, 20).join('\n  ')}`);
  if (missing.length) console.error(`check-package: missing from app.asar:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-package: app.asar holds ${files.length} entries, all from build/ or package.json`);
