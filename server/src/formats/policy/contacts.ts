import { firstAtLeast, firstStartAfter, rangeAt } from './ranges';
import type { Nodes, Root } from 'mdast';
import { nodeRange } from '../markdown';
import type { Contact, ContactKind, TextBlock } from './model';
import { affirmedMatch, isNegated } from './negation';
import { memoizeByText } from '../../core/memo';
import { clauseBefore, plainRange } from './prose';

/** Mailbox names that make "<name> at <domain>" an address even without "[at]" or "dot". */
const MAILBOX_NAMES =
  /^(?:security|secure|sec|info|contact|support|admin|abuse|psirt|cert|csirt|sirt|report|reports|vuln|vulns|vulnerability|vulnerabilities|disclosure|bugs|bugbounty|privacy|webmaster|postmaster|maintainers?)$/i;

const BOUNTY_HOSTS =
  /(?:^|\.)(?:hackerone\.com|bugcrowd\.com|intigriti\.com|yeswehack\.com|huntr\.(?:dev|com)|immunefi\.com|zerodayinitiative\.com|openbugbounty\.org)$/i;

/**
 * Words that name GitHub's private reporting feature as the way to report. Each is read in the plain words of its
 * sentence and counts only where no word of its clause negates it ("the option is not showing up under the Security
 * tab", "if you cannot use GitHub Security Advisories").
 */
const PRIVATE_REPORTING_PHRASE =
  /\bprivate(?:ly)? vulnerability report(?:ing)?|\bsecurity advisor(?:y|ies) (?:tab|page|form|feature)|\bsecurity tab\b|\bdraft an? (?:new )?security advisory|\b(?:use|using|via|through)(?: (?:the|a|an|our|github|github's|private)){0,3} security advisor(?:y|ies)\b|(?:→|->|»|\bclick(?: on)?(?: the)?|\bselect(?: the)?|\bpress(?: the)?) ?["“'‘]?report a vulnerability\b|\breport a vulnerability["”'’]? button\b/gi;

/**
 * The button's label set off by quotes or code marks in the source: "Report a vulnerability", `Report a vulnerability`.
 * Emphasis alone is no button: "**Report a vulnerability**" is as often a heading in bold; in bold, the button is known
 * by the words around it (an arrow, "click", "button" in PRIVATE_REPORTING_PHRASE).
 */
const REPORT_BUTTON = /["“'‘`]report a vulnerability["”'’`]/gi;

const LABEL_LENGTH = 'report a vulnerability'.length;

/** The advisory feature named at the start of a list item, as one of the ways to report ("1. GitHub Security Advisory (recommended)"). */
const ADVISORY_ITEM = /^(?:github(?:'s|の)? ?)?(?:private )?(?:security advisor(?:y|ies)|vulnerability reporting)\b/i;

/** Words of maintainers publishing an advisory, not reporters sending one ("we use GitHub Security Advisories to publish fixes"). */
const PUBLISHING = /\b(?:publish|announc|releas)/i;

const FORGE_HOST = /(?:^|\.)(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)$/i;

const PLACEHOLDER_TLD = /^(?:example|test|invalid|localhost|tld)$/i;

const PLACEHOLDER_LABEL =
  /^(?:example|your[-_]?(?:domain|company|project|org|organi[sz]ation|site|website|app|product|host|server|team)?|my[-_]?(?:domain|company|project|org|site)|domain|company|project|organi[sz]ation|(?:company|project|org)[-_]?name)$/i;

const PLACEHOLDER_MAILBOX =
  /^(?:you|your[-_.]?(?:name|email|e-?mail|address|handle|user(?:name)?|alias)?|user(?:name)?|someone|somebody|name|first[-_.]?name[-_.]?last[-_.]?name|firstname|(?:john|jane)[-_.]?doe|foo|foobar|nobody|email|e-?mail[-_.]?address)$/i;

/** Path segments of a forge URL that a template leaves for the owner to fill in. */
const PLACEHOLDER_SEGMENT =
  /^(?:your[-_]?(?:org(?:anization)?|user(?:name)?|name|account|project|repo(?:sitory)?|company|team)|my[-_]?(?:org|project|repo|user)|owner|username|<[^>]{1,40}>|\{[^}]{1,40}\}|%7B[^/]{1,40}%7D|%3C[^/]{1,40}%3E|:[a-z]{1,20})$/i;

/** Capitals mark a stand-in ("OWNER/REPO"); in lower case these are plausible real names. */
const PLACEHOLDER_CAPITALS = /^(?:OWNER|REPO(?:SITORY)?|ORG(?:ANIZATION)?|USER(?:NAME)?|PROJECT|NAME)$/;

const GENERIC_SEGMENT = /^(?:org|user|repo|project|name)$/;

export function isPlaceholderHost(host: string): boolean {
  const labels = host.toLowerCase().split('.');
  if (labels.length > 1 && PLACEHOLDER_TLD.test(labels[labels.length - 1])) return true;
  return labels.slice(0, -1).some((label) => PLACEHOLDER_LABEL.test(label)) || host.toLowerCase() === 'localhost';
}

function isPlaceholderEmail(address: string): boolean {
  const at = address.lastIndexOf('@');
  return PLACEHOLDER_MAILBOX.test(address.slice(0, at)) || isPlaceholderHost(address.slice(at + 1));
}

function isPlaceholderUrl(url: URL): boolean {
  if (isPlaceholderHost(url.hostname)) return true;
  if (!FORGE_HOST.test(url.hostname)) return false;
  const [owner = '', repo = ''] = url.pathname.split('/').filter(Boolean);
  if ([owner, repo].some((segment) => PLACEHOLDER_SEGMENT.test(segment) || PLACEHOLDER_CAPITALS.test(segment))) {
    return true;
  }
  return GENERIC_SEGMENT.test(owner) && GENERIC_SEGMENT.test(repo);
}

/**
 * Words of a URL path that make the page a form for reports ("report-a-vulnerability", "create-report",
 * "report-security-issue"): a verb of reporting and what is reported, on a page that is not a document about it.
 * A host or path that merely contains "secur" or "report" (a security page, securitytxt.org) is no form.
 */
const FORM_VERB = /^(?:report|reporting|submit)$/;

const FORM_OBJECT = /^(?:vulnerability|vulnerabilities|vuln|vulns|security|issue|bug|incident|create|new)$/;

/** Pages about a process rather than the place to use it: guidelines, policies, templates, documentation. */
const DOCUMENT_WORD =
  /^(?:template|policy|policies|guidelines?|guide|docs?|documentation|process|faq|blog|about|terms|resources|md)$/;

function pathWords(url: URL): string[] {
  return url.pathname
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function isReportForm(words: string[]): boolean {
  return (
    words.some((word) => FORM_VERB.test(word)) &&
    words.some((word) => FORM_OBJECT.test(word)) &&
    !words.some((word) => DOCUMENT_WORD.test(word))
  );
}

/** Where a link stands in its sentence: the sentence's plain words, and those before the link. */
interface LinkContext {
  sentence: string;
  before: string;
}

/**
 * Whether the words just before a link make it the place a report goes: "send your report to", "use the",
 * "via:" (one of those words, then at most two short words, a colon and a space). Read word by word: an
 * end-anchored expression with optional words backtracks on long text.
 */
function pointsAtDestination(before: string): boolean {
  let text = before.endsWith(' ') ? before.slice(0, -1) : before;
  if (text.endsWith(':')) text = text.slice(0, -1);
  const words = text.split(' ');
  for (let after = 0; after <= 2 && after < words.length; after++) {
    if (after > 0 && !/^[\w'’-]{1,30}$/.test(words[words.length - after])) return false;
    if (/(?:^|\W)(?:to|via|through|use|at)$/i.test(words[words.length - after - 1])) return true;
  }
  return false;
}

const REPORTING_VERB = /\b(?:report|reports|reporting|reported|submit|send|disclose|contact|reach|notify|file|tell)\b/i;

/** A sentence that points at a page to read, or a place for questions, rather than a place to send a report. */
const NOT_FOR_REPORTS =
  /\b(?:see|read|visit|refer|learn|find|found|look|check|follow|details?|information|instructions|steps|guidelines|documentation|questions?)\b/i;

/**
 * Pages of CVE authorities and public package registries: reports may also go there ("issues may also be
 * reported to [MITRE](…)"), but none is the project's private channel.
 */
const OTHER_AUTHORITY_HOST =
  /(?:^|\.)(?:cve\.mitre\.org|cve\.org|nvd\.nist\.gov|cisa\.gov|kb\.cert\.org|pypi\.org|npmjs\.com|rubygems\.org|crates\.io|nuget\.org)$/i;

/** Keys and text files sit beside a channel ("encrypt with [our key](…/pgp.asc)"); they are not one. */
const KEY_FILE = /\.(?:asc|gpg|pgp|pub|key|txt)$/i;

/** Whether the sentence sends reports to the link: "send your report to [@handle](…)", "please use the [security contact](…)". */
function sendsReportsTo(context: LinkContext): boolean {
  return (
    pointsAtDestination(context.before) &&
    affirmedMatch(context.before, REPORTING_VERB) !== undefined &&
    !NOT_FOR_REPORTS.test(context.sentence)
  );
}

function classifyUrl(
  url: string,
  context: LinkContext | undefined,
): { kind: ContactKind; placeholder: boolean } | undefined {
  if (/^mailto:/i.test(url)) {
    const address = url.replace(/^mailto:/i, '').split('?')[0];
    return { kind: 'email', placeholder: isPlaceholderEmail(address) };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const placeholder = isPlaceholderUrl(parsed);
  const forge = FORGE_HOST.test(parsed.hostname);
  // A repository's Security tab, its advisories and the form for a new one.
  if (
    /\/security\/advisories(?:\/new)?\/?$/i.test(parsed.pathname) ||
    (forge && /^\/[^/]+\/[^/]+\/security\/?$/i.test(parsed.pathname))
  ) {
    return { kind: 'private-advisory', placeholder };
  }
  // GitHub's help pages: the one on private reporting says which channel to use; the rest are no channel.
  if (/^(?:docs|help)\.github\.com$/i.test(parsed.hostname)) {
    return /privately-reporting/i.test(parsed.pathname) ? { kind: 'private-advisory', placeholder } : undefined;
  }
  const words = pathWords(parsed);
  // A bounty platform's program page; its own guidelines and blog are reading, and "we do not run a bounty on …" is none.
  if (BOUNTY_HOSTS.test(parsed.hostname)) {
    const negated = context !== undefined && isNegated(context.sentence, context.before.length);
    return words.some((word) => DOCUMENT_WORD.test(word)) || negated ? undefined : { kind: 'bug-bounty', placeholder };
  }
  // A confidential GitLab issue is private; any other issue, discussion or pull request is public.
  if (/confidential(?:%5D|\])?=true/i.test(parsed.search)) return { kind: 'web-form', placeholder };
  if (/\/(?:issues|discussions|pulls?)(?:\/|$)/i.test(parsed.pathname)) return undefined;
  // Mailing-list sign-ups and feeds are where advisories go out, not where reports come in.
  if (/sign-?up|subscribe|announce|newsletter|\bfeeds?\b|\brss/i.test(parsed.pathname + parsed.search))
    return undefined;
  if (isReportForm(words)) return { kind: 'web-form', placeholder };
  // A Bugzilla instance with a security product hides security bugs from the public.
  if (/bugzilla/i.test(parsed.hostname + parsed.pathname) && /\bsecurity\b/i.test(context?.sentence ?? '')) {
    return { kind: 'web-form', placeholder };
  }
  // Any other page counts where the sentence sends reports to it (a chat handle, a vendor's contact page);
  // a repository page on a forge is public.
  if (
    context &&
    !forge &&
    !OTHER_AUTHORITY_HOST.test(parsed.hostname) &&
    !KEY_FILE.test(parsed.pathname) &&
    sendsReportsTo(context)
  )
    return { kind: 'web-form', placeholder };
  return undefined;
}

/** Where the node at `start` stands in its sentence. */
function linkContext(blocks: TextBlock[], start: number): LinkContext | undefined {
  const block = blockAt(blocks, start);
  if (!block) return undefined;
  const sentence = rangeAt(block.sentences, start);
  if (!sentence) return undefined;
  const index = firstAtLeast(block.offsets, start - block.start) - sentence.plainStart;
  return { sentence: sentence.plain, before: sentence.plain.slice(0, Math.max(0, index)) };
}

/** The words a reader sees in a link. */
function visibleText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  return 'children' in node ? node.children.map((child) => visibleText(child as Nodes)).join('') : '';
}

const EMAIL_ONLY = /^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,8}$/;

/**
 * The address a mail link shows as its text, if it shows one. When it differs from the address the link writes to
 * ("[security@acme.dev](mailto:jane@example.org)"), one of the two is a stand-in.
 */
function shownAddress(node: Nodes & { url: string }): string | undefined {
  const shown = visibleText(node).trim();
  return /^mailto:/i.test(node.url) && EMAIL_ONLY.test(shown) ? shown : undefined;
}

/** The address a `mailto:` link writes to, without its query; percent-escapes decoded where they are well formed. */
function mailAddress(value: string): string {
  const address = value.split('?')[0];
  try {
    return decodeURIComponent(address);
  } catch {
    return address;
  }
}

/** Where a sentence names a private way to report, affirmed and not about publishing. */
const privateReportingPhrases = memoizeByText((plain: string) => {
  const phrases: { index: number; length: number }[] = [];
  for (const match of plain.matchAll(PRIVATE_REPORTING_PHRASE)) {
    const clause = clauseBefore(plain, match.index) + plain.slice(match.index).split(/[,;:]/, 1)[0];
    if (!isNegated(plain, match.index) && !PUBLISHING.test(clause))
      phrases.push({ index: match.index, length: match[0].length });
  }
  return phrases;
});

/** Contacts taken so far: the same address found twice (a link and the words inside it) is one contact. */
class ContactList {
  readonly contacts: Contact[] = [];
  private readonly covered: CoveredOffsets;

  constructor(
    private readonly text: string,
    range: { start: number; end: number },
    private readonly inlineCode: readonly { start: number; end: number }[],
  ) {
    this.covered = new CoveredOffsets(range.start, range.end + 1);
  }

  /** Takes back a contact `add` took before, as it was taken. */
  restore(contact: Contact): void {
    this.covered.cover(contact.start, Math.max(contact.end, contact.start + 1));
    this.contacts.push(contact);
  }

  add(contact: Contact): void {
    if (this.covered.has(contact.start)) return;
    // A stand-in in inline code is an example ("`@custom:security-contact security@example.com`"), as every
    // placeholder there is.
    if (contact.placeholder && this.inlineCode.some((span) => span.start <= contact.start && contact.end <= span.end)) {
      return;
    }
    this.covered.cover(contact.start, Math.max(contact.end, contact.start + 1));
    // An address in braces is a template's slot for one: "{security@email.nominatedperson}".
    const slot = this.text[contact.start - 1] === '{' && this.text[contact.end] === '}';
    this.contacts.push(slot ? { ...contact, placeholder: true } : contact);
  }
}

/** The contacts of a tree before the words naming the advisory feature are weighed (see `withAdvisoryWords`). */
export interface ContactCandidates {
  /** Contacts in links, addresses and code, as taken, in the order found. */
  found: Contact[];
  /** Words that name the private advisory feature, in the order found. */
  advisoryWords: Contact[];
}

/** The contact candidates of `root`, whose nodes lie within `range` of `text`, with its inline code spans. */
export function findContacts(
  root: Root,
  text: string,
  blocks: TextBlock[],
  range: { start: number; end: number },
  codeSpans: readonly { start: number; end: number }[],
): ContactCandidates {
  const list = new ContactList(text, range, codeSpans);
  const add = (contact: Contact) => list.add(contact);
  const definitions = new Map<string, string>();
  const collectDefinitions = (node: Nodes) => {
    if (node.type === 'definition') definitions.set(node.identifier, node.url);
    if ('children' in node) for (const child of node.children) collectDefinitions(child as Nodes);
  };
  collectDefinitions(root);
  const advisoryWords: Contact[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition' || node.type === 'linkReference') {
      const { start, end } = nodeRange(node);
      const url = node.type === 'linkReference' ? definitions.get(node.identifier) : node.url;
      const found = url
        ? classifyUrl(url, node.type === 'definition' ? undefined : linkContext(blocks, start))
        : undefined;
      if (found && url) {
        const value = url.replace(/^mailto:/i, '');
        const shown = node.type === 'link' ? shownAddress(node) : undefined;
        add(
          shown && shown.toLowerCase() !== mailAddress(value).toLowerCase()
            ? { ...found, value: `${shown} (mailto:${value})`, start, end, placeholder: true }
            : { ...found, value, start, end },
        );
      }
    }
    // An address shown as a picture, against spam ("send an ![email](contact.png)").
    if (node.type === 'image' && /e-?mail|contact/i.test(`${node.alt ?? ''} ${node.url}`)) {
      const { start, end } = nodeRange(node);
      add({ kind: 'email', value: node.alt || node.url, start, end, placeholder: false });
    }
    // A one-line code block that holds an address ("    info at servercow.de").
    if (node.type === 'code' && !node.lang && !node.value.includes('\n') && node.value.length <= 120) {
      const { start } = nodeRange(node);
      const offset = text.indexOf(node.value, start);
      if (offset !== -1) findEmails(node.value, offset, add);
    }
    // A list of ways to report whose item names the advisory feature ("1. GitHub Security Advisory (recommended)").
    if (node.type === 'listItem' && node.children[0]?.type === 'paragraph') {
      const block = blockAt(blocks, nodeRange(node.children[0]).start);
      if (block?.section?.meaning === 'reporting' && !PUBLISHING.test(block.plain)) {
        const match = ADVISORY_ITEM.exec(block.plain);
        if (match) advisoryWords.push(phraseContact(block, 0, match[0].length));
      }
    }
    if (node.type === 'code' || node.type === 'inlineCode') return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  for (const block of blocks) {
    findEmails(block.source, block.start, add);
    for (const { plain, plainStart } of block.sentences) {
      for (const { index, length } of privateReportingPhrases(plain)) {
        advisoryWords.push(phraseContact(block, plainStart + index, plainStart + index + length));
      }
    }
    for (const match of block.source.matchAll(REPORT_BUTTON)) {
      // The button's label in the plain words, read in its sentence.
      const index = firstAtLeast(block.offsets, match.index + 1);
      const sentence = block.sentences[firstStartAfter(block.sentences, index, (each) => each.plainStart) - 1];
      if (!sentence || index >= sentence.plainStart + sentence.plain.length) continue;
      if (isNegated(sentence.plain, index - sentence.plainStart)) continue;
      advisoryWords.push(phraseContact(block, index, index + LABEL_LENGTH));
    }
  }
  return { found: list.contacts, advisoryWords };
}

/** Whether a stand-in advisory link (github.com/yourorg/your-project/security/advisories) is among `found`. */
export function hasStandInAdvisory(found: readonly Contact[]): boolean {
  return found.some((contact) => contact.kind === 'private-advisory' && contact.placeholder);
}

/**
 * The contacts: those found, and the words naming the advisory feature that no contact holds, in
 * document order. Words that name the advisory feature describe the policy's own advisory link:
 * when that is a stand-in anywhere in the policy, they lead nowhere either, and the link speaks for them.
 */
export function withAdvisoryWords(
  { found, advisoryWords }: ContactCandidates,
  standInAdvisory: boolean,
  text: string,
  range: { start: number; end: number },
  codeSpans: readonly { start: number; end: number }[],
): Contact[] {
  if (standInAdvisory || advisoryWords.length === 0) return [...found].sort((a, b) => a.start - b.start);
  const list = new ContactList(text, range, codeSpans);
  for (const contact of found) list.restore(contact);
  const { contacts } = list;
  for (const contact of advisoryWords) {
    // Words around or inside a link ("through [Security Advisories](…)") are that link's.
    if (!contacts.some((other) => other.start < contact.end && contact.start < other.end)) list.add(contact);
  }
  return contacts.sort((a, b) => a.start - b.start);
}

/** A contact for the words of `block.plain` between `from` and `to`. */
function phraseContact(block: TextBlock, from: number, to: number): Contact {
  const { start, end } = plainRange(block, from, to);
  return { kind: 'private-advisory', value: block.plain.slice(from, to), start, end, placeholder: false };
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;

const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

const LABEL = /^[A-Za-z0-9-]{1,63}$/;

const WORD_CHAR = /[A-Za-z0-9_]/;

const LETTER = /[A-Za-z]/;

/**
 * "security at python dot org", "security [at] example [dot] com", "info at servercow.de", "security [@] acme.dev"
 * (in Markdown source the square brackets may be escaped: `\[@\]`).
 */
const AT_WORD = / (?:at|AT) |\\?\[(?:at|AT|@)\\?\]|\((?:at|AT|@)\)|\{(?:at|AT)\}/g;

const DOT_WORDS = [' dot ', ' DOT ', '[dot]', '(dot)', '{dot}', '[DOT]', '(DOT)', '{DOT}'];

/** The start of the mailbox that ends just before `at`: up to 64 address characters, none before `floor`. */
function mailboxStart(source: string, at: number, floor: number): number {
  let start = at;
  while (start > floor && at - start < 64 && LOCAL_CHAR.test(source[start - 1])) start--;
  return start;
}

/**
 * The end of a domain starting at `from` (`label(.label){0,8}.tld`, the top-level domain two to 24 letters
 * followed by a word boundary), longest first as a greedy pattern would match it; -1 when there is none.
 * Scanned by hand so the search stays linear.
 */
function domainEnd(source: string, from: number): number {
  let run = from;
  while (run < source.length && run - from < 320 && DOMAIN_CHAR.test(source[run])) run++;
  for (let dot = run - 1; dot > from; dot--) {
    if (source[dot] !== '.') continue;
    let letters = dot + 1;
    while (letters < source.length && LETTER.test(source[letters])) letters++;
    const length = letters - dot - 1;
    if (length < 2 || length > 24 || WORD_CHAR.test(source[letters] ?? '')) continue;
    const labels = source.slice(from, dot).split('.');
    if (labels.length <= 9 && labels.every((label) => LABEL.test(label))) return letters;
  }
  return -1;
}

/** Reads a spelled-out domain ("python dot org", "example [dot] com", "servercow.de") from `from`. */
function spelledDomain(source: string, from: number): { end: number; domain: string; spelled: boolean } | undefined {
  const labels: string[] = [];
  let spelled = false;
  let i = from;
  while (labels.length < 8) {
    let j = i;
    while (j < source.length && j - i < 63 && /[A-Za-z0-9-]/.test(source[j])) j++;
    if (j === i) break;
    labels.push(source.slice(i, j));
    i = j;
    if (source[i] === '.' && /[A-Za-z0-9]/.test(source[i + 1] ?? '')) {
      i++;
      continue;
    }
    const at = source[i] === ' ' && source[i + 1] === '[' ? i + 1 : i;
    const word = DOT_WORDS.find((each) => source.startsWith(each, at));
    if (!word) break;
    spelled = true;
    i = at + word.length;
    if (source[i] === ' ' && word.startsWith('[')) i++;
  }
  if (labels.length < 2 || WORD_CHAR.test(source[i] ?? '') || !/^[A-Za-z]{2,24}$/.test(labels[labels.length - 1])) {
    return undefined;
  }
  return { end: i, domain: labels.join('.'), spelled };
}

function findEmails(source: string, offset: number, add: (contact: Contact) => void): void {
  let floor = 0;
  for (let at = source.indexOf('@'); at !== -1; at = source.indexOf('@', at + 1)) {
    if (at < floor) continue;
    const start = mailboxStart(source, at, floor);
    const end = start < at ? domainEnd(source, at + 1) : -1;
    if (end === -1) continue;
    const value = source.slice(start, end);
    add({ kind: 'email', value, start: offset + start, end: offset + end, placeholder: isPlaceholderEmail(value) });
    floor = end;
  }
  for (const match of source.matchAll(AT_WORD)) {
    const bracketed = match[0].trim() === match[0];
    const before = bracketed && source[match.index - 1] === ' ' ? match.index - 1 : match.index;
    const start = mailboxStart(source, before, 0);
    if (start === before) continue;
    let after = match.index + match[0].length;
    if (bracketed && source[after] === ' ') after++;
    const found = spelledDomain(source, after);
    if (!found) continue;
    const mailbox = source.slice(start, before);
    // "look at github.com" is no address: it needs a bracketed or capital AT, a spelled-out dot, or a mailbox name.
    if (match[0] === ' at ' && !found.spelled && !MAILBOX_NAMES.test(mailbox)) continue;
    const value = `${mailbox}@${found.domain}`;
    add({
      kind: 'email',
      value,
      start: offset + start,
      end: offset + found.end,
      placeholder: isPlaceholderEmail(value),
    });
  }
}

// Durations and the words that hedge them

/** The block holding `offset`: blocks are in document order and do not overlap. */
function blockAt(blocks: TextBlock[], offset: number): TextBlock | undefined {
  return rangeAt(blocks, offset);
}

/**
 * Offsets already taken by a contact, so that the same address found twice (a link and the words
 * inside it) is one contact. Each offset is marked once, however the ranges overlap: `next[i]` leads
 * to the first offset at or after `i` not yet marked.
 */
class CoveredOffsets {
  private readonly next: Int32Array;

  /** Offsets `from` to `to`. */
  constructor(
    private readonly from: number,
    to: number,
  ) {
    const size = to - from;
    this.next = new Int32Array(size + 1);
    for (let index = 0; index <= size; index++) this.next[index] = index;
  }

  private free(offset: number): number {
    let at = offset;
    while (this.next[at] !== at) at = this.next[at];
    // Path compression: later look-ups from these offsets jump straight to `at`.
    let walk = offset;
    while (this.next[walk] !== at) {
      const following = this.next[walk];
      this.next[walk] = at;
      walk = following;
    }
    return at;
  }

  has(offset: number): boolean {
    const index = offset - this.from;
    return index >= 0 && index < this.next.length - 1 && this.free(index) !== index;
  }

  cover(start: number, end: number): void {
    const last = Math.min(end - this.from, this.next.length - 1);
    for (let at = this.free(Math.max(0, start - this.from)); at < last; at = this.free(at + 1)) this.next[at] = at + 1;
  }
}
