import { dotenvInvalidLine } from '../../../../server/src/rules/dotenv/invalid-line';
import { ruleTester } from '../../../helpers/rule-tester';

/** Each line doubles the one before: line n holds 2^n copies of `x`. */
function doublingChain(lines: number): string {
  const out = ['V0=xx'];
  for (let i = 1; i < lines; i++) out.push(`V${i}=\${V${i - 1}}\${V${i - 1}}`);
  return `${out.join('\n')}\n`;
}

/** Each line repeats the one before and adds a character: quadratic in all, linear per line. */
function growingChain(lines: number, width: number): string {
  const out = [`V0=${'y'.repeat(width)}`];
  for (let i = 1; i < lines; i++) out.push(`V${i}=\${V${i - 1}}z`);
  return `${out.join('\n')}\n`;
}

ruleTester(dotenvInvalidLine, {
  valid: [
    { name: 'entries, comments, export and blank lines', code: '# db\nexport A=1\n\nB="two words"\nC=${A}-${B}\n' },
    { name: 'a bare key takes its value from the shell', code: 'TOKEN\n' },
    { name: 'a chain of references that stays small', code: doublingChain(10) },
  ],
  invalid: [
    {
      name: 'a line that is no entry',
      code: 'A=1\nNOT A SETTING\nB=2\n',
      errors: [
        {
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 14,
          messageId: 'notAnEntry',
          message: 'Not a KEY=value line: Compose refuses a .env file that holds one.',
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      name: 'a quoted value never closed',
      code: 'A=1\nREDIS_PASSWORD="unclosed\nB=2\n',
      errors: [
        {
          line: 2,
          column: 16,
          endLine: 2,
          endColumn: 25,
          messageId: 'unterminatedQuote',
          data: { name: 'REDIS_PASSWORD' },
          message: 'The quoted value of REDIS_PASSWORD is never closed: Compose stops reading the file here.',
        },
      ],
      output: null,
    },
    {
      name: 'an expansion bomb: 31 lines, each doubling the one before',
      code: doublingChain(31),
      errors: [
        {
          line: 17,
          column: 5,
          endLine: 17,
          endColumn: 17,
          messageId: 'tooLong',
          data: { name: 'V16', limit: '65,536' },
          message: 'V16 expands to more than 65,536 characters, far past any real setting: its value is not judged.',
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: 'a long chain whose values together pass the budget',
      code: growingChain(400, 4000),
      errors: [
        {
          line: 256,
          column: 6,
          endLine: 256,
          endColumn: 14,
          messageId: 'expansionBudget',
          data: { name: 'V255', limit: '1,048,576' },
          severity: 'warning',
        },
      ],
      output: null,
    },
  ],
});
