import { duplicateSection } from '../../../../server/src/rules/policy/duplicate-section';
import { ruleTester } from '../../../helpers/rule-tester';

ruleTester(duplicateSection, {
  valid: [
    {
      name: 'one section per question',
      code: '# Security\n\n## Supported Versions\n\nLatest only.\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n\n## Disclosure Policy\n\nWe publish advisories.\n',
    },
    {
      name: 'a subsection refines its parent',
      code: '# Security\n\n## Reporting a Vulnerability\n\nEmail us.\n\n### How to Report\n\nSteps.\n',
    },
    {
      name: 'look-alikes: "When to report", a narrower reporting topic, in and out of scope, a process heading',
      code: '# Security\n\n## Reporting a Vulnerability\n\nEmail us.\n\n## When to report a vulnerability\n\nAlways.\n\n## Reporting a bug in a third-party plugin\n\nUpstream.\n\n## In scope\n\nX.\n\n## Out of scope\n\nY.\n\n## Disclosure\n\nA.\n\n## Patch, release and disclosure\n\nB.\n',
    },
    {
      name: 'the same heading under two different parents',
      code: '# Security\n\n## Server\n\n### Supported Versions\n\n2.x\n\n## Client\n\n### Supported Versions\n\n5.x\n',
    },
  ],
  invalid: [
    {
      name: 'two reporting sections and two supported-versions sections',
      code: '# Security\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n\n## Supported Versions\n\nOnly the latest.\n\n## How to Report\n\nUse the form.\n\n## Security Updates\n\nLatest only.\n',
      errors: [
        {
          line: 11,
          column: 1,
          endLine: 11,
          endColumn: 17,
          severity: 'warning',
          messageId: 'duplicate',
          data: { title: 'How to Report', firstTitle: 'Reporting a Vulnerability', topic: 'how to report' },
          message:
            '"How to Report" repeats "Reporting a Vulnerability" (both about how to report): merge them so readers get one answer.',
          fixes: [],
        },
        {
          line: 15,
          column: 1,
          endLine: 15,
          endColumn: 20,
          messageId: 'duplicate',
          data: { title: 'Security Updates', firstTitle: 'Supported Versions', topic: 'supported versions' },
        },
      ],
      output: null,
    },
    {
      name: 'the same heading twice, as after pasting a template below a policy',
      code: '# Security Policy\n\n## Reporting a Vulnerability\n\nEmail security@acme.dev.\n\n## Reporting a Vulnerability\n\nTell them where to go.\n',
      errors: [
        {
          line: 7,
          column: 1,
          endLine: 7,
          endColumn: 29,
          messageId: 'duplicate',
          data: { title: 'Reporting a Vulnerability', firstTitle: 'Reporting a Vulnerability', topic: 'how to report' },
        },
      ],
      output: null,
    },
  ],
});
