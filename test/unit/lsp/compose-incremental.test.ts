import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Finding } from '../../../server/src/core/types';
import type { LintOptions } from '../../../server/src/engine/lint';
import {
  lintComposeWhole,
  lintServiceEdit,
  serviceChunks,
  type ComposeSnapshot,
} from '../../../server/src/lsp/compose-incremental';
import { syntheticCompose } from '../../../bench/synthetic';
import { fixedRandomBytes } from '../../helpers/rule-tester';

/**
 * A keystroke inside one service, linted with that service alone, gives what a whole-file lint
 * gives, as a diagnostic shows it: rule, range, severity, message and related places.
 */
const SHARED = join(__dirname, '..', '..', '..', '..', 'shared');
const RUNS = Number(process.env.SECPOLICY_FUZZ_RUNS ?? 200);
const PATH = '/project/compose.yaml';
const STRICT: LintOptions = { config: { preset: 'strict', rules: {} }, randomBytes: fixedRandomBytes };

function composeFiles(): { name: string; text: string }[] {
  const folder = join(SHARED, 'corpus', 'compose');
  const found = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => /\.ya?ml$/.test(name))
        .map((name) => ({ name, text: readFileSync(join(folder, name), 'utf8') }))
    : [];
  return [...found, { name: 'synthetic, 60 services', text: syntheticCompose(60) }];
}

/** What a diagnostic shows of a finding, in a stable order. */
function shown(findings: Finding[]): string[] {
  return findings
    .map((finding) =>
      [
        finding.ruleId,
        finding.start,
        finding.end,
        finding.severity,
        finding.message,
        ...(finding.related ?? []).map((related) => `${related.path ?? ''}@${related.start}-${related.end}`),
      ].join(' | '),
    )
    .sort();
}

function snapshotOf(text: string): ComposeSnapshot {
  const { snapshot } = lintComposeWhole(PATH, text, STRICT);
  assert.ok(snapshot, 'the file is linted a service at a time');
  return snapshot;
}

const BASE = `name: shop
services:
  web:
    image: ghcr.io/acme/shop-web:1.4
    ports:
      - "127.0.0.1:8080:80"
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:?set it}
volumes:
  data: {}
`;

describe('Compose: a keystroke linted within one service', () => {
  it('cuts a plain file into its services, key line and body', () => {
    const chunks = serviceChunks(BASE);
    assert.deepEqual(
      chunks?.map((chunk) => [chunk.key, BASE.slice(chunk.start, chunk.bodyStart), chunk.end]),
      [
        ['web', '  web:\n', BASE.indexOf('  db:')],
        ['db', '  db:\n', BASE.indexOf('volumes:')],
      ],
    );
  });

  it('does not cut a file whose parts are tied together', () => {
    for (const tied of [
      BASE.replace('  db:\n', '  db: &db\n'),
      BASE.replace('    image: postgres:16\n', '    extends: { service: base }\n    image: postgres:16\n'),
      BASE.replace('    image: postgres:16\n', '    env_file: db.env\n    image: postgres:16\n'),
      `include:\n  - other.yaml\n${BASE}`,
      BASE.replace('  web:\n', '  # secpolicy-disable-next-line compose/privileged\n  web:\n'),
      BASE.replace('    image: ghcr.io/acme/shop-web:1.4\n', '\timage: nginx:1.27\n'),
      `${BASE}services:\n  late:\n    image: redis\n`,
      BASE.replace('  web:\n', '  "web":\n'),
    ]) {
      assert.equal(serviceChunks(tied), undefined, tied);
    }
  });

  it('lints an edit inside one service alone, and finds what a whole lint finds', () => {
    const previous = snapshotOf(BASE);
    const text = BASE.replace('${POSTGRES_PASSWORD:?set it}', 'postgres');
    const edited = lintServiceEdit(previous, PATH, text, STRICT);
    assert.ok(edited, 'the edit is linted within its service');
    const start = text.indexOf('postgres\n');
    const weak = edited.result.findings.find((finding) => finding.ruleId === 'compose/default-password');
    assert.deepEqual([weak?.start, weak?.end], [start, start + 'postgres'.length]);
    assert.deepEqual(shown(edited.result.findings), shown(lintComposeWhole(PATH, text, STRICT).result.findings));
  });

  it('moves the findings of the services after the edit by its length', () => {
    const privileged = BASE.replace(
      '      POSTGRES_PASSWORD',
      '    privileged: true\n    environment:\n      POSTGRES_PASSWORD',
    ).replace('    environment:\n    privileged', '    privileged');
    const previous = snapshotOf(privileged);
    const text = privileged.replace('shop-web:1.4', 'shop-web:1.5');
    const edited = lintServiceEdit(previous, PATH, text, STRICT);
    // The image changed: its words are the summary's, so the whole file is linted.
    assert.equal(edited, undefined);
    const ports = privileged.replace('127.0.0.1:8080:80', '127.0.0.1:18080:80');
    const moved = lintServiceEdit(previous, PATH, ports, STRICT);
    assert.ok(moved);
    const before = previous.findings.find((finding) => finding.ruleId === 'compose/privileged');
    const after = moved.result.findings.find((finding) => finding.ruleId === 'compose/privileged');
    assert.equal(after?.start, (before?.start ?? 0) + 1);
    assert.deepEqual(shown(moved.result.findings), shown(lintComposeWhole(PATH, ports, STRICT).result.findings));
  });

  it('leaves to a whole lint an edit on a key line, a file with an edge proxy, or a promised file', () => {
    const previous = snapshotOf(BASE);
    assert.equal(lintServiceEdit(previous, PATH, BASE.replace('  db:', '  dbx:'), STRICT), undefined);
    const proxied = BASE.replace('ghcr.io/acme/shop-web:1.4', 'traefik:3.1').replace('127.0.0.1:8080:80', '80:80');
    assert.equal(lintComposeWhole(PATH, proxied, STRICT).snapshot, undefined);
    const promised: LintOptions = {
      ...STRICT,
      facts: {
        policy: () => ({ path: '/project/SECURITY.md', text: '# Security\n\nAll containers run as non-root users.\n' }),
      },
    };
    assert.equal(lintComposeWhole(PATH, BASE, promised).snapshot, undefined);
    assert.equal(lintServiceEdit(previous, PATH, BASE.replace('16', '17'), promised), undefined);
  });

  it('matches a whole lint after each of a run of edits, over the corpus', function () {
    const files = composeFiles()
      .map((file) => ({ ...file, snapshot: lintComposeWhole(PATH, file.text, STRICT).snapshot }))
      .filter((file) => file.snapshot !== undefined);
    this.timeout(300_000);
    const edit = fc.record({
      // Positions as fractions: fast-check's doubles crowd at 0 and 1, the start and end of a line.
      service: fc.nat({ max: 999 }).map((value) => value / 1000),
      at: fc.nat({ max: 999 }).map((value) => value / 1000),
      remove: fc.boolean(),
      // Mostly what typing a value is, sometimes what changes a line's shape.
      text: fc.oneof(
        { arbitrary: fc.constantFrom('a', 'x', 'e', '1', '0', '_', 'changeme', 'true'), weight: 4 },
        { arbitrary: fc.constantFrom(' ', ':', '"', "'", '-', '#', '\n', '\n      ', '$', '{'), weight: 1 },
      ),
    });
    let applied = 0;
    let tried = 0;
    fc.assert(
      fc.property(fc.nat(files.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), (index, edits) => {
        // The same document edited in turn, as an editor sends it: each version starts from the last one's snapshot.
        let snapshot = files[index].snapshot!;
        for (const { service, at, remove, text: typed } of edits) {
          const before = snapshot.text;
          const chunks = snapshot.chunks;
          const chunk = chunks[Math.min(Math.floor(service * chunks.length), chunks.length - 1)];
          const offset = chunk.bodyStart + Math.floor(at * (chunk.end - chunk.bodyStart));
          const text = before.slice(0, offset) + (remove ? '' : typed) + before.slice(remove ? offset + 1 : offset);
          const whole = lintComposeWhole(PATH, text, STRICT);
          const edited = lintServiceEdit(snapshot, PATH, text, STRICT);
          tried++;
          if (edited) {
            applied++;
            assert.deepEqual(shown(edited.result.findings), shown(whole.result.findings), `${files[index].name}`);
          }
          const next = edited?.snapshot ?? whole.snapshot;
          if (!next) return;
          snapshot = next;
        }
      }),
      { numRuns: RUNS, seed: 29 },
    );
    // Not a vacuous pass: a good share of the edits are linted within their service (the others break
    // the YAML, change an image, or fall in a file with an edge proxy).
    assert.ok(applied * 4 > tried, `${applied} of ${tried} edits linted within their service`);
  });
});
