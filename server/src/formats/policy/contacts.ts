import type { Nodes, Root } from 'mdast';
import { nodeRange } from '../markdown';
import type { Contact, ContactKind, TextBlock } from './model';

/** Mailbox names that make "<name> at <domain>" an address even without "[at]" or "dot". */
const MAILBOX_NAMES =
  /^(?:security|secure|sec|info|contact|support|admin|abuse|psirt|cert|csirt|sirt|report|reports|vuln|vulns|vulnerability|vulnerabilities|disclosure|bugs|bugbounty|privacy|webmaster|postmaster|maintainers?)$/i;

const BOUNTY_HOSTS =
  /(?:^|\.)(?:hackerone\.com|bugcrowd\.com|intigriti\.com|yeswehack\.com|huntr\.(?:dev|com)|immunefi\.com|zerodayinitiative\.com|openbugbounty\.org)$/i;

const PRIVATE_REPORTING_PHRASE =
  /private(?:ly)? vulnerability report(?:ing)?|["“]report a vulnerability["”]|security advisor(?:y|ies) (?:tab|page|form)|\bsecurity tab\b|draft (?:a )?(?:new )?security advisory/gi;

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
  if (!/(?:^|\.)(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)$/i.test(url.hostname)) return false;
  const [owner = '', repo = ''] = url.pathname.split('/').filter(Boolean);
  if ([owner, repo].some((segment) => PLACEHOLDER_SEGMENT.test(segment) || PLACEHOLDER_CAPITALS.test(segment))) {
    return true;
  }
  return GENERIC_SEGMENT.test(owner) && GENERIC_SEGMENT.test(repo);
}

function classifyUrl(url: string, context: string): { kind: ContactKind; placeholder: boolean } | undefined {
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
  if (/\/security\/advisories(?:\/new)?\/?$/i.test(parsed.pathname)) return { kind: 'private-advisory', placeholder };
  // GitHub's help pages: the one on private reporting says which channel to use; the rest are no channel.
  if (/^(?:docs|help)\.github\.com$/i.test(parsed.hostname)) {
    return /privately-reporting/i.test(parsed.pathname) ? { kind: 'private-advisory', placeholder } : undefined;
  }
  if (BOUNTY_HOSTS.test(parsed.hostname)) return { kind: 'bug-bounty', placeholder };
  // A confidential GitLab issue is private; any other issue, discussion or pull request is public.
  if (/confidential(?:%5D|\])?=true/i.test(parsed.search)) return { kind: 'web-form', placeholder };
  if (/\/(?:issues|discussions|pulls?)(?:\/|$)/i.test(parsed.pathname)) return undefined;
  // Mailing-list sign-ups and feeds are where advisories go out, not where reports come in.
  if (/sign-?up|subscribe|announce|newsletter|\bfeeds?\b|\brss/i.test(parsed.pathname + parsed.search))
    return undefined;
  if (/secur|vulnerab|disclos|report|bounty/i.test(parsed.pathname + parsed.hostname)) {
    return { kind: 'web-form', placeholder };
  }
  // A Bugzilla instance with a security product hides security bugs from the public.
  if (/bugzilla/i.test(parsed.hostname + parsed.pathname) && /\bsecurity\b/i.test(context)) {
    return { kind: 'web-form', placeholder };
  }
  return undefined;
}

export function collectContacts(root: Root, text: string, blocks: TextBlock[]): Contact[] {
  const contacts: Contact[] = [];
  // The same address found twice (a link and the words inside it) is one contact.
  const covered = new CoveredOffsets(text.length + 1);
  const add = (contact: Contact) => {
    if (covered.has(contact.start)) return;
    covered.cover(contact.start, Math.max(contact.end, contact.start + 1));
    contacts.push(contact);
  };
  const blockText = (offset: number) => blockAt(blocks, offset)?.plain ?? '';
  const visit = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'definition') {
      const { start, end } = nodeRange(node);
      const found = classifyUrl(node.url, blockText(start));
      if (found) add({ ...found, value: node.url.replace(/^mailto:/i, ''), start, end });
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
    if (node.type === 'code' || node.type === 'inlineCode') return;
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  for (const block of blocks) {
    findEmails(block.source, block.start, add);
    for (const match of block.source.matchAll(PRIVATE_REPORTING_PHRASE)) {
      const start = block.start + match.index;
      add({ kind: 'private-advisory', value: match[0], start, end: start + match[0].length, placeholder: false });
    }
  }
  return contacts.sort((a, b) => a.start - b.start);
}

const LOCAL_CHAR = /[A-Za-z0-9._%+-]/;

const DOMAIN_CHAR = /[A-Za-z0-9.-]/;

const LABEL = /^[A-Za-z0-9-]{1,63}$/;

const WORD_CHAR = /[A-Za-z0-9_]/;

const LETTER = /[A-Za-z]/;

/** "security at python dot org", "security [at] example [dot] com", "info at servercow.de". */
const AT_WORD = / (?:at|AT) |\[(?:at|AT)\]|\((?:at|AT)\)|\{(?:at|AT)\}/g;

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

/** The block holding `offset`: blocks are in document order and do not overlap, so a binary search finds it. */
function blockAt(blocks: TextBlock[], offset: number): TextBlock | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle];
    if (offset < block.start) high = middle - 1;
    else if (offset >= block.end) low = middle + 1;
    else return block;
  }
  return undefined;
}

/**
 * Offsets already taken by a contact, so that the same address found twice (a link and the words
 * inside it) is one contact. Each offset is marked once, however the ranges overlap: `next[i]` leads
 * to the first offset at or after `i` not yet marked.
 */
class CoveredOffsets {
  private readonly next: Int32Array;

  constructor(size: number) {
    this.next = Int32Array.from({ length: size + 1 }, (_, index) => index);
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
    return offset < this.next.length - 1 && this.free(offset) !== offset;
  }

  cover(start: number, end: number): void {
    const last = Math.min(end, this.next.length - 1);
    for (let at = this.free(start); at < last; at = this.free(at + 1)) this.next[at] = at + 1;
  }
}
