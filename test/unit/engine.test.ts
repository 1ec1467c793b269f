import assert from 'node:assert/strict';
import { parseConfigText, readConfig } from '../../server/src/engine/config';
import { applyDirectives, disableFileEdit, disableLineEdit } from '../../server/src/engine/directives';
import { applyEdits, differenceEdit, fixAllEdits, fixAllText } from '../../server/src/engine/fixes';
import { documentKind } from '../../common/files';
import { lintText } from '../../server/src/rules';
import { maskSecret } from '../../server/src/secrets/mask';
import type { Finding } from '../../server/src/core/types';
import { parseCompose } from '../../server/src/formats/compose/parse';
import { resolveInterpolation } from '../../server/src/formats/compose/interpolation';
import { ruleIds } from '../../server/src/rules';

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

describe('engine', () => {
  describe('documentKind', () => {
    const cases: [string, string | undefined][] = [
      ['SECURITY.md', 'policy'],
      ['/repo/.github/security.md', 'policy'],
      ['C:\\repo\\docs\\Security.md', 'policy'],
      ['/repo/README.md', undefined],
      ['/repo/SECURITY.txt', undefined],
      ['compose.yaml', 'compose'],
      ['compose.yml', 'compose'],
      ['docker-compose.yml', 'compose'],
      ['/srv/docker-compose.prod.yaml', 'compose'],
      ['/srv/compose.override.yml', 'compose'],
      ['/srv/.github/workflows/ci.yml', undefined],
      ['/srv/compose.json', undefined],
      ['/srv/.env', 'dotenv'],
      ['/srv/.env.production', 'dotenv'],
      ['/srv/app.env', 'dotenv'],
      ['/srv/.env.example', undefined],
      ['/srv/.env.sample', undefined],
      ['/srv/www/.well-known/security.txt', 'securitytxt'],
      ['C:\\site\\.well-known\\security.txt', 'securitytxt'],
      ['public/security.txt', 'securitytxt'],
      ['security.txt', 'securitytxt'],
      ['/srv/www/.well-known/security.txt.sig', undefined],
      ['/srv/www/my-security.txt', undefined],
      ['/srv/www/security.txt.example', undefined],
    ];
    for (const [path, kind] of cases) {
      it(`${path} -> ${kind ?? 'not linted'}`, () => assert.equal(documentKind(path), kind));
    }
  });

  describe('environment forms', () => {
    it('reads list and map environment entries with exact offsets', () => {
      const model = parseCompose(WEAK_COMPOSE);
      const entries = model.services.flatMap((service) =>
        service.environment.map((entry) => [
          service.name,
          entry.form,
          entry.name,
          entry.value,
          WEAK_COMPOSE.slice(entry.nameStart, entry.nameEnd),
          WEAK_COMPOSE.slice(entry.valueStart, entry.valueEnd),
        ]),
      );
      assert.deepEqual(entries, [
        ['db', 'map', 'POSTGRES_PASSWORD', 'postgres', 'POSTGRES_PASSWORD', 'postgres'],
        ['cache', 'list', 'REDIS_PASSWORD', 'redis', 'REDIS_PASSWORD', 'redis'],
      ]);
    });

    it('reads environment merged from an x- anchor through <<', () => {
      const text = `x-env: &env
  DB_PASSWORD: changeme
services:
  api:
    environment:
      <<: *env
      MODE: prod
`;
      const [api] = parseCompose(text).services;
      assert.deepEqual(
        api.environment.map((entry) => [entry.name, entry.value, text.slice(entry.valueStart, entry.valueEnd)]),
        [
          ['MODE', 'prod', 'prod'],
          ['DB_PASSWORD', 'changeme', 'changeme'],
        ],
      );
    });

    it('accepts Compose !reset and !override tags without errors', () => {
      const model = parseCompose('services:\n  web:\n    ports: !reset []\n    environment: !override\n      A: b\n');
      assert.deepEqual(model.problems, []);
      assert.deepEqual(
        model.services[0].environment.map((entry) => entry.name),
        ['A'],
      );
    });
  });

  describe('interpolation', () => {
    const lookup = (name: string) => ({ SET: 'value', EMPTY: '' })[name];
    const cases: [string, string | undefined, boolean][] = [
      ['plain', 'plain', false],
      ['$$literal', '$literal', false],
      ['${UNSET}', undefined, false],
      ['${SET}', 'value', false],
      ['$SET-x', 'value-x', false],
      ['${UNSET:-fallback}', 'fallback', false],
      ['${EMPTY:-fallback}', 'fallback', false],
      ['${EMPTY-fallback}', '', false],
      ['${UNSET:?must be set}', undefined, true],
      ['${SET:+other}', 'other', false],
      ['${UNSET:-${SET}}', 'value', false],
    ];
    for (const [text, value, required] of cases) {
      it(`${text} -> ${value ?? 'unknown'}`, () => {
        const resolved = resolveInterpolation(text, lookup);
        assert.equal(resolved.value, value);
        assert.equal(resolved.required, required);
      });
    }

    it('points at a default that is used', () => {
      const resolved = resolveInterpolation('${PASS:-changeme}', () => undefined);
      assert.deepEqual(resolved.source, { start: 8, end: 16 });
    });
  });

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
      assert.deepEqual(ids(lintText('policy', policy).findings), ['policy/no-supported-versions']);
      const hashComment = '# secpolicy-disable-file\n\nWe reply within 3 days.\n';
      assert.deepEqual(ids(lintText('policy', hashComment).findings), [
        'policy/no-contact',
        'policy/no-supported-versions',
      ]);
    });

    it('leaves findings alone when there is no directive', () => {
      const findings: Finding[] = [{ ruleId: 'a/b', severity: 'error', message: 'm', start: 0, end: 1 }];
      assert.equal(applyDirectives('text', 'policy', findings), findings);
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

  describe('fix-all', () => {
    it('applies one fix per finding and skips fixes that touch an applied edit', () => {
      const findings: Finding[] = [
        {
          ruleId: 'a/a',
          severity: 'error',
          message: '',
          start: 0,
          end: 1,
          fixes: [{ title: 'x', edits: [{ start: 0, end: 3, newText: 'X' }] }],
        },
        {
          ruleId: 'a/b',
          severity: 'error',
          message: '',
          start: 2,
          end: 3,
          fixes: [{ title: 'y', edits: [{ start: 2, end: 4, newText: 'Y' }] }],
        },
        {
          ruleId: 'a/c',
          severity: 'error',
          message: '',
          start: 5,
          end: 6,
          fixes: [{ title: 'z', edits: [{ start: 5, end: 6, newText: 'Z' }] }],
        },
        {
          ruleId: 'a/d',
          severity: 'error',
          message: '',
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
        'policy/no-response-timeline',
        'policy/no-supported-versions',
      ]);
      // The contact fix leaves a placeholder address for the maintainers to replace.
      assert.deepEqual(ids(lint(fixed.text)), ['policy/placeholder-contact']);
      assert.equal(fixed.passes, 2);
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
        ].join('\n'),
      );
    });

    it('turns a whole-text change into one minimal edit', () => {
      assert.deepEqual(differenceEdit('abcXYZdef', 'abc123def'), { start: 3, end: 6, newText: '123' });
      assert.deepEqual(differenceEdit('aaa', 'aaaa'), { start: 3, end: 3, newText: 'a' });
      assert.deepEqual(differenceEdit('same', 'same'), { start: 4, end: 4, newText: '' });
    });
  });

  describe('configuration', () => {
    it('reads rules and reports unknown rules, severities and settings', () => {
      const result = readConfig(
        {
          $schema: 'x',
          rules: { 'policy/no-contact': 'warning', 'policy/nope': 'off', 'compose/acme-staging': 'loud' },
          extra: 1,
        },
        ruleIds,
      );
      assert.deepEqual(result.config, { rules: { 'policy/no-contact': 'warning' } });
      assert.deepEqual(result.problems, [
        'unknown rule "policy/nope"',
        'rule "compose/acme-staging": severity must be "off", "info", "warning" or "error", not "loud"',
        'unknown setting "extra" (expected "rules")',
      ]);
    });

    it('reports invalid JSON with one clear line', () => {
      const result = parseConfigText('{ rules: ', ruleIds);
      assert.deepEqual(result.config, { rules: {} });
      assert.equal(result.problems.length, 1);
      assert.match(result.problems[0], /^invalid JSON: /);
    });
  });

  describe('secrets', () => {
    it('masks all but the first two characters', () => {
      assert.equal(maskSecret('changeme'), 'ch******');
      assert.equal(maskSecret('abc'), '***');
      assert.equal(maskSecret('a-very-long-secret-value'), 'a-********');
    });
  });
});
