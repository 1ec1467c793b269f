import assert from 'node:assert/strict';
import type { FileReport, RunReport } from '../../../server/src/cli/report';
import { LineIndex } from '../../../server/src/core/text';
import { formatGithub } from '../../../server/src/cli/reporters/github';

function file(path: string, text: string, findings: Partial<FileReport['findings'][number]>[]): FileReport {
  return {
    path,
    lines: new LineIndex(text),
    fixed: 0,
    fixable: 0,
    toReview: 0,
    suppressed: [],
    findings: findings.map((finding) => ({
      ruleId: 'policy/x',
      severity: 'warning',
      message: 'm',
      messageId: 'm',
      start: 0,
      end: 1,
      ...finding,
    })),
  };
}

describe('CLI: --format github', () => {
  it('escapes what could end the line or split the properties, and leaves columns out across lines', () => {
    const report: RunReport = {
      files: [
        file('a:b,c/SECURITY.md', 'line one\nline two\n', [
          // A message carrying text from the file: a newline must not start a command of its own.
          { severity: 'error', message: '100% sure\n::set-env name=X::1', start: 5, end: 8 },
          { severity: 'info', message: 'spans lines', start: 5, end: 13 },
        ]),
      ],
      problems: [{ path: '/abs/x.env', message: 'skipped: 50% binary', shown: 'x.env' }],
    };
    assert.equal(
      formatGithub(report),
      [
        '::error file=a%3Ab%2Cc/SECURITY.md,line=1,endLine=1,col=6,endColumn=9,title=policy/x::100%25 sure%0A::set-env name=X::1',
        '::notice file=a%3Ab%2Cc/SECURITY.md,line=1,endLine=2,title=policy/x::spans lines',
        '::error file=x.env,title=secpolicy::skipped: 50%25 binary',
        'secpolicy: 1 error, 0 warnings, 1 info',
        '',
      ].join('\n'),
    );
  });
});
