// A user's view of the packaged extension: secpolicy.vsix installed into code-server, the
// workbench driven through headless Chromium with the keys and selectors a person (and VS
// Code's own smoke tests) would use. Every step waits on a selector; nothing sleeps.
// Screenshots land in .test-artifacts/e2e/.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, ROOT, Session, missingTools, openBrowser, type CodeServer } from '../code-server';
import { UI_WORKSPACE_FILES } from '../workspace';

const VSIX = join(ROOT, 'secpolicy.vsix');
const MESSAGE = 'No private channel for reporting a vulnerability';
const FIX_TITLE = 'Add a security contact email';

/** The page's DOM, as far as the functions run inside the page use it (no DOM lib here). */
declare const document: {
  querySelectorAll(selector: string): Iterable<{ getBoundingClientRect(): { y: number } }>;
};

/** Monaco renders spaces as U+00A0. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');

describe('secpolicy.vsix in code-server, as a user sees it', function () {
  // One story in steps: a failed step leaves nothing for the next one to check.
  this.bail(true);

  let session: Session | undefined;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  let failed = false;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const editor = () => page.locator('.editor-instance .monaco-editor .view-lines');
  const squiggle = () => page.locator('.editor-instance .monaco-editor .squiggly-error').first();

  before(async function () {
    const missing = missingTools();
    if (missing) {
      // CI installs them (.ci/run); only a developer machine without them may skip.
      assert.ok(!process.env.CI, missing);
      console.log(`      skipped: ${missing}`);
      this.skip();
    }
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package`);
    session = new Session('ui', UI_WORKSPACE_FILES);
    try {
      session.installExtension(VSIX);
      server = await session.startServer();
      ({ context, page } = await openBrowser(session));
      page.setDefaultTimeout(20_000);
      // Starting the workbench is the slowest part: give it a minute, then 20 s a step.
      await page.goto(server.workbenchUrl(session.workspace), { waitUntil: 'commit' });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      // The explorer lists the folder once the remote file system answers.
      await page
        .locator('.explorer-folders-view .monaco-list-row', { hasText: 'SECURITY.md' })
        .waitFor({ timeout: 60_000 });
    } catch (error) {
      failed = true;
      if (context) await shot('ui-failure-startup').catch(() => undefined);
      throw error;
    }
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed') return;
    failed = true;
    const name = `ui-failure-${this.currentTest.title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`;
    await shot(name).catch(() => undefined);
    console.log(`      screenshot: ${join(ARTIFACTS, `${name}.png`)}`);
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    if (failed) console.log(`      kept the workspace and profiles for inspection: ${session?.dir}`);
    else session?.remove();
  });

  it('opens SECURITY.md from quick open (Ctrl+P) and shows an error squiggle', async () => {
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('SECURITY.md');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'SECURITY.md' }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab[aria-label*="SECURITY.md"]').waitFor();
    await editor().filter({ hasText: 'Reporting a Vulnerability' }).waitFor();
    await squiggle().waitFor();
    await shot('01-squiggle');
  });

  it('lists policy/no-contact in the Problems panel (Ctrl+Shift+M)', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'policy/no-contact' });
    await row.waitFor();
    assert.match(await text(row), new RegExp(MESSAGE));
    await shot('02-problems');
  });

  it('shows the message when the mouse rests on the squiggle', async () => {
    const box = await squiggle().boundingBox();
    assert.ok(box, 'the squiggle has a position on screen');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: MESSAGE });
    await hover.waitFor();
    assert.match(await text(hover), /policy\/no-contact/);
    await shot('03-hover');
    await page.keyboard.press('Escape');
  });

  it('applies the quick fix from Ctrl+. and the error goes away', async () => {
    const box = (await squiggle().boundingBox())!;
    // A click puts the cursor on the problem, as a person would before pressing Ctrl+.
    await page.mouse.click(box.x + 4, box.y + box.height / 2);
    await page.keyboard.press('Control+.');
    // The preferred fix comes first and has the focus: Enter applies it.
    await page.locator('.action-widget .monaco-list-row.focused', { hasText: FIX_TITLE }).waitFor();
    await shot('04-quick-fix-menu');
    await page.keyboard.press('Enter');
    // A line of its own that names the placeholder address.
    const line = editor().locator('.view-line', { hasText: 'security@example.com' });
    await line.waitFor();
    assert.match(await text(line), /^\S.*\bsecurity@example\.com\b/);
    // The problem leaves the Problems panel, and the heading loses its squiggle. (The inserted
    // placeholder address may well get one of its own: that is another rule's business.)
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'policy/no-contact' })
      .waitFor({ state: 'detached' });
    await page.waitForFunction(
      (y) =>
        ![...document.querySelectorAll('.editor-instance .monaco-editor .squiggly-error')].some(
          (element) => Math.abs(element.getBoundingClientRect().y - y) < 1,
        ),
      box.y,
    );
    await shot('05-fixed');
  });
});
