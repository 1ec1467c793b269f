import assert from 'node:assert/strict';
import { applyEdits, differenceEdit, fixAllEdits, fixAllText } from '../../../server/src/engine/fixes';
import { lintText } from '../../../server/src/rules';
import type { Finding } from '../../../server/src/core/types';

function ids(findings: Finding[]): string[] {
  return findings.map((finding) => finding.ruleId);
}

describe('fix-all', () => {
  it('applies one fix per finding and skips fixes that touch an applied edit', () => {
    const findings: Finding[] = [
      {
        ruleId: 'a/a',
        severity: 'error',
        message: '',
        messageId: 'm',
        start: 0,
        end: 1,
        fixes: [{ title: 'x', edits: [{ start: 0, end: 3, newText: 'X' }] }],
      },
      {
        ruleId: 'a/b',
        severity: 'error',
        message: '',
        messageId: 'm',
        start: 2,
        end: 3,
        fixes: [{ title: 'y', edits: [{ start: 2, end: 4, newText: 'Y' }] }],
      },
      {
        ruleId: 'a/c',
        severity: 'error',
        message: '',
        messageId: 'm',
        start: 5,
        end: 6,
        fixes: [{ title: 'z', edits: [{ start: 5, end: 6, newText: 'Z' }] }],
      },
      {
        ruleId: 'a/d',
        severity: 'error',
        message: '',
        messageId: 'm',
        start: 6,
        end: 7,
        fixes: [
          { title: 'one', edits: [{ start: 6, end: 7, newText: '1' }] },
          { title: 'two', edits: [{ start: 6, end: 7, newText: '2' }] },
        ],
      },
    ];
    assert.equal(applyEdits('abcdefgh', fixAllEdits(findings)), 'XdeZgh');
  });

  it('fixes a policy in passes until no fixable finding is left, sections in canonical order', () => {
    const text = '# Security\n\nThanks.\n';
    const lint = (current: string) => lintText('policy', current, { facts: { packageVersion: '1.4.0' } }).findings;
    const fixed = fixAllText(text, lint);
    assert.deepEqual(ids(lint(text)), [
      'policy/no-contact',
      'policy/no-disclosure-policy',
      'policy/no-response-timeline',
      'policy/no-supported-versions',
    ]);
    // The contact fix leaves a placeholder address for the maintainers to replace.
    assert.deepEqual(ids(lint(fixed.text)), ['policy/placeholder-contact']);
    assert.equal(fixed.passes, 3);
    assert.equal(
      fixed.text,
      [
        '# Security',
        '',
        'Thanks.',
        '',
        '## Supported Versions',
        '',
        '| Version | Supported |',
        '| ------- | --------- |',
        '| 1.4.x | ✅ |',
        '| < 1.4 | ❌ |',
        '',
        '## Reporting a Vulnerability',
        '',
        'Please report vulnerabilities privately by email to security@example.com. Do not open a public issue.',
        '',
        '### What to Expect',
        '',
        'We acknowledge every report within 3 business days and send a first assessment within 10 business days.',
        'We keep you informed until the issue is fixed and disclosed, and credit you unless you prefer otherwise.',
        '',
        '## Disclosure Policy',
        '',
        'We follow coordinated disclosure: we agree a disclosure date with you, and once the fix is released we publish a',
        'security advisory (with a CVE where one applies) that credits you unless you prefer otherwise. Please keep the',
        'details private until then.',
        '',
      ].join('\n'),
    );
  });

  it('never lets two fixes break YAML together: the pass is redone with one fix', () => {
    // Removing the only variable empties `environment:` to `{}`, while the socket fix adds DOCKER_HOST under
    // the map as it was: together they break the YAML. Alone, each is fine, and the socket fix then writes
    // DOCKER_HOST inside the braces.
    const text =
      'services:\n  db:\n    image: postgres:16\n    environment:\n      MYSQL_ALLOW_EMPTY_PASSWORD: (\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n';
    const lint = (current: string) => lintText('compose', current).findings;
    const fixed = fixAllText(text, lint);
    assert.equal(fixed.passes, 2);
    assert.ok(
      fixed.text.startsWith(
        'services:\n  db:\n    image: postgres:16\n    networks:\n      - default\n      - docker-socket-proxy\n    environment:\n      { DOCKER_HOST: tcp://docker-socket-proxy:2375 }\n  docker-socket-proxy:\n',
      ),
      fixed.text,
    );
    // What is left is the proxy's own read-only socket: the reminder that it is the mitigation.
    assert.deepEqual(
      lint(fixed.text).map((finding) => [finding.ruleId, finding.severity]),
      [['compose/docker-socket', 'info']],
    );
  });

  it('leaves out a fix that breaks the YAML on its own', () => {
    const text = 'services:\n  db:\n    image: postgres:16\n';
    const breaking: Finding = {
      ruleId: 'compose/example',
      severity: 'warning',
      message: 'm',
      messageId: 'm',
      start: 0,
      end: 1,
      fixes: [
        { title: 'open a flow list', edits: [{ start: text.length, end: text.length, newText: '    ports: [\n' }] },
      ],
    };
    const lint = (current: string) => [
      ...lintText('compose', current).findings,
      ...(current === text ? [breaking] : []),
    ];
    assert.deepEqual(fixAllText(text, lint), { text, passes: 0 });
  });

  it('turns a whole-text change into one minimal edit', () => {
    assert.deepEqual(differenceEdit('abcXYZdef', 'abc123def'), { start: 3, end: 6, newText: '123' });
    assert.deepEqual(differenceEdit('aaa', 'aaaa'), { start: 3, end: 3, newText: 'a' });
    assert.deepEqual(differenceEdit('same', 'same'), { start: 4, end: 4, newText: '' });
  });
});
