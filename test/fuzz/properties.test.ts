import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument } from 'yaml';
import { applyEdits, fixAllText } from '../../server/src/engine/fixes';
import { lintText } from '../../server/src/rules';
import type { DocumentKind, Finding } from '../../server/src/core/types';
import { substitutions } from '../helpers/compose-go-template';

/** Cases per property: small in `npm test`, 10,000 in `npm run test:fuzz`. */
const RUNS = Number(process.env.SECPOLICY_FUZZ_RUNS ?? 150);
const SHARED = join(__dirname, '..', '..', '..', 'shared');

function seeds(folder: string, pattern: RegExp): string[] {
  const ours = join(__dirname, '..', '..', 'examples');
  const found = readdirSync(ours)
    .filter((name) => pattern.test(name))
    .map((name) => readFileSync(join(ours, name), 'utf8'));
  const path = join(SHARED, folder);
  if (existsSync(path)) {
    for (const name of readdirSync(path).filter((entry) => pattern.test(entry))) {
      found.push(readFileSync(join(path, name), 'utf8'));
    }
  }
  return found;
}

const word = fc.constantFrom(
  'security',
  'report',
  'within 48 hours',
  '2 business days',
  'strive',
  'do NOT open a public issue',
  'open an issue',
  'security@acme.dev',
  'security@example.com',
  'https://github.com/acme/app/security/advisories/new',
  'http://acme.dev',
  'TODO',
  '{{contact}}',
  '✅',
  ':x:',
  '1.x',
  '< 2.0',
  'latest',
  'Critical',
  'Low',
  '<!-- secpolicy-disable-next-line -->',
  '\r\n',
  '\t',
  '|',
  '`',
  '*',
);
const line = fc.array(fc.oneof(word, fc.string({ maxLength: 12 })), { maxLength: 8 }).map((words) => words.join(' '));
const markdownBlock = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.constantFrom(
        'Security Policy',
        'Supported Versions',
        'Reporting a Vulnerability',
        'What to Expect',
        'Disclosure',
        'Scope',
      ),
      line,
    )
    .map(([depth, title, rest]) => `${'#'.repeat(depth)} ${title} ${rest}`),
  line,
  fc.array(line, { minLength: 1, maxLength: 4 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  fc
    .array(fc.tuple(line, word), { minLength: 1, maxLength: 4 })
    .map((rows) => `| Version | Supported |\n| --- | --- |\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`),
);
const markdown = fc.array(markdownBlock, { maxLength: 12 }).map((blocks) => `${blocks.join('\n\n')}\n`);

const key = fc.constantFrom(
  'POSTGRES_PASSWORD',
  'JWT_SECRET',
  'LETSENCRYPT_STAGING',
  'API_KEY',
  'MODE',
  'DATABASE_URL',
  'MYSQL_ALLOW_EMPTY_PASSWORD',
);
const value = fc.oneof(
  fc.constantFrom(
    'postgres',
    'changeme',
    'true',
    '',
    '${X:-changeme}',
    '${X:?set}',
    'postgres://u:p@db/x',
    'Zq8$kL2!vB9#',
    '"quoted"',
    "'single'",
    'a: b',
    '[x]',
  ),
  fc.string({ maxLength: 10 }),
);
const environment = fc.oneof(
  fc
    .array(fc.tuple(key, value), { maxLength: 4 })
    .map((pairs) => `    environment:\n${pairs.map(([k, v]) => `      ${k}: ${v}`).join('\n')}`),
  fc
    .array(fc.tuple(key, value), { maxLength: 4 })
    .map((pairs) => `    environment:\n${pairs.map(([k, v]) => `      - ${k}=${v}`).join('\n')}`),
);
const serviceExtra = fc.constantFrom(
  '    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock',
  '    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock',
  '    ports:\n      - "5432:5432"',
  '    ports:\n      - "127.0.0.1:80:80"',
  '    command: redis-server --requirepass changeme',
  '    command: ["certbot", "--staging"]',
  '    privileged: true',
  '    cap_add: [SYS_ADMIN]',
  '    user: root',
  '    <<: *base',
  '',
);
const service = fc
  .tuple(
    fc.constantFrom('db', 'api', 'proxy', 'cache', 'agent'),
    fc.constantFrom('postgres:16', 'redis', 'nginx:latest', 'traefik:3'),
    environment,
    serviceExtra,
  )
  .map(([name, image, env, extra]) => `  ${name}:\n    image: ${image}\n${env}\n${extra}`);
const compose = fc
  .tuple(fc.boolean(), fc.array(service, { maxLength: 4 }))
  .map(
    ([anchor, services]) => `${anchor ? 'x-base: &base\n  restart: always\n' : ''}services:\n${services.join('\n')}\n`,
  );

/** A real file with a few random edits: insertions, deletions, replacements. */
function mutated(sources: string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...sources),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 8 })), { minLength: 1, maxLength: 5 }),
    )
    .map(([source, edits]) => {
      let text = source;
      for (const [at, length, insert] of edits) {
        const start = at % (text.length + 1);
        text = text.slice(0, start) + insert + text.slice(start + length);
      }
      return text;
    });
}

const documents: [DocumentKind, string, fc.Arbitrary<string>][] = [
  ['policy', 'generated Markdown', markdown],
  ['policy', 'mutated real policies', mutated(seeds('corpus/security-md', /\.md$/))],
  ['policy', 'any text', fc.string({ unit: 'grapheme', maxLength: 300 })],
  ['compose', 'generated Compose', compose],
  ['compose', 'mutated real Compose files', mutated(seeds('corpus/compose', /\.ya?ml$/))],
  ['compose', 'any text', fc.string({ unit: 'grapheme', maxLength: 300 })],
];

function overlapping(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return (a.start < b.end && b.start < a.end) || (a.start === b.start && a.end === b.end);
}

function checkFindings(text: string, findings: Finding[]): void {
  for (const finding of findings) {
    assert.ok(
      0 <= finding.start && finding.start <= finding.end && finding.end <= text.length,
      `${finding.ruleId} range`,
    );
    for (const fix of finding.fixes ?? []) {
      const own = fix.edits.filter((edit) => !('path' in edit && edit.path));
      own.forEach((edit, index) => {
        assert.ok(0 <= edit.start && edit.start <= edit.end && edit.end <= text.length, `${finding.ruleId} edit range`);
        for (const other of own.slice(index + 1))
          assert.ok(!overlapping(edit, other), `${finding.ruleId}: edits overlap`);
      });
      if (own.length === 0) continue;
      const fixed = applyEdits(text, own);
      const first = Math.min(...own.map((edit) => edit.start));
      const lastEnd = Math.max(...own.map((edit) => edit.end));
      assert.equal(fixed.slice(0, first), text.slice(0, first), `${finding.ruleId}: bytes before the edits kept`);
      const tail = text.length - lastEnd;
      assert.equal(
        fixed.slice(fixed.length - tail),
        text.slice(lastEnd),
        `${finding.ruleId}: bytes after the edits kept`,
      );
    }
  }
}

describe(`engine properties (${RUNS} cases each)`, function () {
  this.timeout(0);

  for (const [kind, label, arbitrary] of documents) {
    it(`${label}: never throws, ranges inside, fixes local and non-overlapping`, () => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const result = lintText(kind, text);
          assert.deepEqual(result.failures, []);
          checkFindings(text, result.findings);
        }),
        { numRuns: RUNS },
      );
    });

    it(`${label}: fix-all reaches a fixed point; YAML that parsed still parses`, () => {
      fc.assert(
        fc.property(arbitrary, (text) => {
          const lint = (current: string) => lintText(kind, current).findings;
          const once = fixAllText(text, lint).text;
          const twice = fixAllText(once, lint);
          assert.equal(twice.passes, 0, 'a second fix-all changes nothing');
          if (kind === 'compose' && parseDocument(text).errors.length === 0) {
            assert.deepEqual(
              parseDocument(once).errors.map((error) => error.message),
              [],
            );
          }
        }),
        { numRuns: RUNS },
      );
    });
  }
});

/** Environment keys as people write them, valid variable names or not, and values that fixes replace. */
const anyKey = fc
  .stringMatching(/^[A-Za-z0-9_.\-}{$ ]{1,16}$/)
  .map((raw) => `${raw}_PASSWORD`)
  .filter((name) => !/^\s|\s$/.test(name));
const weakValue = fc.constantFrom('changeme', 'postgres', 'admin', 'secret', 'Zq8kL2vB9xY4wR7pT1mNq', '');

describe(`fixes write only interpolations Compose reads as meant (${RUNS} cases)`, function () {
  this.timeout(0);

  it('every ${…} a fix writes names a valid variable, required with :?, the one its title names', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyKey, weakValue), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (pairs, list) => {
          const entries = pairs.map(([name, value]) =>
            list
              ? `      - ${JSON.stringify(`${name}=${value}`)}`
              : `      ${JSON.stringify(name)}: ${JSON.stringify(value)}`,
          );
          const text = `services:\n  db:\n    image: postgres:16\n    environment:\n${entries.join('\n')}\n`;
          const result = lintText('compose', text);
          assert.deepEqual(result.failures, []);
          for (const finding of result.findings) {
            for (const fix of finding.fixes ?? []) {
              const written = fix.edits.flatMap((edit) => substitutions(edit.newText));
              for (const substitution of written) {
                assert.ok(!substitution.invalid, `${fix.title}: ${substitution.text}`);
                assert.ok(
                  fix.title.includes(substitution.name) || /from \.env|to \.env/.test(fix.title),
                  `${fix.title} names ${substitution.name}`,
                );
                // The other places sharing the value read the variable the fix requires (`${VAR}`).
                assert.ok(substitution.modifier === ':?' || substitution.modifier === undefined, substitution.text);
                if (substitution.modifier === ':?') {
                  assert.ok(!substitution.rest!.includes('$'), `${substitution.text}: its message is plain text`);
                }
                assert.ok(
                  written.some((each) => each.name === substitution.name && each.modifier === ':?'),
                  `${fix.title}: ${substitution.name} is required somewhere in the fix`,
                );
              }
            }
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** `.env` files whose values refer to earlier ones, any number of times: chains, fans, bombs. */
const dotenvChains = fc
  .array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 40 })
  .map((references) =>
    references
      .map((refs, index) =>
        index === 0 || refs.length === 0
          ? `V${index}=value${index}`
          : `V${index}=${refs.map((ref) => `\${V${ref % index}}`).join('')}`,
      )
      .join('\n'),
  );

/** Lines opening lists and block quotes in any mix, deeper than the parser can follow. */
const nesting = fc
  .array(
    fc
      .array(fc.constantFrom('- ', '> ', '1. ', '* ', '+ ', '  ', '>'), { maxLength: 400 })
      .map((markers) => `${markers.join('')}text`),
    { minLength: 1, maxLength: 5 },
  )
  .map((lines) => `${lines.join('\n')}\n`);

describe(`hostile shapes (${RUNS} cases each)`, function () {
  this.timeout(0);

  it('.env reference chains: no throw, no failed rule, values stay bounded', () => {
    fc.assert(
      fc.property(dotenvChains, (text) => {
        const result = lintText('dotenv', text);
        assert.deepEqual(result.failures, []);
        checkFindings(text, result.findings);
      }),
      { numRuns: RUNS },
    );
  });

  it('lists and quotes nested in any mix: linted or declined with a reason, never a throw', () => {
    fc.assert(
      fc.property(nesting, (text) => {
        const result = lintText('policy', text);
        assert.deepEqual(result.failures, []);
        if (!result.skipped) checkFindings(text, result.findings);
      }),
      { numRuns: RUNS },
    );
  });
});
