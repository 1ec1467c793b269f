import assert from 'node:assert/strict';
import { applyDirectives, disableFileEdit, disableLineEdit } from '../../../server/src/engine/directives';
import { applyEdits } from '../../../server/src/engine/fixes';
import { lintText } from '../../../server/src/rules';
import type { Finding } from '../../../server/src/core/types';

const WEAK_COMPOSE = `services:
  db:
    environment:
      POSTGRES_PASSWORD: postgres
  cache:
    environment:
      - REDIS_PASSWORD=redis
`;

function ids(findings: Finding[]): string[] {
  return findings.map((finding) => finding.ruleId);
}

describe('severity overrides', () => {
  it('re-levels and turns off rules by id', () => {
    const config = { rules: { 'compose/default-password': 'warning' as const } };
    const findings = lintText('compose', WEAK_COMPOSE, { config }).findings;
    assert.deepEqual(
      findings.map((finding) => [finding.ruleId, finding.severity]),
      [
        ['compose/default-password', 'warning'],
        ['compose/default-password', 'warning'],
      ],
    );
    const off = lintText('compose', WEAK_COMPOSE, { config: { rules: { 'compose/default-password': 'off' } } });
    assert.deepEqual(off.findings, []);
  });
});

describe('inline directives', () => {
  const lint = (text: string) => ids(lintText('compose', text).findings);

  it('disable-next-line turns a rule off for the next line only', () => {
    const text = WEAK_COMPOSE.replace(
      '      POSTGRES_PASSWORD',
      '      # secpolicy-disable-next-line compose/default-password\n      POSTGRES_PASSWORD',
    );
    assert.deepEqual(lint(text), ['compose/default-password']);
  });

  it('disable-line turns a rule off on its own line', () => {
    const text = WEAK_COMPOSE.replace('=redis', '=redis # secpolicy-disable-line compose/default-password');
    assert.deepEqual(lint(text), ['compose/default-password']);
  });

  it('disable-file with no rule turns every rule off', () => {
    assert.deepEqual(lint(`# secpolicy-disable-file\n${WEAK_COMPOSE}`), []);
  });

  it('disable-file naming another rule changes nothing', () => {
    assert.deepEqual(lint(`# secpolicy-disable-file compose/docker-socket\n${WEAK_COMPOSE}`), [
      'compose/default-password',
      'compose/default-password',
    ]);
  });

  it('disable and enable bracket a region', () => {
    const text = WEAK_COMPOSE.replace('  cache:', '  # secpolicy-enable compose/default-password\n  cache:');
    assert.deepEqual(lint(`# secpolicy-disable compose/default-password\n${text}`), ['compose/default-password']);
  });

  it('reads Markdown comments in policies', () => {
    const policy = '<!-- secpolicy-disable-next-line policy/no-contact -->\n# Security\n\nWe reply within 3 days.\n';
    assert.deepEqual(ids(lintText('policy', policy).findings), [
      'policy/no-disclosure-policy',
      'policy/no-supported-versions',
    ]);
    const hashComment = '# secpolicy-disable-file\n\nWe reply within 3 days.\n';
    assert.deepEqual(ids(lintText('policy', hashComment).findings), [
      'policy/no-contact',
      'policy/no-disclosure-policy',
      'policy/no-supported-versions',
    ]);
  });

  it('leaves findings alone when there is no directive', () => {
    const findings: Finding[] = [{ ruleId: 'a/b', severity: 'error', message: 'm', messageId: 'm', start: 0, end: 1 }];
    assert.deepEqual(applyDirectives('text', 'policy', findings), { findings, suppressed: [] });
  });

  it('keeps what a directive turns off, with the reason written after " -- "', () => {
    const text = WEAK_COMPOSE.replace(
      '      POSTGRES_PASSWORD',
      '      # secpolicy-disable-next-line compose/default-password -- a throwaway test database, see tcp/ip notes\n      POSTGRES_PASSWORD',
    ).replace('=redis', '=redis # secpolicy-disable-line compose/default-password');
    const result = lintText('compose', text);
    assert.deepEqual(result.findings, []);
    assert.deepEqual(
      result.suppressed?.map((finding) => [
        finding.ruleId,
        text.slice(finding.start, finding.end),
        finding.justification,
      ]),
      [
        ['compose/default-password', 'postgres', 'a throwaway test database, see tcp/ip notes'],
        ['compose/default-password', 'redis', undefined],
      ],
    );
  });

  it('reads the reason in Markdown comments, and a "--" with nothing after it as no reason', () => {
    const policy =
      '<!-- secpolicy-disable-file policy/no-contact -- reports go through the foundation -->\n# Security\n\nWe reply within 3 days.\n';
    assert.deepEqual(
      lintText('policy', policy).suppressed?.map((finding) => [finding.ruleId, finding.justification]),
      [['policy/no-contact', 'reports go through the foundation']],
    );
    const bare = WEAK_COMPOSE.replace('=redis', '=redis # secpolicy-disable-line compose/default-password --');
    assert.deepEqual(
      lintText('compose', bare).suppressed?.map((finding) => finding.justification),
      [undefined],
    );
  });
});

describe('disable edits', () => {
  it('inserts a disable-next-line comment indented like the line', () => {
    const offset = WEAK_COMPOSE.indexOf('POSTGRES_PASSWORD');
    const edit = disableLineEdit(WEAK_COMPOSE, 'compose', offset, 'compose/default-password')!;
    assert.equal(
      applyEdits(WEAK_COMPOSE, [edit]),
      WEAK_COMPOSE.replace(
        '      POSTGRES_PASSWORD',
        '      # secpolicy-disable-next-line compose/default-password\n      POSTGRES_PASSWORD',
      ),
    );
  });

  it('offers no line directive inside a Markdown table, where a comment would end the table', () => {
    const text = '| Version | Supported |\n| --- | --- |\n| 1.x | maybe |\n';
    assert.equal(disableLineEdit(text, 'policy', text.indexOf('1.x'), 'policy/x'), undefined);
  });

  it('ends a line that continues a list or a paragraph with a disable-line comment, splitting neither', () => {
    const list =
      '## Reporting\n\n- Email security@acme.dev\n- Or use the form at http://acme.dev/report  \n  if you must.\n';
    const item = disableLineEdit(list, 'policy', list.indexOf('http://'), 'policy/insecure-link')!;
    assert.equal(
      applyEdits(list, [item]),
      list.replace('report  \n', 'report <!-- secpolicy-disable-line policy/insecure-link -->  \n'),
    );
    const continued = disableLineEdit(list, 'policy', list.indexOf('if you'), 'policy/x')!;
    assert.equal(
      applyEdits(list, [continued]),
      list.replace('if you must.\n', 'if you must. <!-- secpolicy-disable-line policy/x -->\n'),
    );
    // The comment applies to its own line: the finding there is turned off, and nothing else.
    const finding = { ruleId: 'policy/insecure-link', severity: 'warning' as const, message: 'm', messageId: 'm' };
    const fixed = applyEdits(list, [item]);
    const at = fixed.indexOf('http://');
    const directed = applyDirectives(fixed, 'policy', [
      { ...finding, start: at, end: at + 7 },
      { ...finding, start: fixed.indexOf('security@'), end: fixed.indexOf('security@') + 9 },
    ]);
    assert.deepEqual(
      [directed.findings.map((each) => each.start), directed.suppressed.map((each) => each.start)],
      [[fixed.indexOf('security@')], [at]],
    );
  });

  it('puts the comment on a line of its own after a blank line or a heading, and before a heading', () => {
    const text = '# Security\nWrite to us.\n\nPlain text.\n';
    assert.equal(
      applyEdits(text, [disableLineEdit(text, 'policy', text.indexOf('Write'), 'policy/x')!]),
      '# Security\n<!-- secpolicy-disable-next-line policy/x -->\nWrite to us.\n\nPlain text.\n',
    );
    assert.equal(
      applyEdits(text, [disableLineEdit(text, 'policy', text.indexOf('Plain'), 'policy/x')!]),
      '# Security\nWrite to us.\n\n<!-- secpolicy-disable-next-line policy/x -->\nPlain text.\n',
    );
    const below = 'Intro.\n## Scope\n';
    assert.equal(
      applyEdits(below, [disableLineEdit(below, 'policy', below.indexOf('Scope'), 'policy/x')!]),
      'Intro.\n<!-- secpolicy-disable-next-line policy/x -->\n## Scope\n',
    );
  });

  it('adds a rule to an existing disable-file directive', () => {
    const text = '<!-- secpolicy-disable-file policy/no-contact -->\r\n# Security\r\n';
    const edit = disableFileEdit(text, 'policy', 'policy/no-supported-versions');
    assert.equal(
      applyEdits(text, [edit]),
      '<!-- secpolicy-disable-file policy/no-contact policy/no-supported-versions -->\r\n# Security\r\n',
    );
    const yaml = '# secpolicy-disable-file compose/acme-staging\nservices: {}\n';
    assert.equal(
      applyEdits(yaml, [disableFileEdit(yaml, 'compose', 'compose/docker-socket')]),
      '# secpolicy-disable-file compose/acme-staging compose/docker-socket\nservices: {}\n',
    );
  });

  it('puts a new disable-file directive after a byte order mark, in the file line ending', () => {
    const text = '\uFEFFservices:\r\n';
    assert.equal(
      applyEdits(text, [disableFileEdit(text, 'compose', 'compose/docker-socket')]),
      '\uFEFF# secpolicy-disable-file compose/docker-socket\r\nservices:\r\n',
    );
  });
});
