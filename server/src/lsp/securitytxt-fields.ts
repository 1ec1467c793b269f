/**
 * What each registered security.txt field means, and where it is defined: RFC 9116 section 2.5
 * for its own fields, the IANA "security.txt Fields" registry for those added since.
 */
export const SECURITY_TXT_FIELDS: Readonly<Record<string, string>> = {
  acknowledgments:
    '**Acknowledgments** (RFC 9116, section 2.5.1): a link to the page that thanks researchers who reported vulnerabilities.',
  'bug-bounty': '**Bug-Bounty** (IANA registry): `True` or `False`, whether reports can be rewarded.',
  canonical:
    '**Canonical** (RFC 9116, section 2.5.2): the URI this file is served at, so a signed copy elsewhere can be told apart. Should be `https://…/.well-known/security.txt`.',
  contact:
    '**Contact** (RFC 9116, section 2.5.3): where to send reports, as a URI: `mailto:`, `https://` (a form) or `tel:`. Required; list the preferred one first.',
  csaf: '**CSAF** (IANA registry, OASIS CSAF 2.0): a link to the `provider-metadata.json` of the advisories published in CSAF.',
  encryption:
    '**Encryption** (RFC 9116, section 2.5.4): a link to the key to encrypt reports with (`https://…/pgp-key.txt`, `openpgp4fpr:`, `dns:`), never the key itself.',
  expires:
    '**Expires** (RFC 9116, section 2.5.5): the date and time after which the file is stale, in RFC 3339 (`2027-01-31T23:00:00.000Z`). Required, once; less than a year ahead is recommended.',
  hiring: '**Hiring** (RFC 9116, section 2.5.6): a link to security-related job openings.',
  policy:
    "**Policy** (RFC 9116, section 2.5.7): a link to the policy that says how to report and what reporters can expect, such as the repository's `SECURITY.md`.",
  'preferred-languages':
    '**Preferred-Languages** (RFC 9116, section 2.5.8): language tags the security team reads, comma-separated (`en, fr`). At most once.',
};
