import assert from 'node:assert/strict';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, fileUri } from '../helpers/lsp-client';

/**
 * A policy is read a section at a time, and a section read for an earlier version is moved into
 * place (see server/src/formats/policy/pieces.ts): after each edit the diagnostics are those of
 * the same text opened afresh.
 */
const URI = fileUri('/nonexistent/policy-edits/SECURITY.md');

const POLICY = `# Security Policy

## Supported Versions

Security fixes go to the 2.x line.

## Reporting a Vulnerability

Report vulnerabilities to security@acme.dev. Please do not open a public issue.

## Response

We acknowledge reports within 2 days and fix critical issues within 7 days.

## Disclosure

We publish an advisory once a fix is released.
`;

const shown = (diagnostics: Diagnostic[]) =>
  diagnostics.map((diagnostic) => ({ code: diagnostic.code, range: diagnostic.range, message: diagnostic.message }));

describe('language server: edits of a policy read a section at a time', () => {
  let client: TestClient;

  beforeEach(async () => {
    client = await TestClient.inProcess({ settings: { enable: true, rules: {} } });
  });

  afterEach(async () => {
    await client.stop();
  });

  it('publishes after each edit what a fresh open of the same text publishes', async () => {
    await client.open(URI, POLICY, 'markdown');
    let text = POLICY;
    const edits: [string, string, string][] = [
      // One sentence of one section changes.
      ['fix critical issues within 7 days', 'aim to fix critical issues within 7 days', 'a hedge in one section'],
      // Every later section moves, the hedged one too.
      ['# Security Policy', '# Security Policy!', 'a character in the title'],
      // The versions section now sits under a requirements heading: it no longer says which versions get fixes.
      ['## Supported Versions', '# Requirements\n\n## Supported Versions', 'a heading above the versions'],
      ['security@acme.dev', 'security@example.com', 'a stand-in contact'],
    ];
    let version = 1;
    let published: Diagnostic[] = [];
    for (const [index, [before, after, what]] of edits.entries()) {
      const offset = text.indexOf(before);
      const start = positionAt(text, offset);
      const end = positionAt(text, offset + before.length);
      text = text.slice(0, offset) + after + text.slice(offset + before.length);
      published = (await client.change(URI, ++version, [{ range: { start, end }, text: after }])).diagnostics;
      const fresh = await client.open(
        fileUri(`/nonexistent/policy-edits-fresh-${index}/SECURITY.md`),
        text,
        'markdown',
      );
      assert.deepEqual(shown(published), shown(fresh.diagnostics), what);
    }
    // Not a vacuous match: the edits emptied the title's section, took away the versions section's meaning,
    // made the contact a stand-in and hedged the fix time.
    assert.deepEqual(
      published.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line]),
      [
        ['policy/empty-section', 0],
        ['policy/no-supported-versions', 0],
        ['policy/placeholder-contact', 10],
        ['policy/hedged-timeline', 14],
      ],
    );
  });
});

function positionAt(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}
