import assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import type { DocumentKind } from '../../server/src/core/types';
import { lintText } from '../../server/src/rules';

/**
 * Lint time grows with the size of a document, not with its square: each kind is linted at one,
 * two, four and eight times a size, and eight times the text may take at most twenty times as long
 * (linear would be eight; quadratic, sixty-four). Every block of each document draws findings and
 * fixes, so the work per finding is measured too. (Markdown lists are left out of the policy: the
 * Markdown parser itself takes quadratic time on many lists between paragraphs.)
 */
const BLOCKS: Record<DocumentKind, (index: number) => string> = {
  dotenv: (i) =>
    `# block ${i}\nSVC${i}_PASSWORD=changeme\nSVC${i}_URL=postgres://app:Xk9mQ2vLp7wTz${i}@db/app\nSVC${i}_COPY=\${SVC${i}_PASSWORD}x\nBAD LINE ${i}\n`,
  compose: (i) =>
    `  svc${i}:\n    image: postgres:16\n    ports: ["${5000 + i}:5432"]\n    environment:\n` +
    `      POSTGRES_PASSWORD: pw${i}\n      DATABASE_URL: postgres://app:Xk9mQ2vLp7wTz${i}@db/app\n` +
    `    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n    command: redis-server --requirepass abc${i}\n`,
  policy: (i) =>
    `Please email security${i}@example.com; we answer within ${i + 1} days. See http://example.com/${i} ` +
    `and [Insert your project here].\n\n### Release ${i}\n\n| ${i}.0 | :white_check_mark: |\n\n`,
  securitytxt: (i) =>
    `# block ${i}\nContact: https://example.com/c${i}\nPolicy: http://example.com/p${i}\nPreferred-Languages: en, de\nUnknown-Field-${i}: x\n`,
};

const HEADS: Record<DocumentKind, string> = {
  dotenv: '',
  compose: 'services:\n',
  policy: '# Security Policy\n\n## Reporting a Vulnerability\n\n',
  securitytxt: 'Contact: mailto:security@example.com\nExpires: 2030-01-01T00:00:00Z\n',
};

/** Blocks in the smallest document: large enough to measure, small enough for the largest to stay fast. */
const BASE: Record<DocumentKind, number> = { dotenv: 600, compose: 100, policy: 40, securitytxt: 800 };

function documentOf(kind: DocumentKind, blocks: number): string {
  return HEADS[kind] + Array.from({ length: blocks }, (_, index) => BLOCKS[kind](index)).join('');
}

/** The fastest of several runs: the least disturbed by other work on the machine. */
function lintTime(kind: DocumentKind, text: string): number {
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    const result = lintText(kind, text);
    best = Math.min(best, performance.now() - start);
    assert.equal(result.skipped, undefined);
    assert.deepEqual(result.failures, []);
  }
  return best;
}

describe('lint time grows linearly with the document', function () {
  this.timeout(120_000);

  for (const kind of Object.keys(BLOCKS) as DocumentKind[]) {
    it(`${kind}: eight times the text takes less than twenty times as long`, () => {
      const findings = lintText(kind, documentOf(kind, 2)).findings;
      assert.ok(findings.length >= 2, `each block of the ${kind} document draws a finding`);
      // Compiled and warmed up first, so that the smallest size is not charged for it.
      lintTime(kind, documentOf(kind, BASE[kind]));
      const times = [1, 2, 4, 8].map((factor) => lintTime(kind, documentOf(kind, BASE[kind] * factor)));
      const ratio = times[3] / Math.max(times[0], 1);
      console.log(`      ${kind}: ${times.map((time) => time.toFixed(0)).join(', ')} ms`);
      assert.ok(ratio < 20, `${kind}: ×8 took ${ratio.toFixed(1)} times as long as ×1 (${times.join(', ')} ms)`);
    });
  }
});
