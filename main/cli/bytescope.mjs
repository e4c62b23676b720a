#!/usr/bin/env node
// The `bytescope` command (package.json "bin"): starts the compiled CLI from build/.
// `npm install` builds it (the "prepare" script); `npm run build` rebuilds it.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../../build/main/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  process.stderr.write(`bytescope: not built yet; run \`npm run build\` in ${root}\n`);
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
