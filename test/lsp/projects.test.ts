import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

/** A Compose project of several files, over the real protocol: each file sees the others, open or not. */
const HARDENED = '    read_only: true\n    security_opt: [no-new-privileges:true]\n';
const BASE = `services:\n  db:\n    image: postgres:16\n    privileged: true\n    env_file: db.env\n${HARDENED}`;
const OVERRIDE = 'services:\n  db:\n    privileged: false\n';

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`);
}

describe('language server: Compose projects', () => {
  let client: TestClient;
  let folder: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'secpolicy-project-'));
    mkdirSync(join(folder, '.git'));
    writeFileSync(join(folder, 'db.env'), 'POSTGRES_PASSWORD=postgres\n');
    client = await TestClient.inProcess({
      settings: { enable: true, rules: {} },
      initializationOptions: { diagnosticDelay: 0 },
    });
  });

  afterEach(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads the override from disk, points at the env_file value, and follows the open override as it is edited', async () => {
    writeFileSync(join(folder, 'compose.override.yaml'), OVERRIDE);
    const base = fileUri(join(folder, 'compose.yaml'));
    const opened = await client.open(base, BASE, 'yaml');
    assert.deepEqual(
      codes(opened.diagnostics),
      ['5 compose/default-password'],
      'privileged: false in the override wins',
    );
    assert.deepEqual(opened.diagnostics[0].relatedInformation, [
      {
        location: {
          uri: fileUri(join(folder, 'db.env')),
          range: { start: { line: 0, character: 18 }, end: { line: 0, character: 26 } },
        },
        message: 'POSTGRES_PASSWORD is set here',
      },
    ]);

    // The override, opened and edited: the base file's diagnostics follow without a keystroke there.
    const override = fileUri(join(folder, 'compose.override.yaml'));
    await client.open(override, OVERRIDE, 'yaml');
    const relinted = client.diagnostics(base, (params) => codes(params.diagnostics).includes('4 compose/privileged'));
    await client.change(override, 2, [{ text: 'services:\n  db:\n    environment:\n      TZ: UTC\n' }]);
    assert.deepEqual(codes((await relinted).diagnostics), ['4 compose/privileged', '5 compose/default-password']);

    // A better password in the env file, open in the editor, clears the finding in the Compose file.
    const envFile = fileUri(join(folder, 'db.env'));
    const cleared = client.diagnostics(base, (params) => codes(params.diagnostics).length === 1);
    await client.open(envFile, 'POSTGRES_PASSWORD=${POSTGRES_PASSWORD:?set it}\n', 'dotenv');
    assert.deepEqual(codes((await cleared).diagnostics), ['4 compose/privileged']);
  });

  it('lints an included and an extended file at their own lines, and names a base file it cannot read', async () => {
    mkdirSync(join(folder, 'db'));
    mkdirSync(join(folder, 'common'));
    writeFileSync(
      join(folder, 'db', 'compose.yaml'),
      `services:\n  db:\n    image: postgres:16\n    privileged: true\n${HARDENED}`,
    );
    writeFileSync(
      join(folder, 'common', 'base.compose.yml'),
      'services:\n  web:\n    image: nginx:1.27\n    user: root\n',
    );
    const main = fileUri(join(folder, 'compose.yaml'));
    const text = (baseFile: string) =>
      `include:\n  - db/compose.yaml\nservices:\n  app:\n    extends:\n      file: ${baseFile}\n      service: web\n${HARDENED}`;
    // The main file itself is clean; what it pulls in is reported in those files, when they are linted.
    assert.deepEqual(codes((await client.open(main, text('common/base.compose.yml'), 'yaml')).diagnostics), []);
    const base = fileUri(join(folder, 'common', 'base.compose.yml'));
    const opened = await client.open(base, 'services:\n  web:\n    image: nginx:1.27\n    user: root\n', 'yaml');
    assert.deepEqual(codes(opened.diagnostics), ['4 compose/runs-as-root']);

    const missing = client.diagnostics(main, (params) => params.diagnostics.length > 0);
    await client.change(main, 2, [{ text: text('common/gone.compose.yml') }]);
    const [diagnostic] = (await missing).diagnostics;
    assert.deepEqual(
      [codes([diagnostic]), diagnostic.range],
      [['6 compose/missing-reference'], { start: { line: 5, character: 12 }, end: { line: 5, character: 35 } }],
    );
  });
});
