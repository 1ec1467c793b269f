/**
 * Security policy templates, shared by the editor command and `secpolicy init`.
 * Every template renders to a policy that lints with no error or warning.
 */

import { CANONICAL_MARKERS, SECTION_TITLES } from '../policy-words';

export type TemplateName = 'minimal' | 'standard' | 'comprehensive';

export const TEMPLATE_NAMES: readonly TemplateName[] = ['minimal', 'standard', 'comprehensive'];

export const TEMPLATE_DESCRIPTIONS: Record<TemplateName, string> = {
  minimal: 'Private contact, response time and supported versions',
  standard: 'Versions table, reporting, response timeline and disclosure',
  comprehensive: 'Standard, plus severity deadlines, scope, safe harbor and encrypted contact',
};

export interface TemplateInput {
  template: TemplateName;
  /**
   * An email address or an https URL (a form or GitHub private vulnerability reporting). Without
   * one the text has no reporting section: for adding sections to a policy that has its own.
   */
  contact?: string;
  project: string;
  /** The current version, e.g. from package.json; without it the policy supports the latest release. */
  version?: string;
}

export type ContactCheck = { ok: true; kind: 'email' | 'url' } | { ok: false; reason: string };

const EMAIL = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}$/;

/** Accepts an email address or an https URL; says why anything else is refused. */
export function checkContact(contact: string): ContactCheck {
  const value = contact.trim();
  if (value === '') return { ok: false, reason: 'Enter an email address or an https:// URL.' };
  if (EMAIL.test(value.replace(/^mailto:/i, ''))) return { ok: true, kind: 'email' };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, reason: `"${value}" is neither an email address nor a URL.` };
  }
  if (url.protocol !== 'https:') return { ok: false, reason: 'Use an https:// URL so reports travel encrypted.' };
  if (/\/(?:issues|discussions|pulls?)(?:\/|$)/.test(url.pathname)) {
    return { ok: false, reason: 'A public issue tracker is not a private channel: use an email or a private form.' };
  }
  return { ok: true, kind: 'url' };
}

/** GitHub's private vulnerability reporting form for `owner/name`. */
export function privateReportingUrl(repository: string): string {
  return `https://github.com/${repository}/security/advisories/new`;
}

function contactSentence(contact: string): string {
  const value = contact.trim().replace(/^mailto:/i, '');
  if (EMAIL.test(value)) return `Please report vulnerabilities privately by email to ${value}.`;
  if (/\/security\/advisories\/new\/?$/.test(value)) {
    return `Please report vulnerabilities privately through [GitHub private vulnerability reporting](${value}).`;
  }
  return `Please report vulnerabilities privately through [our reporting form](${value}).`;
}

/**
 * A supported-versions table for the release line of `version` (`1.4.2` supports `1.4.x`), or
 * undefined when `version` names no release line.
 */
export function supportedVersionsTable(version: string | undefined): string[] | undefined {
  const match = version ? /^v?(\d+)\.(\d+)/.exec(version) : null;
  if (!match) return undefined;
  const [, major, minor] = match;
  const { supported, unsupported } = CANONICAL_MARKERS.emoji;
  return [
    '| Version | Supported |',
    '| ------- | --------- |',
    `| ${major}.${minor}.x | ${supported} |`,
    `| < ${major}.${minor} | ${unsupported} |`,
  ];
}

function versionsSection(version: string | undefined): string[] {
  const table = supportedVersionsTable(version);
  const body = table ?? ['Security fixes are released for the latest version only.'];
  return [`## ${SECTION_TITLES['supported-versions']}`, '', ...body];
}

/** Renders a template to Markdown, with `\n` line endings and a final newline. */
export function renderPolicy(input: TemplateInput): string {
  const { project } = input;
  const reporting =
    input.contact === undefined
      ? []
      : [
          [
            `## ${SECTION_TITLES.reporting}`,
            '',
            `${contactSentence(input.contact)} Do not open a public issue, discussion or pull request.`,
            '',
            'Include what you found, the affected version, steps to reproduce and the impact you expect.',
          ],
        ];
  const expectations = [
    `### ${SECTION_TITLES.response}`,
    '',
    'We acknowledge every report within 3 business days and send a first assessment within 10 business days.',
    'We keep you informed until the issue is fixed, and credit you in the advisory unless you prefer otherwise.',
  ];
  const disclosure = [
    `## ${SECTION_TITLES.disclosure}`,
    '',
    'We follow coordinated disclosure: once a fix is released we publish a security advisory and request a CVE',
    'where one applies. Please keep the issue private until the advisory is published, or for 90 days at most.',
  ];
  const sections: string[][] = [[`# Security Policy for ${project}`]];
  if (input.template === 'minimal') {
    sections.push(versionsSection(input.version), ...reporting, expectations);
    return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
  }
  sections.push(versionsSection(input.version), ...reporting, expectations, disclosure);
  if (input.template === 'comprehensive') {
    sections.push(
      [
        '## Response Times by Severity',
        '',
        '| Severity | Fix released within |',
        '| -------- | ------------------- |',
        '| Critical | 7 days |',
        '| High | 30 days |',
        '| Medium | 60 days |',
        '| Low | 90 days |',
      ],
      [
        `## ${SECTION_TITLES.scope}`,
        '',
        `In scope: the code in this repository and the releases of ${project} we publish.`,
        'Out of scope: third-party dependencies (report those upstream), and findings that need physical access or',
        'a compromised machine.',
      ],
      [
        `## ${SECTION_TITLES['safe-harbor']}`,
        '',
        'We will not pursue legal action against research done in good faith under this policy: avoid privacy',
        'violations, data destruction and service disruption, and give us reasonable time to fix the issue.',
      ],
      [
        `## ${SECTION_TITLES.encryption}`,
        '',
        'If your report holds sensitive details, ask for our PGP key in your first message and we will send it',
        'before you share them.',
      ],
    );
  }
  return `${sections.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
