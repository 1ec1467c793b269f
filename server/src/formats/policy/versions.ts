import type { Nodes, Root, Table } from 'mdast';
import { satisfies, validRange } from 'semver';
import { nodeRange } from '../markdown';
import type { Section, TableCell, TextBlock, VersionCell, VersionRow, VersionsTable } from './model';
import { cellWords } from '../markdown';
import { memoizeByText } from '../../core/memo';
import { affirmedMatch, isNegated } from './negation';
import { sectionAt } from './sections';
import { LEVEL_WORD } from './severity';
import { readMarker, type SectionMeaning } from './vocabulary';

function cellOf(node: Table['children'][number]['children'][number], text: string): TableCell {
  const { start, end } = nodeRange(node);
  let from = start;
  let to = end;
  while (from < to && /[\s|]/.test(text[from])) from++;
  while (to > from && /[\s|]/.test(text[to - 1])) to--;
  return { text: text.slice(from, to), start: from, end: to };
}

const VERSION_HEADER = /\bversions?\b|\breleases?\b|\bbranch(?:es)?\b|\btags?\b|\bseries\b|\blines?\b/i;

const TAG_HEADER = /branch|\btags?\b/i;

const SUPPORT_HEADER = /support|maintain|status|security|\beol\b|end of life|patch|fix/i;

/**
 * Rows for the newest line, a branch or a release channel: "Latest", "`main` branch", "nightly",
 * "Development builds (`pre-master`)"; 最新 is "latest" in Japanese and Chinese ("最新版").
 */
const LATEST_WORD =
  '(?:latest|current|newest|most recent|stable|main|master|develop|development|dev|trunk|head|edge|next|nightly|canary|mainline|rolling|unreleased|lts|pre-?release|preview|beta|snapshot)\\b';

const LATEST_WORDS = new RegExp(`^(?:the )?${LATEST_WORD}|^最新`, 'i');

/** Everything before the newest line: "< Latest", "older than current", "before `main`". */
const BEFORE_LATEST = new RegExp(
  `^(?:<|<=|≤|before|older than|prior to|earlier than|lower than|below) ?(?:the )?${LATEST_WORD}`,
  'i',
);

/** A catch-all row: "All other tags", "Older", "anything else"; 旧 and 以前 are "old" and "earlier", その他 and 其他 "other". */
const OTHER_WORDS =
  /^(?:all |any |every )?(?:other|older|old|previous|prior|earlier|legacy|remaining|everything else|all|others|below|lower)\b|^(?:anything|everything) (?:else|older|earlier)\b|^(?:旧|以前|その他|其他)/i;

/** A version column cell holding a picture ("🚀 2.x", "2.x ✅"): the marker belongs in the support column. */
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/**
 * Words before a version that may name the component it is of ("dashboard `latest`", "Helm chart 2.x"),
 * except months and years (a date is not a version) and words that turn the version down ("not 2.x").
 */
const NOT_A_COMPONENT =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|q[1-4]|not|no|except|excluding|without|never)$/i;

const COMPONENT_WORD = /^[a-z][\w.-]{0,30}$/i;

const YEAR = /^(?:19|20)\d\d\b/;

const VERSION_LIKE = /^[<>=~^≥≤ ]{0,4}v?\d/i;

/** Turns the ways people write version ranges in tables into `semver` syntax. */
function semverRange(words: string): string | undefined {
  // A version cell is short; anything longer is prose, and semver's own patterns stay on short input.
  if (words.length > 80) return undefined;
  let value = words
    .replace(/\([^()]{0,80}\)/g, ' ')
    .replace(/≥|=>/g, '>=')
    .replace(/≤|=</g, '<=')
    .replace(/(\d)\.latest\b/gi, '$1.x')
    // "1.2.3.4", "2.1.0.x": a fourth part (as in .NET and Windows versions) is dropped; semver has three.
    .replace(/(\d\.\d{1,9}\.\d{1,9})\.(?:\d{1,9}|x|\*)\b/gi, '$1')
    .replace(/\bv(?=\d)/gi, '')
    .replace(/\s+/g, ' ')
    .trim();
  value = value
    .replace(/^(?:before|prior to|older than|below|under|lower than) /i, '< ')
    .replace(/^(?:after|newer than|above|later than) /i, '> ')
    .replace(/^(.{1,40}?) (?:and|or) (?:above|newer|later|up|higher|greater)$/i, '>= $1')
    .replace(/^(.{1,40}?) (?:and|or) (?:below|older|earlier|lower|prior)$/i, '<= $1')
    .replace(/^([\d.x*]{1,40})\+$/i, '>= $1')
    // "24.04" (calendar versions) has no leading zeros for semver; ">= 2.3, < 3" is one range, "1.x, 2.x" two.
    .replace(/(^|[.\s<>=~^-])0+(?=\d)/g, '$1')
    .replace(/ ?, ?(?=[<>=])/g, ' ')
    .replace(/ ?, ?/g, ' || ')
    .replace(/ (?:and|&|or) (?=[<>=~^]{0,2} ?\d)/gi, ' || ')
    .replace(/ (?:to|through|thru) (?=\d)/gi, ' - ');
  const range = validRange(value);
  if (range) return range;
  // "1.2.x LTS", "2.0.x (security fixes only)": a version followed by a short note.
  const lead = /^[<>=~^ ]{0,4}[\d.x*]{1,30}(?: ?- ?[\d.x*]{1,30})?/i.exec(value);
  const rest = lead ? value.slice(lead[0].length).trim() : '';
  if (lead && rest.length <= 30 && !/\d/.test(rest)) return validRange(lead[0]) ?? undefined;
  return undefined;
}

/** What a version cell's words name, if they read as a version, a range, the newest line or the rest. */
function readVersionWords(words: string): Pick<VersionCell, 'kind' | 'range'> | undefined {
  const range = VERSION_LIKE.test(words) ? semverRange(words) : undefined;
  if (range) return { kind: 'range', range };
  if (LATEST_WORDS.test(words) || /^(?:all|any|every)(?: (?:supported )?(?:versions?|releases?))?$/i.test(words)) {
    return { kind: 'latest' };
  }
  if (BEFORE_LATEST.test(words) || OTHER_WORDS.test(words)) return { kind: 'other' };
  return undefined;
}

/** Reads a version cell as written, or after one or two words naming a component ("dashboard `latest`"). */
const readVersionOrComponent = memoizeByText((words: string): Pick<VersionCell, 'kind' | 'range'> | undefined => {
  const read = readVersionWords(words);
  if (read) return read;
  const parts = words.split(' ');
  for (let named = 1; named <= 2 && named < parts.length; named++) {
    const component = parts.slice(0, named);
    if (!component.every((word) => COMPONENT_WORD.test(word) && !NOT_A_COMPONENT.test(word))) return undefined;
    const rest = parts.slice(named).join(' ');
    if (YEAR.test(rest)) return undefined;
    const version = readVersionWords(rest);
    if (version) return version;
  }
  return undefined;
});

function readVersion(cell: TableCell, tagColumn: boolean): VersionCell {
  const words = cellWords(cell.text);
  if (words === '') return { ...cell, kind: 'empty' };
  const read = PICTOGRAPH.test(words) ? undefined : readVersionOrComponent(words);
  if (read) return { ...cell, ...read };
  if (tagColumn && /^[\w./+-]{1,60}$/.test(words)) return { ...cell, kind: 'tag' };
  return { ...cell, kind: 'invalid' };
}

/**
 * Reads a support cell: a marker first (see readMarker), else a symbol that ends it, glued or not:
 * "still supported:white_check_mark:", "Security fixes only ⚠️". A last word ("reaches EOL", "no") is
 * left alone: words after a note say too many things.
 */
function readSupport(cell: string): ReturnType<typeof readMarker> {
  const read = readMarker(cell);
  if (read) return read;
  const words = cellWords(cell);
  const last = words.slice(words.lastIndexOf(' ') + 1);
  const symbol = last.endsWith(':') ? last.slice(last.lastIndexOf(':', last.length - 2)) : last;
  const trailing = readMarker(symbol);
  return trailing && trailing.style !== 'word' ? trailing : undefined;
}

export function collectVersionsTables(root: Root, text: string, sections: Section[]): VersionsTable[] {
  const tables: VersionsTable[] = [];
  const visit = (node: Nodes) => {
    if (node.type === 'table') {
      const table = versionsTable(node, text, sections);
      if (table) tables.push(table);
      return;
    }
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(root);
  return tables;
}

function versionsTable(node: Table, text: string, sections: Section[]): VersionsTable | undefined {
  const [headerRow, ...bodyRows] = node.children;
  const header = headerRow?.children.map((cell) => cellOf(cell, text)) ?? [];
  const rows = bodyRows.map((row) => row.children.map((cell) => cellOf(cell, text)));
  const { start, end } = nodeRange(node);
  const section = sectionAt(sections, start);
  const inVersionsSection = section?.meaning === 'supported-versions';
  const columnShare = (column: number, test: (cell: string) => boolean) => {
    const cells = rows.map((row) => row[column]?.text ?? '').filter((cell) => cell.trim() !== '');
    return cells.length > 0 ? cells.filter(test).length / cells.length : 0;
  };

  let versionColumn: number | undefined = header.findIndex((cell) => VERSION_HEADER.test(cell.text));
  if (versionColumn === -1) versionColumn = undefined;
  let supportColumn: number | undefined = header.findIndex(
    (cell, index) => index !== versionColumn && SUPPORT_HEADER.test(cell.text),
  );
  if (supportColumn === -1) supportColumn = undefined;
  const supportByHeader = supportColumn !== undefined;
  // Columns found by what they hold when the header does not say.
  if (supportColumn === undefined) {
    const found = header.findIndex(
      (_, index) => index !== versionColumn && columnShare(index, (cell) => readSupport(cell) !== undefined) >= 0.5,
    );
    if (found !== -1) supportColumn = found;
  }
  if (versionColumn === undefined) {
    const found = header.findIndex(
      (_, index) =>
        index !== supportColumn &&
        columnShare(index, (cell) => {
          const words = cellWords(cell);
          return (VERSION_LIKE.test(words) && semverRange(words) !== undefined) || LATEST_WORDS.test(words);
        }) >= 0.5,
    );
    if (found !== -1) versionColumn = found;
  }
  const supportMarkersPresent =
    supportColumn !== undefined && columnShare(supportColumn, (cell) => readSupport(cell) !== undefined) > 0;
  // A column of severity levels makes a table of deadlines, whatever its other headers say.
  const severityTable = header.some(
    (_, index) => rows.filter((row) => LEVEL_WORD.test(cellWords(row[index]?.text ?? ''))).length >= 2,
  );
  const isVersionsTable =
    !severityTable &&
    ((versionColumn !== undefined &&
      (supportColumn !== undefined || VERSION_HEADER.test(header[versionColumn]?.text ?? ''))) ||
      (inVersionsSection && header.length >= 2) ||
      (supportByHeader && supportMarkersPresent));
  if (!isVersionsTable) return undefined;

  const tagColumn =
    versionColumn !== undefined &&
    TAG_HEADER.test(header[versionColumn]?.text ?? '') &&
    !/version|release/i.test(header[versionColumn]?.text ?? '');
  const headerEnd = bodyRows[0] ? lineStartOf(text, nodeRange(bodyRows[0]).start) : end;
  return {
    start,
    end,
    headerEnd,
    header,
    versionColumn,
    supportColumn,
    tagColumn,
    section,
    rows: bodyRows.map((row, index) => {
      const range = nodeRange(row);
      const cells = rows[index];
      const result: VersionRow = { start: range.start, end: range.end, cells };
      if (versionColumn !== undefined) {
        const cell = cells[versionColumn] ?? { text: '', start: range.end, end: range.end };
        result.version = readVersion(cell, tagColumn);
      }
      if (supportColumn !== undefined) {
        const cell = cells[supportColumn] ?? { text: '', start: range.end, end: range.end };
        const read = readSupport(cell.text);
        result.support = { ...cell, ...(read ?? {}) };
      }
      return result;
    }),
  };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Whether a versions row covers `version` (a row of "latest", a branch name or "all other" covers anything). */
export function rowCovers(row: VersionRow, version: string): boolean {
  const cell = row.version;
  if (!cell) return false;
  if (cell.kind === 'range' && cell.range) return satisfies(version, cell.range, { includePrerelease: true });
  return cell.kind === 'latest';
}

/** Sentences that settle which versions get fixes anywhere in a policy, negation aside. */
const SUPPORT_PHRASE =
  /\bonly (?:the )?(?:latest|most recent|current|newest)\b|\b(?:latest|most recent|current|newest) (?:stable |major |minor )?(?:release|version)s? (?:is|are) supported|\bwe (?:only )?support (?:the )?(?:latest|current|most recent)|security (?:fixes|updates|patches) (?:are|will be) (?:only )?(?:released|provided|applied|backported|published) (?:for|to) (?:the )?(?:latest|current|most recent)|\b(?:latest|most recent|current|newest) (?:stable |major |minor )?(?:release|version)s? only\b|\ball versions are supported\b/i;

/** "仅对最新主版本提供" (Chinese), "最新版のみ" (Japanese): only the latest. */
const ONLY_LATEST_CJK = /最新[^。、，,]{0,12}のみ|(?:仅|只)[^。、，,]{0,8}最新/;

/** Fixes going somewhere: "security fixes will be applied to …", "patches are released for …". */
const FIX_DELIVERY =
  /\b(?:fixes|updates|patches) (?:are|will be|get) (?:only )?(?:released|provided|applied|backported|published|shipped|issued|made available)\b/i;

const VERSION_NUMBER = /\bv?\d{1,4}\.(?:\d{1,4}|x)\b/i;

/** The newest release or a version number: "the latest version", "mainline", "LTS", "4.x". */
const NEWEST_OR_NUMBER = new RegExp(
  `\\b(?:latest|newest|most recent|mainline|nightly|lts|long[- ]term support)\\b|${VERSION_NUMBER.source}|最新`,
  'i',
);

/** Words that name a line only in context ("the main goal", "last updated" name none). */
const BRANCH_WORD = /\b(?:current|last|main|master|develop|development|trunk)\b/i;

/** A branch named alone, as in a list of maintained branches: "- `master`". */
const BRANCH_ALONE = /^(?:the )?(?:main|master|develop|trunk)(?: branch)?\.?$/i;

/** A release line named as one: "the current release", "the `main` branch", "the latest stable version". */
const NAMED_RELEASE =
  /\b(?:latest|newest|current|most recent|last|mainline|main|master|develop|trunk|lts)(?: [\w-]{1,20}){0,2} (?:release|version|branch|build|tag)s?\b/i;

/** The lines a policy stops supporting; "we do not support older versions" says only the newest is. */
const OLDER_LINES =
  /\b(?:older|old|previous|prior|earlier|outdated|legacy)(?: [\w-]{1,20}){0,2} (?:versions|releases|branches|lines)\b/i;

/** Words that tie a sentence to security fixes. */
const SUPPORT_WORD =
  /\b(?:support(?:s|ed)?|maintain(?:s|ed)?|patch(?:es|ed)?|fix(?:es|ed)?|security (?:updates?|releases?)|backport(?:s|ed)?|eligible|in[- ]scope)\b|サポート|支持|安全更新/i;

const SUPPORT_WORDS = new RegExp(SUPPORT_WORD.source, 'gi');

/** Advice to readers and requirements on their setup ("we recommend the latest", "requires Node 22"), not promises. */
const ADVICE_OR_REQUIREMENT =
  /\b(?:recommend(?:s|ed)?|should|encourage[sd]?|advise[sd]?|suggest(?:s|ed)?|please|requires?|required|needs?|minimum|at least)\b/i;

/** Whether a word on fixes is turned down: "older releases are **not** supported", "we do**n't** backport". */
function negatedSupportWord(plain: string): boolean {
  for (const match of plain.matchAll(SUPPORT_WORDS)) if (isNegated(plain, match.index)) return true;
  return false;
}

/** Whether a sentence of a supported-versions section names a line, not negated ("there is no LTS" names none). */
function namesLine(plain: string): boolean {
  if (affirmedMatch(plain, NEWEST_OR_NUMBER) || affirmedMatch(plain, NAMED_RELEASE) || BRANCH_ALONE.test(plain)) {
    return true;
  }
  return affirmedMatch(plain, BRANCH_WORD) !== undefined && SUPPORT_WORD.test(plain);
}

/** Whether `section` or one around it is of `meaning`. */
function within(section: Section | undefined, meaning: SectionMeaning): boolean {
  for (let current = section; current; current = current.parent) if (current.meaning === meaning) return true;
  return false;
}

/**
 * Whether a sentence settles which versions get security fixes. Anywhere: a support phrase ("only the
 * latest release is supported"), fixes delivered to a named line ("fixes are applied to … the mainline
 * version"), or older lines turned down ("we do not backport fixes to older releases"). In a
 * supported-versions section, naming a line is enough ("the 4.x line", "`main`"), unless the sentence
 * only advises or requires it ("we recommend the latest version") without a word on fixes. In a scope
 * section, a line named as a release is ("issues in any current release").
 */
function statesSupport(plain: string, section: Section | undefined): boolean {
  if (affirmedMatch(plain, SUPPORT_PHRASE) || ONLY_LATEST_CJK.test(plain)) return true;
  const delivery = affirmedMatch(plain, FIX_DELIVERY);
  const after = delivery && plain.slice(delivery.index);
  if (after && (affirmedMatch(after, NAMED_RELEASE) || VERSION_NUMBER.test(after))) return true;
  if (OLDER_LINES.test(plain) && negatedSupportWord(plain)) return true;
  if (within(section, 'supported-versions') && namesLine(plain)) {
    return SUPPORT_WORD.test(plain) || !ADVICE_OR_REQUIREMENT.test(plain);
  }
  return within(section, 'scope') && affirmedMatch(plain, NAMED_RELEASE) !== undefined;
}

/** Blocks that settle which versions get fixes in words (see statesSupport). */
export function collectSupportStatements(blocks: TextBlock[]): TextBlock[] {
  return blocks.filter((block) => {
    if (block.type === 'tableCell') return false;
    return block.sentences.some((sentence) => statesSupport(sentence.plain, block.section));
  });
}
