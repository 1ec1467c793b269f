import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { applyEdits, fixAllText } from '../../../../../server/src/engine/fixes';
import { lintText } from '../../../../../server/src/rules';
import type { Finding, ProjectFacts } from '../../../../../server/src/core/types';

/**
 * An InfraPilot-style deployment: nginx is the one public entry; the backend signs tokens with a
 * hard-coded weak secret; PostgreSQL and Redis keep their default passwords (one in environment:,
 * one on the command line); an agent mounts the Docker socket writable; a certbot companion asks
 * for staging certificates; the backend and the database are published on every interface.
 */
const FOLDER = join(__dirname, '..', '..', '..', '..', 'fixtures', 'compose', 'infrapilot');
const TEXT = readFileSync(join(FOLDER, 'compose.yaml'), 'utf8');
const DOTENV: ProjectFacts = {
  dotenv: { path: join(FOLDER, '.env'), text: readFileSync(join(FOLDER, '.env'), 'utf8'), exists: true },
};

function where(text: string, finding: Finding) {
  const before = text.slice(0, finding.start);
  const line = before.split('\n').length;
  return { line, column: finding.start - before.lastIndexOf('\n'), ruleId: finding.ruleId, severity: finding.severity };
}

// Every rule, hardening included: the fixed file is what an editor makes of it under the strict preset.
const lint = (text: string, facts: ProjectFacts = {}) =>
  lintText('compose', text, { facts, config: { preset: 'strict', rules: {} } }).findings;
const notInfo = (findings: Finding[]) => findings.filter((finding) => finding.severity !== 'info');

describe('scenario: an InfraPilot deployment', () => {
  it('gets every finding, at the line where the bad value is written', () => {
    const found = notInfo(lint(TEXT)).map((finding) => where(TEXT, finding));
    assert.deepEqual(found, [
      { line: 28, column: 53, ruleId: 'compose/acme-staging', severity: 'warning' },
      { line: 39, column: 20, ruleId: 'compose/weak-jwt-secret', severity: 'error' },
      { line: 42, column: 10, ruleId: 'compose/exposed-internal-service', severity: 'warning' },
      { line: 51, column: 27, ruleId: 'compose/default-password', severity: 'error' },
      { line: 53, column: 10, ruleId: 'compose/exposed-internal-service', severity: 'warning' },
      { line: 60, column: 58, ruleId: 'compose/default-password', severity: 'error' },
      { line: 69, column: 9, ruleId: 'compose/docker-socket', severity: 'error' },
    ]);
    const said = notInfo(lint(TEXT)).map(({ messageId, data }) => ({ messageId, data }));
    assert.deepEqual(said[2], {
      messageId: 'behindProxy',
      data: { service: 'backend', published: 'port 8080', proxy: 'nginx' },
    });
    assert.deepEqual(said[4], {
      messageId: 'internal',
      data: { service: 'db', published: 'port 5432', kind: 'a database' },
    });
    assert.ok(
      !lint(TEXT).some(
        (finding) => finding.ruleId === 'compose/exposed-internal-service' && finding.data?.service === 'nginx',
      ),
      'nginx is the edge',
    );
  });

  it('lints clean of errors once every fix an editor applies on its own is applied', () => {
    const fixed = fixAllText(TEXT, (text) => lint(text));
    assert.equal(fixed.text, readFileSync(join(FOLDER, 'fixed.yml'), 'utf8'));
    assert.deepEqual(parseDocument(fixed.text).errors, []);
    // The socket went to a filtering proxy, which holds it read-only: a reminder, not a warning.
    assert.deepEqual(
      notInfo(lint(fixed.text)).map((finding) => [finding.ruleId, finding.severity]),
      [],
    );
  });

  it('with the fixes `secpolicy --fix` applies unattended, only what needs a person is left', () => {
    const unattended = (text: string) =>
      lint(text).map((finding) => ({ ...finding, fixes: finding.fixes?.filter((fix) => !fix.needsReview) }));
    const fixed = fixAllText(TEXT, unattended);
    assert.ok(!fixed.text.includes('--staging'), 'staging is off');
    // Passwords and keys need someone to choose them; the proxy changes how the agent reaches Docker.
    assert.deepEqual(
      lint(fixed.text)
        .filter((finding) => finding.severity === 'error')
        .map((finding) => [where(fixed.text, finding).line, finding.ruleId]),
      [
        [39, 'compose/weak-jwt-secret'],
        [51, 'compose/default-password'],
        [60, 'compose/default-password'],
        [69, 'compose/docker-socket'],
      ],
    );
  });

  it('with its .env: the required password is judged at its .env value, and the .env fix clears it', () => {
    const fixed = readFileSync(join(FOLDER, 'fixed.yml'), 'utf8');
    const errors = lint(fixed, DOTENV).filter((finding) => finding.severity === 'error');
    assert.deepEqual(
      errors.map((finding) => [where(fixed, finding).line, finding.messageId, finding.data]),
      [
        [
          59,
          'weak',
          {
            name: 'POSTGRES_PASSWORD',
            service: 'db',
            weakness: 'an easily guessed password',
            masked: 'in********',
            origin: ' from .env line 2',
          },
        ],
      ],
    );
    const write = errors[0].fixes!.find(
      (fix) => fix.title === 'Write a strong random value for POSTGRES_PASSWORD to .env',
    )!;
    assert.ok(write.edits.every((edit) => edit.path === DOTENV.dotenv!.path));
    const dotenv = applyEdits(DOTENV.dotenv!.text, write.edits);
    assert.match(dotenv, /^POSTGRES_PASSWORD=[A-Za-z0-9_-]{32}$/m);
    const after = lint(fixed, { dotenv: { ...DOTENV.dotenv!, text: dotenv } });
    assert.deepEqual(
      after.filter((finding) => finding.severity === 'error'),
      [],
    );
  });
});
