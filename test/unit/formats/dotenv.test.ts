import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { automaticFix } from '../../../server/src/engine/fixes';
import { lintText } from '../../../server/src/rules';
import { dotenvValue, parseDotenv } from '../../../server/src/formats/dotenv';
import { resolveInterpolation } from '../../../server/src/formats/compose/interpolation';
import { MAX_DOTENV_BYTES } from '../../../server/src/engine/limits';
import { readDotenv } from '../../../server/src/project/dotenv-file';
import { projectFacts } from '../../../server/src/project/facts';

describe('the .env format', () => {
  const values = (text: string) =>
    Object.fromEntries(parseDotenv(text).entries.map((entry) => [entry.name, entry.value]));

  it('reads KEY=value, export, KEY: value, comments and blank lines', () => {
    assert.deepEqual(values('# comment\n\nA=1\nexport B=two\nC: three\n  D = four  \n'), {
      A: '1',
      B: 'two',
      C: 'three',
      D: 'four',
    });
  });

  it('cuts unquoted values at " #" only, as Compose does', () => {
    assert.deepEqual(values('A=pa#ss # comment\nB=x\t# tab is not a comment start\n'), {
      A: 'pa#ss',
      B: 'x\t# tab is not a comment start',
    });
  });

  it('takes single quotes literally and expands escapes and variables in double quotes', () => {
    assert.deepEqual(values('A=\'$x \\n\'\nB="line\\nnext \\"q\\""\nC="${A}-${UNSET:-d}"\nD=$$x\nE="\\$x"\n'), {
      A: '$x \\n',
      B: 'line\nnext "q"',
      C: '$x \\n-d',
      D: '$x',
      E: '$x',
    });
  });

  it('reads quoted values over several lines, and counts lines', () => {
    const model = parseDotenv('KEY="-----BEGIN KEY-----\nabc\n-----END KEY-----"\nNEXT=1\n');
    assert.equal(model.byName.get('KEY')!.value, '-----BEGIN KEY-----\nabc\n-----END KEY-----');
    assert.equal(model.byName.get('NEXT')!.line, 4);
  });

  it('expands $VAR and ${VAR:-default} from earlier lines; a variable only the shell sets leaves the value unknown', () => {
    assert.deepEqual(values('HOST=db\nURL=postgres://$HOST/${NAME:-app}\nFROM_SHELL=${HOME}\n'), {
      HOST: 'db',
      URL: 'postgres://db/app',
      FROM_SHELL: undefined,
    });
  });

  it('keeps offsets of names and values, and the last line of a name wins', () => {
    const text = 'A=1\r\nB="two" # c\r\nA=3\r\nBARE\r\n';
    const model = parseDotenv(text);
    const b = model.byName.get('B')!;
    assert.equal(text.slice(b.valueStart, b.valueEnd), 'two');
    assert.equal(b.quote, '"');
    assert.equal(text.slice(b.lineStart, b.lineEnd), 'B="two" # c\r\n');
    assert.equal(model.byName.get('A')!.line, 3);
    const bare = model.entries.find((entry) => entry.name === 'BARE')!;
    assert.equal(bare.value, undefined);
    assert.equal(model.byName.has('BARE'), false);
  });

  it('reports lines it cannot read and an unterminated quote, without a throw', () => {
    const model = parseDotenv('GOOD=1\nnot a line\nBAD="open\n');
    assert.deepEqual(model.problems, [
      { kind: 'not-an-entry', start: 7, end: 17 },
      { kind: 'unterminated-quote', name: 'BAD', start: 22, end: 27 },
    ]);
    assert.equal(model.byName.get('GOOD')!.value, '1');
  });

  it('writes values so that Compose reads them back unchanged', () => {
    assert.equal(dotenvValue('Ab-9_x'), 'Ab-9_x');
    assert.equal(dotenvValue('p#ss $word'), "'p#ss $word'");
    assert.equal(dotenvValue("it's"), undefined);
    for (const value of ['Ab-9_x', 'p#ss $word', 'a b', 'x=y:z']) {
      assert.equal(parseDotenv(`K=${dotenvValue(value)}\n`).byName.get('K')!.value, value);
    }
  });
});

describe('interpolation with .env values', () => {
  const lookup = (name: string) => ({ SET: 'value', EMPTY: '' })[name];

  it('names the variables whose values it used', () => {
    assert.deepEqual(resolveInterpolation('${SET}-${UNSET:-x}', lookup).variables, ['SET']);
    assert.deepEqual(resolveInterpolation('${UNSET:-${SET}}', lookup).variables, ['SET']);
  });

  it('${VAR:?err} with an empty value stops Compose: no value is used', () => {
    assert.equal(resolveInterpolation('${EMPTY:?required}', lookup).value, undefined);
    assert.equal(resolveInterpolation('${EMPTY?required}', lookup).value, '');
  });

  it('stands a placeholder in for variables it cannot know, when asked', () => {
    assert.equal(resolveInterpolation('${PORT}:80', lookup, '?').value, '?:80');
    assert.equal(resolveInterpolation('${PORT:-8080}:80', lookup, '?').value, '8080:80');
  });
});

describe('project facts: the .env beside the file', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'secpolicy-facts-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads it, or says it is missing', () => {
    assert.deepEqual(projectFacts(folder).dotenv, { path: join(folder, '.env'), text: '', exists: false });
    writeFileSync(join(folder, '.env'), 'A=1\n');
    assert.deepEqual(readDotenv(folder), { dotenv: { path: join(folder, '.env'), text: 'A=1\n', exists: true } });
  });

  it('leaves out an oversized .env, so no fix writes to it, and says why', () => {
    writeFileSync(join(folder, '.env'), 'A='.padEnd(MAX_DOTENV_BYTES + 10, 'x'));
    const facts = projectFacts(folder);
    assert.equal(facts.dotenv, undefined);
    assert.deepEqual(facts.unread, [{ path: join(folder, '.env'), reason: 'larger than 1 MB' }]);
  });
});

describe('fixes that write to .env', () => {
  const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'compose');
  const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'compose');
  const files = [
    ...readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('compose.yaml'))
      .map((name) => join(FIXTURES, name)),
    ...(existsSync(CORPUS)
      ? readdirSync(CORPUS)
          .filter((name) => /\.ya?ml$/.test(name))
          .map((name) => join(CORPUS, name))
      : []),
  ];

  it('are never applied unattended: never preferred, never alone, always for review', () => {
    assert.ok(files.length > 0);
    const dotenv = { path: '/project/.env', text: 'POSTGRES_PASSWORD=postgres\nJWT_SECRET=short\n' };
    for (const file of files) {
      for (const finding of lintText('compose', readFileSync(file, 'utf8'), { facts: { dotenv } }).findings) {
        for (const fix of finding.fixes ?? []) {
          if (!fix.edits.some((edit) => edit.path !== undefined)) continue;
          assert.equal(fix.preferred, undefined, `${file}: ${fix.title}`);
          assert.equal(fix.needsReview, true, `${file}: ${fix.title}`);
          assert.ok(finding.fixes!.length > 1, `${file}: ${fix.title} is not alone`);
          assert.notEqual(automaticFix(finding), fix, `${file}: ${fix.title}`);
        }
      }
    }
  });
});

describe('credential findings in a .env document on its own', () => {
  it('reports weak passwords, short signing keys and empty passwords, at the value', () => {
    const text =
      'POSTGRES_USER=app\nPOSTGRES_PASSWORD=postgres\nJWT_SECRET="acme-jwt-2024"\nREDIS_PASSWORD=\nAPI_TOKEN=\nS3_SECRET_KEY=${FROM_SHELL}\nGOOD_PASSWORD=Xk9#mQ2!vLp7wTz\n';
    const found = lintText('dotenv', text).findings.map((finding) => [
      finding.ruleId,
      text.slice(finding.start, finding.end),
      finding.message,
    ]);
    assert.deepEqual(found, [
      ['dotenv/default-password', 'postgres', 'POSTGRES_PASSWORD is a well-known default password (po******).'],
      [
        'dotenv/weak-jwt-secret',
        'acme-jwt-2024',
        'JWT_SECRET is too weak to sign tokens: about 60 bits of entropy, where 256 (32 random bytes) are needed (ac********).',
      ],
      ['dotenv/empty-password', 'REDIS_PASSWORD', 'REDIS_PASSWORD is empty.'],
    ]);
  });
});
