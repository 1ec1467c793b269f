// A user's view of the packaged extension: secpolicy.vsix installed into code-server, the
// workbench driven through headless Chromium with the keys and selectors a person (and VS
// Code's own smoke tests) would use. Every step waits on a selector; nothing sleeps.
// Screenshots land in .test-artifacts/e2e/.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, ROOT, Session, missingTools, openBrowser, type CodeServer } from '../code-server';
import {
  UI_NO_POLICY_FILES,
  UI_PROMISE_FILES,
  UI_SECURITY_TXT_FILES,
  UI_WORKSPACE_FILES,
  writeWorkspace,
} from '../workspace';

const VSIX = join(ROOT, 'secpolicy.vsix');
const MESSAGE = 'No private channel for reporting a vulnerability';
const FIX_TITLE = 'Add a security contact email';
const INSERT_COMMAND = 'Security Policy: Insert Security Policy';
const SECURITY_TXT_COMMAND = 'Security Policy: Create security.txt';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The page's DOM, as far as the functions run inside the page use it (no DOM lib here). */
declare const document: {
  querySelectorAll(selector: string): Iterable<{ getBoundingClientRect(): { y: number } }>;
};

/** Monaco renders spaces as U+00A0. */
const text = async (locator: Locator) => ((await locator.textContent()) ?? '').replace(/\u00a0/g, ' ');

describe('secpolicy.vsix in code-server, as a user sees it', function () {
  let session: Session | undefined;
  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  let page: Page;
  /** The second folder: no policy, one compose file. */
  let noPolicyFolder: string;
  /** The third folder: a policy whose promise its compose file breaks. */
  let promiseFolder: string;
  /** The fourth folder: a clean policy and a GitHub remote, and no security.txt yet. */
  let securityTxtFolder: string;
  let failed = false;

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  const editor = () => page.locator('.editor-instance .monaco-editor .view-lines');
  const squiggle = () => page.locator('.editor-instance .monaco-editor .squiggly-error').first();
  const quickInput = () => page.locator('.quick-input-widget input');
  const quickInputTitle = (title: string) => page.locator('.quick-input-widget .quick-input-title', { hasText: title });
  const focusedRow = (label: string) => page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label });
  const activeTab = (name: string) => page.locator(`.tabs-container .tab.active[aria-label*="${name}"]`);
  const noPolicyStatus = () => page.locator('.statusbar-item', { hasText: 'No security policy' });

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
    noPolicyFolder = writeWorkspace(join(session.dir, 'no-policy'), UI_NO_POLICY_FILES);
    promiseFolder = writeWorkspace(join(session.dir, 'promises'), UI_PROMISE_FILES);
    securityTxtFolder = writeWorkspace(join(session.dir, 'security-txt'), UI_SECURITY_TXT_FILES);
    try {
      session.installExtension(VSIX);
      server = await session.startServer();
      ({ context, page } = await openBrowser(session));
    } catch (error) {
      failed = true;
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

  /**
   * A story in steps, in a workbench of its own on `folder()`: once a step fails, the story's later
   * steps are skipped (they would only fail after it), and the next story still runs.
   */
  function story(title: string, folder: () => string, listed: string, steps: () => void): void {
    describe(title, function () {
      let broken = false;
      before(async () => {
        try {
          await openWorkbench(folder(), listed);
        } catch (error) {
          failed = true;
          await shot(`ui-failure-startup-${title.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`).catch(() => undefined);
          throw error;
        }
      });
      beforeEach(function () {
        if (broken) this.skip();
      });
      afterEach(function () {
        if (this.currentTest?.state === 'failed') broken = true;
      });
      steps();
    });
  }

  /** Loads the workbench on `folder` and waits until the explorer lists `listed`. */
  async function openWorkbench(folder: string, listed: string): Promise<void> {
    if (page.url() !== 'about:blank') {
      // A fresh page: leaving a workbench with unsaved edits would ask whether to leave.
      const previous = page;
      page = await context!.newPage();
      await previous.close();
    }
    page.setDefaultTimeout(20_000);
    // Starting the workbench is the slowest part: give it a minute, then 20 s a step.
    await page.goto(server!.workbenchUrl(folder), { waitUntil: 'commit' });
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The explorer lists the folder once the remote file system answers.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: listed }).waitFor({ timeout: 60_000 });
  }

  /** Runs `command` from the command palette (F1), with a screenshot of the palette when named. */
  async function runCommand(command: string, screenshot?: string): Promise<void> {
    await page.keyboard.press('F1');
    await quickInput().waitFor();
    await quickInput().fill(`>${command}`);
    await focusedRow(command).waitFor();
    if (screenshot) await shot(screenshot);
    await page.keyboard.press('Enter');
  }

  /** Quick open (Ctrl+P): opens `name` and waits for its tab. */
  async function quickOpen(name: string): Promise<void> {
    await page.keyboard.press('Control+P');
    await quickInput().waitFor();
    await quickInput().fill(name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await page.keyboard.press('Enter');
    await activeTab(name).waitFor();
  }

  story(
    'a project whose policy has no contact',
    () => session!.workspace,
    'SECURITY.md',
    () => {
      it('opens SECURITY.md from quick open (Ctrl+P) and shows an error squiggle', async () => {
        await quickOpen('SECURITY.md');
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
    },
  );

  story(
    'a folder with no policy',
    () => noPolicyFolder,
    'compose.yaml',
    () => {
      it('says so in the status bar', async () => {
        // The compose file activates the extension, which looks for a policy and finds none.
        await noPolicyStatus().waitFor();
        await shot('06-no-policy-status');
      });

      it('creates SECURITY.md with "Security Policy: Insert Security Policy" from the command palette (F1)', async () => {
        await runCommand(INSERT_COMMAND, '07-command-palette');

        // Each answer waits for its own question's title: the widget is reused from one to the next.
        await quickInputTitle('(1/4): template').waitFor();
        await quickInput().fill('Standard');
        await focusedRow('Standard').waitFor();
        await shot('08-template');
        await page.keyboard.press('Enter');

        await quickInputTitle('(2/4): contact').waitFor();
        await quickInput().fill('security@acme.dev');
        await page.keyboard.press('Enter');

        // No package.json: the folder's name is the default.
        await quickInputTitle('(3/4): project name').waitFor();
        assert.equal(await quickInput().inputValue(), 'no-policy');
        await quickInput().fill('Acme Widgets');
        await page.keyboard.press('Enter');

        await quickInputTitle('(4/4): current version').waitFor();
        await quickInput().fill('2.3.1');
        await page.keyboard.press('Enter');

        // The root comes first and has the focus.
        await quickInputTitle('where').waitFor();
        const first = focusedRow('SECURITY.md');
        await first.waitFor();
        assert.equal((await text(first)).trim(), 'SECURITY.md');
        await shot('09-where');
        await page.keyboard.press('Enter');

        await activeTab('SECURITY.md').waitFor();
        await editor().filter({ hasText: '# Security Policy for Acme Widgets' }).waitFor();
        await editor().locator('.view-line', { hasText: 'privately by email to security@acme.dev' }).waitFor();
        await editor().locator('.view-line', { hasText: '| 2.3.x |' }).waitFor();
        // The extension notices the new file and stops asking for one.
        await noPolicyStatus().waitFor({ state: 'detached' });
        await shot('10-policy-created');
      });

      it('expands the hardened-service snippet from the suggest widget in a compose file', async () => {
        await quickOpen('compose.yaml');
        await editor().filter({ hasText: 'services:' }).waitFor();
        // Under `services:`, indented as a service.
        await page.keyboard.press('Control+End');
        await page.keyboard.type('  hardened-service');
        await page.keyboard.press('Control+Space');
        await page.locator('.suggest-widget .monaco-list-row.focused', { hasText: 'hardened-service' }).waitFor();
        await shot('11-snippet-suggestion');
        await page.keyboard.press('Enter');
        await editor().locator('.view-line', { hasText: 'read_only: true' }).waitFor();
        const inserted = await text(editor());
        assert.match(inserted, /read_only: true/);
        assert.match(inserted, /cap_drop:/);
        await shot('12-snippet-inserted');
        await page.keyboard.press('Escape');
      });
    },
  );

  story(
    'a policy whose promise the Compose file breaks',
    () => promiseFolder,
    'compose.yaml',
    () => {
      it('underlines the promise, and the hover points at the Compose line that breaks it', async () => {
        await quickOpen('SECURITY.md');
        await editor().filter({ hasText: 'The API runs as a non-root user.' }).waitFor();
        await page.locator('.editor-instance .monaco-editor .squiggly-warning').first().waitFor();
        const promise = editor().locator('.view-line', { hasText: 'The API runs as a non-root user.' });
        const box = (await promise.boundingBox())!;
        await page.mouse.move(box.x + 80, box.y + box.height / 2);
        // The diagnostic's part comes first; the language server's part (what the promise was checked against) follows.
        const hover = page.locator('.monaco-hover', { hasText: 'Checked against' });
        await hover.waitFor();
        const shown = await text(hover);
        assert.match(shown, /Service "api" runs as root \(user: root\)/);
        assert.match(shown, /The deployment does not keep this promise/);
        assert.match(shown, /Checked against `?api`? in `?compose\.yaml`?/);
        await shot('13-promise-hover');
        await page.keyboard.press('Escape');
      });

      it('lists the breach under compose.yaml in the Problems panel, pointing back at the promise', async () => {
        await quickOpen('compose.yaml');
        await page.keyboard.press('Control+Shift+M');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'compose/unkept-promise' });
        await row.waitFor();
        assert.match(await text(row), /This breaks a promise of SECURITY\.md: "The API runs as a non-root user"/);
        await shot('14-promise-problems');
      });
    },
  );

  story(
    'a project that publishes a security.txt',
    () => securityTxtFolder,
    'SECURITY.md',
    () => {
      const written = () => join(securityTxtFolder, '.well-known', 'security.txt');

      it('writes nothing when the user presses Escape at the first question', async () => {
        await runCommand(SECURITY_TXT_COMMAND);
        await quickInputTitle('(1/2): contact').waitFor();
        await page.keyboard.press('Escape');
        await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
        assert.equal(existsSync(written()), false, 'no security.txt was written');
      });

      it('creates .well-known/security.txt with "Security Policy: Create security.txt", and it lints clean', async () => {
        await runCommand(SECURITY_TXT_COMMAND);
        // The contact comes from the policy.
        await quickInputTitle('(1/2): contact').waitFor();
        assert.equal(await quickInput().inputValue(), 'security@acme.dev');
        await shot('15-security-txt-contact');
        await page.keyboard.press('Enter');

        await quickInputTitle('(2/2): site').waitFor();
        await quickInput().fill('https://acme.dev');
        await page.keyboard.press('Enter');

        await activeTab('security.txt').waitFor();
        await editor().locator('.view-line', { hasText: 'Contact: mailto:security@acme.dev' }).waitFor();
        await shot('16-security-txt-created');
        const lines = readFileSync(written(), 'utf8').split('\n');
        const expires = /^Expires: (\d{4}-\d{2}-\d{2})T00:00:00Z$/.exec(lines[1]);
        assert.ok(expires, lines[1]);
        // Just under a year ahead: 364 days, or 365 when a 29 February comes first.
        const today = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
        assert.ok([364, 365].includes((Date.parse(`${expires[1]}T00:00:00Z`) - today) / DAY_MS), lines[1]);
        assert.deepEqual(lines, [
          'Contact: mailto:security@acme.dev',
          lines[1],
          'Policy: https://github.com/acme/widgets/security/policy',
          'Preferred-Languages: en',
          'Canonical: https://acme.dev/.well-known/security.txt',
          '',
        ]);

        // The server lints open documents in the order they were opened: once the Compose file
        // opened after security.txt is in the Problems panel, security.txt's problems would be too.
        await quickOpen('compose.yaml');
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'compose/default-password' }).waitFor();
        assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: 'security.txt' }).count(), 0);
        await shot('17-security-txt-no-problems');
      });
    },
  );
});
