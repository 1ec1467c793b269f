import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { applyEdits, fixAllText } from '../../server/src/engine/fixes';
import type { LintResult } from '../../server/src/engine/lint';
import { lintText } from '../../server/src/rules';
import type { DocumentKind } from '../../server/src/core/types';

/** Lints and records how long it took and how much heap it grew, for the record (never asserted). */
function measured(kind: DocumentKind, text: string): LintResult {
  const heapBefore = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = lintText(kind, text);
  const elapsed = performance.now() - start;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  console.log(
    `      ${kind}, ${(text.length / 1024).toFixed(0)} KB: ${elapsed.toFixed(0)} ms, heap +${heapMb.toFixed(1)} MB`,
  );
  return result;
}

function rangesInside(result: LintResult, text: string): void {
  for (const finding of result.findings) {
    assert.ok(0 <= finding.start && finding.start <= finding.end && finding.end <= text.length, finding.ruleId);
  }
}

const WEAK_COMPOSE = 'services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: postgres\n';

describe('pathological input', () => {
  it('a YAML alias bomb ("billion laughs") is never expanded', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 10; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    lines.push('services:', '  web:', '    environment: *j', '    command: *j');
    const text = `${lines.join('\n')}\n`;
    const result = measured('compose', text);
    assert.equal(result.skipped, undefined);
    assert.deepEqual(result.failures, []);
    rangesInside(result, text);
  });

  it('YAML nested 10,000 deep, in flow and in block style, lints without a stack overflow', () => {
    const flow = `services: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`;
    const block = `services:\n  web:\n    command:\n      ${'- '.repeat(10_000)}deep\n`;
    for (const text of [flow, block]) {
      const result = measured('compose', text);
      assert.deepEqual(result.failures, []);
      rangesInside(result, text);
    }
  });

  it('Markdown lists and quotes nested deeper than any policy are skipped with a reason', () => {
    const list = (depth: number) =>
      Array.from({ length: depth }, (_, level) => `${' '.repeat(level * 2)}- item`).join('\n');
    // Ten thousand levels of indentation make 100 MB: the size limit answers first.
    assert.equal(lintText('policy', list(10_000)).skipped, 'the file is 100 MB, over the 0.3 MB limit');
    assert.deepEqual(measured('policy', list(300)), {
      findings: [],
      failures: [],
      skipped: 'lists are nested deeper than 100 levels',
    });
    const quotes = `${'>'.repeat(10_000)} deep\n`;
    assert.equal(measured('policy', quotes).skipped, 'lists and block quotes are nested deeper than 100 levels');
  });

  it('a 50 MB file is skipped with its size named', () => {
    const huge = 'x'.repeat(50 * 1024 * 1024);
    assert.equal(lintText('policy', huge).skipped, 'the file is 52 MB, over the 0.3 MB limit');
    assert.equal(lintText('compose', huge).skipped, 'the file is 52 MB, over the 2.0 MB limit');
  });

  it('a 1 MB single line is linted in YAML and skipped with its size in Markdown; 250 KB of Markdown is linted', () => {
    const markdown = `# Security\n\n${'word '.repeat(210_000)}\n`;
    assert.equal(lintText('policy', markdown).skipped, 'the file is 1.1 MB, over the 0.3 MB limit');
    const shorter = `# Security\n\n${'word '.repeat(50_000)}\n`;
    const markdownResult = measured('policy', shorter);
    assert.equal(markdownResult.skipped, undefined);
    assert.deepEqual(
      markdownResult.findings.map((finding) => finding.ruleId).filter((id) => id === 'policy/no-contact'),
      ['policy/no-contact'],
    );
    const yaml = `services:\n  web:\n    image: ${'a'.repeat(1024 * 1024)}\n`;
    const yamlResult = measured('compose', yaml);
    assert.equal(yamlResult.skipped, undefined);
    rangesInside(yamlResult, yaml);
  });

  it('NUL bytes make a file binary: skipped', () => {
    assert.equal(lintText('compose', 'services:\u0000\n').skipped, 'the file holds NUL bytes, so it is not text');
  });

  it('invalid UTF-8, decoded with replacement characters, is linted', () => {
    const text = Buffer.from([
      ...Buffer.from('# Security \n\nMail '),
      0xff,
      0xfe,
      ...Buffer.from(' security@acme.dev\n'),
    ]).toString('utf8');
    const result = lintText('policy', text);
    assert.equal(result.skipped, undefined);
    assert.ok(!result.findings.some((finding) => finding.ruleId === 'policy/no-contact'));
  });

  it('a byte order mark does not shift ranges', () => {
    const text = `\uFEFF${WEAK_COMPOSE}`;
    const [finding] = lintText('compose', text).findings;
    assert.equal(text.slice(finding.start, finding.end), 'postgres');
  });

  it('CRLF and mixed line endings: ranges point at the value and fixes keep the line endings', () => {
    for (const text of [
      WEAK_COMPOSE.replace(/\n/g, '\r\n'),
      'services:\r\n  db:\n    environment:\r\n      POSTGRES_PASSWORD: postgres\r\n',
    ]) {
      const result = lintText('compose', text);
      const finding = result.findings.find((each) => each.ruleId === 'compose/default-password')!;
      assert.equal(text.slice(finding.start, finding.end), 'postgres');
      const fixed = applyEdits(text, finding.fixes![0].edits);
      assert.equal(fixed, text.replace('postgres', '${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD in .env}'));
    }
    const policy = '# Security\r\n\r\nThanks.\r\n';
    const fixed = fixAllText(
      policy,
      (current) => lintText('policy', current, { facts: { packageVersion: '1.2.0' } }).findings,
    ).text;
    assert.ok(!/[^\r]\n/.test(fixed), 'every inserted line ends in CRLF');
  });

  it('tabs in YAML are reported as invalid YAML, not a crash', () => {
    const text = 'services:\n\tdb:\n\t\timage: postgres\n';
    const result = lintText('compose', text);
    assert.deepEqual(result.failures, []);
    assert.ok(result.findings.some((finding) => finding.ruleId === 'compose/invalid-yaml'));
    rangesInside(result, text);
  });

  it('lints with the network and process modules stubbed to throw, and no fetch', () => {
    const result = spawnSync(
      process.execPath,
      ['--require', 'tsx/cjs', join(__dirname, '..', 'helpers', 'offline.ts')],
      {
        cwd: join(__dirname, '..', '..'),
        encoding: 'utf8',
      },
    );
    assert.equal(result.status, 0, result.stderr);
    assert.ok(Number(result.stdout) >= 8, `the examples still produce their findings (${result.stdout.trim()})`);
  });
});
