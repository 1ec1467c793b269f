import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentKind, Finding } from '../../server/src/core/types';
import { applyEdits } from '../../server/src/engine/fixes';
import { lintText } from '../../server/src/rules';
import { fixedRandomBytes } from '../helpers/rule-tester';

/**
 * Offsets are exact whatever a file's line endings and byte-order mark: every finding of the
 * corpus lands on the same line and column, and every fix changes the same text, in the LF, CRLF,
 * BOM and BOM+CRLF variants of each file, and with LF and CRLF mixed.
 */
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');
const FOLDERS: [string, DocumentKind][] = [
  ['security-md', 'policy'],
  ['compose', 'compose'],
  ['security-txt', 'securitytxt'],
];
const BOM = '\uFEFF';

/** Every other line break made CRLF: a file edited on two systems. */
function mixed(text: string): string {
  let count = 0;
  return text.replace(/\n/g, () => (count++ % 2 === 1 ? '\r\n' : '\n'));
}

const VARIANTS: [string, (text: string) => string][] = [
  ['CRLF', (text) => text.replace(/\n/g, '\r\n')],
  ['BOM', (text) => BOM + text],
  ['BOM+CRLF', (text) => BOM + text.replace(/\n/g, '\r\n')],
  ['mixed', mixed],
  ['BOM+mixed', (text) => BOM + mixed(text)],
];

/** `.env` files with every shape of line the parser reads: there is no corpus of them. */
const DOTENV_FILES = [
  'DB_PASSWORD=changeme\nexport API_KEY="abc"\n# a comment\nSECRET_KEY=short # trailing comment\n' +
    'COPY=${DB_PASSWORD}\nPOSTGRES_PASSWORD=postgres\n  BAD LINE\nJWT_SECRET=secret\nALONE\n',
  "SINGLE='it''s'\nEMPTY=\nURL=postgres://app:Xk9mQ2vLp7wTz@db/app\nOPEN=\"never closed\nAFTER=1\n",
];

/** Back to the LF text without a byte-order mark. */
function normalise(text: string): string {
  return (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n/g, '\n');
}

/** Line and column of `offset`, counting neither the byte-order mark nor carriage returns. */
function place(text: string, offset: number): string {
  return `${normalise(text.slice(0, offset)).split('\n').length}:${normalise(text.slice(0, offset)).split('\n').pop()!.length}`;
}

/** A finding as the user sees it, and the text each of its fixes leaves, all in LF terms. */
function outcome(text: string, finding: Finding): string[] {
  const fixes = (finding.fixes ?? [])
    .filter((fix) => fix.edits.every((edit) => edit.path === undefined))
    .map((fix) => `${fix.title}\n${normalise(applyEdits(text, fix.edits))}`);
  return [`${finding.ruleId} ${place(text, finding.start)}-${place(text, finding.end)} ${finding.message}`, ...fixes];
}

function outcomes(kind: DocumentKind, text: string): string[][] {
  const facts = { packageVersion: '1.0.0', now: '2026-01-01T00:00:00Z' };
  return lintText(kind, text, { facts, randomBytes: fixedRandomBytes }).findings.map((finding) =>
    outcome(text, finding),
  );
}

function assertSameOutcomes(kind: DocumentKind, text: string, name: string): void {
  const expected = outcomes(kind, text);
  for (const [variant, make] of VARIANTS) {
    assert.deepEqual(outcomes(kind, make(text)), expected, `${name} (${variant})`);
  }
}

describe('line endings and byte-order marks', () => {
  it('every finding and fix of a .env file is the same in LF, CRLF, BOM, BOM+CRLF and mixed endings', () => {
    DOTENV_FILES.forEach((text, index) => {
      assert.ok(outcomes('dotenv', text).length > 0);
      assertSameOutcomes('dotenv', text, `.env number ${index + 1}`);
    });
  });

  for (const [folder, kind] of FOLDERS) {
    it(`every finding and fix of corpus/${folder} is the same in LF, CRLF, BOM, BOM+CRLF and mixed endings`, function () {
      const path = join(CORPUS, folder);
      if (!existsSync(path)) this.skip();
      const files = readdirSync(path).filter((name) => /\.(?:md|ya?ml|txt)$/.test(name));
      assert.ok(files.length > 0);
      for (const name of files) {
        const text = readFileSync(join(path, name), 'utf8')
          .replace(/\r\n/g, '\n')
          .replace(/^\uFEFF/, '');
        assertSameOutcomes(kind, text, name);
      }
    });
  }
});
