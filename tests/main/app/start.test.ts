import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

const startJs = fileURLToPath(new URL('../../../main/app/start.js', import.meta.url));

function fetchText(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('start.js', () => {
  it('says in one line why there is no Electron window, then serves browser mode at a tokened URL', async () => {
    const child = spawn(process.execPath, [startJs, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed; output so far: ${out}`)), 10_000);
        child.stdout.setEncoding('utf8');
        child.stdout.on('data', (chunk: string) => {
          out += chunk;
          const m = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{40,})/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`start.js exited with ${code}: ${out}`)));
      });
      assert.equal(
        out.split('\n')[0],
        'Bytescope: the Electron runtime is not installed (its download is blocked on this network); starting in browser mode.',
      );
      const page = await fetchText(url);
      assert.equal(page.status, 200);
      assert.match(page.body, /<div id="root"><\/div>/);
      assert.equal((await fetchText(url.replace(/\?token=.*/, ''))).status, 403);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });

  it('refuses an unknown option with usage and exit status 2', async () => {
    const child = spawn(process.execPath, [startJs, '--bogus'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (c: string) => (err += c));
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, 2);
    assert.match(err, /unknown option --bogus/);
  });
});
