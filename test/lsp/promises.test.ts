import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

const POLICY = `# Security Policy

## Deployment

- The worker runs as a non-root user.
`;
const BROKEN = 'services:\n  worker:\n    image: ghcr.io/acme/worker:3.1.0\n    user: root\n';
const KEPT = 'services:\n  worker:\n    image: ghcr.io/acme/worker:3.1.0\n    user: "1000"\n';

function promiseDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.filter((diagnostic) => String(diagnostic.code).endsWith('/unkept-promise'));
}

describe('language server: a policy and its Compose files keep each other honest', () => {
  let client: TestClient;
  let folder: string;
  let policyUri: string;
  let composeUri: string;

  beforeEach(async () => {
    folder = mkdtempSync(join(tmpdir(), 'secpolicy-promises-'));
    mkdirSync(join(folder, '.git'));
    writeFileSync(join(folder, 'SECURITY.md'), POLICY);
    writeFileSync(join(folder, 'compose.yaml'), BROKEN);
    policyUri = fileUri(join(folder, 'SECURITY.md'));
    composeUri = fileUri(join(folder, 'compose.yaml'));
    client = await TestClient.inProcess({
      settings: { enable: true, rules: {} },
      initializationOptions: { diagnosticDelay: 0 },
    });
  });

  afterEach(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it('points each side at the other, and clears both when the Compose file keeps the promise', async () => {
    const policy = await client.open(policyUri, POLICY);
    const [atPromise, ...morePolicy] = promiseDiagnostics(policy.diagnostics);
    assert.equal(morePolicy.length, 0);
    assert.equal(atPromise.code, 'policy/unkept-promise');
    assert.deepEqual(atPromise.range, { start: { line: 4, character: 2 }, end: { line: 4, character: 37 } });
    assert.deepEqual(atPromise.relatedInformation, [
      {
        location: { uri: composeUri, range: { start: { line: 3, character: 10 }, end: { line: 3, character: 14 } } },
        message:
          'Service "worker" runs as root (user: root): whoever takes over its process is root in the container, and root on the host if they get out. Run it as an unprivileged user.',
      },
    ]);

    const compose = await client.open(composeUri, BROKEN, 'yaml');
    const [atBreach, ...moreCompose] = promiseDiagnostics(compose.diagnostics);
    assert.equal(moreCompose.length, 0);
    assert.equal(atBreach.code, 'compose/unkept-promise');
    assert.deepEqual(atBreach.range, { start: { line: 3, character: 10 }, end: { line: 3, character: 14 } });
    assert.deepEqual(atBreach.relatedInformation, [
      {
        location: { uri: policyUri, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 37 } } },
        message: 'The promise',
      },
    ]);

    // Keeping the promise in the open Compose file clears the policy's finding, with no keystroke there.
    const relinted = client.diagnostics(policyUri, (params) => promiseDiagnostics(params.diagnostics).length === 0);
    await client.change(composeUri, 2, [{ text: KEPT }]);
    assert.deepEqual(promiseDiagnostics((await relinted).diagnostics), []);
  });

  it('clears the Compose finding when the policy stops promising, and says on hover what a promise is checked against', async () => {
    await client.open(policyUri, POLICY);
    const compose = await client.open(composeUri, BROKEN, 'yaml');
    assert.equal(promiseDiagnostics(compose.diagnostics).length, 1);

    const hover = await client.hover(policyUri, { line: 4, character: 10 });
    const value = (hover?.contents as MarkupContent).value;
    assert.ok(
      value.endsWith(
        '**Deployment promise**: containers run as a non-root user. Checked against `worker` in `compose.yaml`.',
      ),
      value,
    );

    const relinted = client.diagnostics(composeUri, (params) => promiseDiagnostics(params.diagnostics).length === 0);
    await client.change(policyUri, 2, [{ text: '# Security Policy\n\n## Deployment\n\nSee the docs.\n' }]);
    assert.deepEqual(promiseDiagnostics((await relinted).diagnostics), []);
  });
});
