import assert from 'node:assert/strict';
import {
  canonicalUrl,
  contactUri,
  firstPolicyContact,
  githubPolicyUrl,
  renderSecurityTxt,
} from '../../../common/security-txt';
import { lintText } from '../../../server/src/rules';

const now = '2026-11-30T09:15:00.000Z';

/** Every finding of every rule, as `rule: message`. */
function findings(text: string): string[] {
  return lintText('securitytxt', text, { facts: { now, githubRepository: 'acme/api' } }).findings.map(
    (finding) => `${finding.ruleId}: ${finding.message}`,
  );
}

describe('Create security.txt: the text', () => {
  it('writes Contact, Expires just under a year ahead, Policy, Preferred-Languages and Canonical, and lints clean', () => {
    const text = renderSecurityTxt({
      contact: 'security@acme.dev',
      now,
      policyUrl: githubPolicyUrl('acme/api'),
      site: 'https://acme.dev/',
    });
    assert.equal(
      text,
      [
        'Contact: mailto:security@acme.dev',
        'Expires: 2027-11-29T00:00:00Z',
        'Policy: https://github.com/acme/api/security/policy',
        'Preferred-Languages: en',
        'Canonical: https://acme.dev/.well-known/security.txt',
        '',
      ].join('\n'),
    );
    assert.deepEqual(findings(text), []);
  });

  it('keeps a URL contact as it is and leaves out what was not given', () => {
    const text = renderSecurityTxt({ contact: ' https://github.com/acme/api/security/advisories/new ', now });
    assert.equal(
      text,
      'Contact: https://github.com/acme/api/security/advisories/new\nExpires: 2027-11-29T00:00:00Z\nPreferred-Languages: en\n',
    );
    // Without a Policy link the only note is the one that asks for it.
    assert.deepEqual(
      findings(text).map((finding) => finding.split(':')[0]),
      ['securitytxt/no-policy'],
    );
  });

  it('writes mailto: once, whether or not the contact has it', () => {
    assert.equal(contactUri('mailto:security@acme.dev'), 'mailto:security@acme.dev');
    assert.equal(contactUri('security@acme.dev'), 'mailto:security@acme.dev');
    assert.equal(contactUri('https://acme.dev/report'), 'https://acme.dev/report');
  });

  it('puts Canonical at the well-known path of the site, whatever path was typed', () => {
    assert.equal(canonicalUrl('https://acme.dev'), 'https://acme.dev/.well-known/security.txt');
    assert.equal(
      canonicalUrl('https://acme.dev/.well-known/security.txt'),
      'https://acme.dev/.well-known/security.txt',
    );
    assert.equal(canonicalUrl('https://acme.dev:8443/about'), 'https://acme.dev:8443/.well-known/security.txt');
  });

  it("reads the policy's first email address or private reporting link", () => {
    assert.equal(
      firstPolicyContact(
        '# Security\n\nReport through [GitHub](https://github.com/acme/api/security/advisories/new) or mail security@acme.dev.\n',
      ),
      'https://github.com/acme/api/security/advisories/new',
    );
    assert.equal(
      firstPolicyContact('Mail [us](mailto:sec@acme.dev), or https://github.com/acme/api/security/advisories/new.'),
      'sec@acme.dev',
    );
    assert.equal(firstPolicyContact('Mail **security@acme.dev**.\n'), 'security@acme.dev');
    assert.equal(firstPolicyContact('Open an issue at https://github.com/acme/api/issues.'), undefined);
  });
});
