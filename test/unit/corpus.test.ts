import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../server/src/rules';
import type { DocumentKind } from '../../server/src/core/types';

/** Real public policies, Compose and security.txt files beside the project: input for a smoke run, not fixtures. */
const SHARED = join(__dirname, '..', '..', '..', 'shared');
const FOLDERS: [string, DocumentKind][] = [
  ['corpus/security-md', 'policy'],
  ['corpus/compose', 'compose'],
  ['corpus/security-txt', 'securitytxt'],
  ['seeds', 'policy'],
];

describe('smoke run over the shared corpus and seeds', function () {
  for (const [folder, kind] of FOLDERS) {
    const path = join(SHARED, folder);
    it(`lints every file in ${folder} without a throw or a failed rule`, function () {
      if (!existsSync(path)) {
        console.log(`      skipped: ${path} is not present in this checkout`);
        this.skip();
      }
      const files = readdirSync(path).filter((name) => /\.(md|ya?ml|txt)$/i.test(name));
      assert.ok(files.length > 0, `${path} has files`);
      for (const name of files) {
        const text = readFileSync(join(path, name), 'utf8');
        const result = lintText(kind, text, { facts: { packageVersion: '1.0.0' } });
        assert.deepEqual(result.failures, [], `${name}: no rule failed`);
        for (const finding of result.findings) {
          assert.ok(
            0 <= finding.start && finding.start <= finding.end && finding.end <= text.length,
            `${name}: ${finding.ruleId} range`,
          );
        }
      }
    });
  }
});
