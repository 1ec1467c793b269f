/**
 * security.txt (RFC 9116) as the editor writes it: shared by the fixes, completion and the
 * command that creates the file. The clock is read by the callers and passed in as `now`.
 */

import { checkContact } from './templates/policy';

/**
 * A date a little under a year after `now` (an ISO date-time), at midnight UTC, as RFC 3339:
 * the Expires a fix, a completion or a new file gets. Undefined without a usable `now`.
 */
export function nextExpires(now: string | undefined): string | undefined {
  const time = now === undefined ? NaN : Date.parse(now);
  if (Number.isNaN(time)) return undefined;
  const today = new Date(time);
  const date = new Date(Date.UTC(today.getUTCFullYear() + 1, today.getUTCMonth(), today.getUTCDate() - 1));
  return `${date.toISOString().slice(0, 10)}T00:00:00Z`;
}

export interface SecurityTxtInput {
  /** An email address (with or without `mailto:`) or an https URL. */
  contact: string;
  /** The current time, an ISO date-time: `Expires` is just under a year after it. */
  now: string;
  /** The policy's URL; without one the file has no `Policy` field. */
  policyUrl?: string;
  /** The site's address (`https://acme.dev`), or the file's own URL; gives `Canonical`. */
  site?: string;
}

/** The URI a Contact field holds: `mailto:` before an email address, a URL as it is. */
export function contactUri(contact: string): string {
  const value = contact.trim();
  const check = checkContact(value);
  return check.ok && check.kind === 'email' ? `mailto:${value.replace(/^mailto:/i, '')}` : value;
}

/** Where security.txt lives on a site (RFC 9116 section 3). */
export const WELL_KNOWN_PATH = '.well-known/security.txt';

/** The URL of the security.txt of the site `site` (an origin, or the file's own URL). */
export function canonicalUrl(site: string): string {
  const url = new URL(site.trim());
  return `${url.origin}/${WELL_KNOWN_PATH}`;
}

/**
 * The page where GitHub shows the security policy of the repository `owner/name`, for a `Policy`
 * field: the one policy GitHub picks (`.github/`, the root or `docs/`) on the default branch, or
 * the account's default policy, so the link holds when the file moves or the branch is renamed.
 */
export function githubPolicyUrl(repository: string): string {
  return `https://github.com/${repository}/security/policy`;
}

/** A security.txt for a new `.well-known/security.txt`, with `\n` line endings and a final newline. */
export function renderSecurityTxt(input: SecurityTxtInput): string {
  const expires = nextExpires(input.now);
  if (expires === undefined) throw new Error(`Not a date-time: ${input.now}`);
  const lines = [`Contact: ${contactUri(input.contact)}`, `Expires: ${expires}`];
  if (input.policyUrl) lines.push(`Policy: ${input.policyUrl}`);
  lines.push('Preferred-Languages: en');
  if (input.site) lines.push(`Canonical: ${canonicalUrl(input.site)}`);
  return `${lines.join('\n')}\n`;
}

/**
 * The first private contact a policy gives, to offer as the file's Contact: an email address or
 * a GitHub private vulnerability reporting link, whichever comes first. Undefined when it has neither.
 */
export function firstPolicyContact(policy: string): string | undefined {
  for (const word of policy.split(/[\s<>()[\]"'`,;|*]/)) {
    // A sentence's full stop is not part of the address.
    const candidate = word.endsWith('.') ? word.slice(0, -1) : word;
    const check = checkContact(candidate);
    if (check.ok && check.kind === 'email') return candidate.replace(/^mailto:/i, '');
    if (/^https:\/\/github\.com\/[\w.-]{1,100}\/[\w.-]{1,100}\/security\/advisories\/new$/.test(candidate)) {
      return candidate;
    }
  }
  return undefined;
}
