/**
 * What `npm start` runs after the build: the Electron app when its runtime is installed, otherwise
 * browser mode on 127.0.0.1, with one line saying why and the address to open (token included).
 * Usage: node build/main/app/start.js [--browser] [--port N]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startBrowserServer } from '../browser/server.js';
import { APP_ROOT, RENDERER_DIR } from '../host/app-info.js';
import { Host } from '../host/host.js';
import { chooseShell, parseStartArgs } from './runtime.js';

async function main(): Promise<number> {
  const args = parseStartArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    process.stderr.write(`bytescope start: ${args}\nusage: node build/main/app/start.js [--browser] [--port N]\n`);
    return 2;
  }
  const appRoot = fileURLToPath(APP_ROOT);
  const rendererDir = fileURLToPath(RENDERER_DIR);
  if (!existsSync(`${rendererDir}/index.html`)) {
    process.stderr.write(`Bytescope: the renderer is not built (no ${rendererDir}index.html); run \`npm run build\` first.\n`);
    return 1;
  }
  const shell = args.forceBrowser ? { kind: 'browser' as const, reason: 'browser mode was asked for (--browser)' } : chooseShell(appRoot);
  if (shell.kind === 'electron') {
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(shell.binary, [appRoot], { stdio: 'inherit', env });
    return new Promise((resolve) => {
      child.on('error', (e) => {
        process.stderr.write(`Bytescope: could not start Electron (${e.message}).\n`);
        resolve(1);
      });
      child.on('exit', (code) => resolve(code ?? 1));
    });
  }
  process.stdout.write(`Bytescope: ${shell.reason}; starting in browser mode.\n`);
  const host = new Host({ shell: 'browser' });
  const server = await startBrowserServer({ host, rendererDir, port: args.port });
  process.stdout.write(`Bytescope is running at ${server.url}\nOpen that address in a browser on this computer. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await host.dispose();
  return 0;
}

process.exitCode = await main();
