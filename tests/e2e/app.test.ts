/**
 * End to end, in browser mode: the real host (core's compiler, dis and trace in engine workers)
 * behind the real server, the built renderer in headless Chromium (stack.md §3). Walks the sample
 * program, checks what the page shows, and keeps a screenshot as an artifact.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserServer, type BrowserServer } from '../../main/browser/server.js';
import { Host } from '../../main/host/host.js';

const rendererDir = fileURLToPath(new URL('../../renderer/', import.meta.url));
const artifacts = fileURLToPath(new URL('../../../tests/artifacts/', import.meta.url));

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

describe('Bytescope in browser mode', () => {
  let host: Host;
  let server: BrowserServer;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    // A step budget an endless loop cannot reach during the Pause test: the VM runs millions of
    // instructions a second, and reaching the app's default budget would end the run by itself.
    host = new Host({ shell: 'browser', limits: { maxSteps: Number.MAX_SAFE_INTEGER } });
    server = await startBrowserServer({ host, rendererDir });
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    await page.goto(server.url);
    await page.locator('[data-testid="step-forward"]:not([disabled])').waitFor({ timeout: 30_000 });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await host?.dispose();
  });

  /**
   * Replaces the editor's text as a user would. Select all, then delete through CodeMirror's own
   * command (Backspace) before inserting: a native replace of a multi-line selection makes
   * Chromium try inline style attributes, which the CSP refuses.
   */
  async function replaceSource(text: string): Promise<void> {
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.insertText(text);
    const lines = await page.locator('.cm-line').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
    assert.deepEqual(lines, text.split('\n'), 'the editor holds exactly the text typed');
  }

  /** The page's value stack, top first, as the slots' accessible labels. */
  const stackLabels = (): Promise<string[]> =>
    page.locator('[data-testid="stack"] [data-testid="stack-slot"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));

  it('shows the sample program, its bytecode and the machine before the first instruction', async () => {
    assert.match((await page.locator('.cm-content').textContent()) ?? '', /def square\(n\):/);
    const current = page.locator('.ins.current');
    assert.equal(await current.count(), 1);
    assert.equal(await current.getAttribute('data-offset'), '0');
    assert.match((await current.textContent()) ?? '', /RESUME/);
    assert.ok((await page.locator('.code-block').count()) >= 2, 'the module and square() each have a listing');
    assert.equal(await page.locator('[data-testid="step-count"]').textContent(), 'step 0');
    assert.deepEqual(await stackLabels(), []);
  });

  it('steps three instructions forward and one back, and shows the value stack at step 2', async () => {
    const forward = page.locator('[data-testid="step-forward"]');
    for (let i = 1; i <= 3; i++) {
      await forward.click();
      await page.locator('[data-testid="step-count"]', { hasText: new RegExp(`^step ${i}\\b`) }).waitFor();
    }
    // After RESUME, LOAD_CONST <code object square>, MAKE_FUNCTION: the function is on the stack.
    await page.locator('[data-testid="stack-slot"][aria-label^="function"]').waitFor();
    await page.locator('[data-testid="step-back"]').click();
    await page.locator('[data-testid="step-count"]', { hasText: /^step 2\b/ }).waitFor();
    await page.locator('[data-testid="stack-slot"][aria-label^="code"]').waitFor();

    const stack = await stackLabels();
    assert.equal(stack.length, 1, `stack: ${JSON.stringify(stack)}`);
    assert.match(stack[0], /^code <code object square at 0x[0-9a-f]+, file "main\.py", line 1>$/);
    const current = page.locator('.ins.current');
    assert.match((await current.textContent()) ?? '', /MAKE_FUNCTION/);
    assert.equal(await current.getAttribute('data-offset'), '4');
    assert.match((await page.locator('.cm-bs-exec-line').first().textContent()) ?? '', /def square\(n\):/);
    assert.match((await page.locator('.last-op').textContent()) ?? '', /executed LOAD_CONST/);

    mkdirSync(artifacts, { recursive: true });
    await page.waitForTimeout(400); // let the stack's slide finish before the picture
    await page.screenshot({ path: `${artifacts}walking-skeleton.png` });
  });

  it('follows a call into square() with the F10 shortcut and shows its locals and both frames', async () => {
    await page.locator('[data-testid="reset"]').click();
    await page.locator('[data-testid="step-count"]', { hasText: /^step 0\b/ }).waitFor();
    for (let step = 1; (await page.locator('.frames .frame').count()) < 2; step++) {
      assert.ok(step < 100, 'square() is called within 100 instructions');
      await page.keyboard.press('F10');
      await page.locator('[data-testid="step-count"]', { hasText: new RegExp(`^step ${step}\\b`) }).waitFor();
    }
    assert.match((await page.locator('.frames .frame.top').textContent()) ?? '', /square/);
    assert.match((await page.locator('.names-panel h2').textContent()) ?? '', /Locals of square/);
    assert.deepEqual(await page.locator('[data-testid="names"] [data-testid="binding"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label'))), [
      'n = 0',
    ]);
    assert.equal(await page.locator('.ins.caller').count(), 1, "the module's CALL is shown as waiting");
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${artifacts}walking-skeleton-call.png` });
  });

  it('runs the program to the end and prints its output', async () => {
    await page.locator('[data-testid="run-to-end"]').click();
    await page.locator('[data-testid="status"]', { hasText: 'finished' }).waitFor();
    assert.equal(await page.locator('[data-testid="console"] .console-text').first().textContent(), 'squares: [0, 1, 4, 9]\ntotal: 14\n');
  });

  it("shows CPython's syntax error message and position", async () => {
    await replaceSource('total = 0\nprint("unclosed"\n');
    const error = page.locator('[data-testid="syntax-error"]');
    await error.waitFor({ timeout: 10_000 });
    assert.equal(await error.textContent(), "SyntaxError: '(' was never closed (line 2, column 6)");
    assert.equal(await page.locator('.cm-bs-error-range').textContent(), '(');
    assert.match((await page.locator('.cm-bs-error-line').textContent()) ?? '', /^print\("unclosed"$/);
    assert.equal(
      await page.locator('[data-testid="console"] .console-text').textContent(),
      '  File "main.py", line 2\n    print("unclosed"\n         ^\nSyntaxError: \'(\' was never closed\n',
    );
  });

  it('stops an endless loop with Pause and keeps the page responsive', async () => {
    await replaceSource('n = 0\nwhile True:\n    n += 1\n');
    await page.locator('.ins.current').waitFor({ timeout: 10_000 });
    await page.locator('[data-testid="run-to-end"]').click();
    await page.locator('[data-testid="pause"]').click();
    await page.locator('[data-testid="play"]').waitFor({ timeout: 5_000 });
    assert.equal(await page.locator('[data-testid="status"]').textContent(), 'running');
    const step = Number(/\d+/.exec((await page.locator('[data-testid="step-count"]').textContent()) ?? '')?.[0]);
    assert.ok(step > 0, 'the run advanced before it was stopped');
    await page.locator('[data-testid="step-forward"]').click();
    await page.locator('[data-testid="step-count"]', { hasText: new RegExp(`^step ${step + 1}\\b`) }).waitFor();
  });

  it('raised no page errors and no Content-Security-Policy violations', () => {
    assert.deepEqual(problems, []);
  });
});
