import { firstStartAfter } from './ranges';
import type { Nodes, Root, Table } from 'mdast';
import { nodeRange } from '../markdown';
import { unitHours } from './durations';
import type { Duration, SeverityEntry, SeverityGroup, TextBlock } from './model';
import { plainRange } from './prose';

const LEVELS: [RegExp, number][] = [
  [/^(?:critical|urgent|blocker)$/i, 4],
  [/^(?:high|important|major|severe)$/i, 3],
  [/^(?:medium|moderate)$/i, 2],
  [/^(?:low|minor)$/i, 1],
  [/^(?:informational|info|none|negligible|trivial)$/i, 0],
];

export const LEVEL_WORD =
  /^(critical|urgent|blocker|high|important|major|severe|medium|moderate|low|minor|informational|info|none|negligible|trivial|p[0-4]|sev(?:erity)?[ -]?[0-5]|s[0-4])(?![\w-])/i;

/** After a level in a list item: an optional noun, an optional parenthesis, then a separator. */
const LEVEL_TAIL =
  /^(?: (?:severity|priority|risk|issues?|vulnerabilit(?:y|ies)|bugs?|findings?))?(?: ?\([^)]{0,60}\))? ?(?:[:\-–—|=]|→)/i;

const UNIT_IN_HEADER = /\b(?:hours?|hrs|days?|weeks?|months?)\b/i;

const DEADLINE_HEADER =
  /time|deadline|within|\bsla\b|target|\bfix|patch|respon|resolution|acknowledg|timeline|timeframe|\beta\b|turnaround|remediat|release|\bdays?\b|\bhours?\b|\bweeks?\b/i;

function levelRank(word: string): number {
  const found = LEVELS.find(([pattern]) => pattern.test(word));
  if (found) return found[1];
  const digit = Number(/\d/.exec(word)?.[0] ?? '4');
  if (/^p/i.test(word)) return 4 - digit;
  return digit === 0 ? 5 : 5 - digit;
}

/** A deadline cell or item tail that is only a number ("7", "within 30"), with no unit. */
const BARE_NUMBER = /^ ?(?:within |in |under |up to |< ?|≤ ?)?(\d{1,4})(?: ?(?:-|–|to) ?(\d{1,4}))? ?$/i;

function levelOf(block: TextBlock): Pick<SeverityEntry, 'level' | 'rank' | 'levelStart' | 'levelEnd'> | undefined {
  const level = LEVEL_WORD.exec(block.plain);
  if (!level) return undefined;
  const range = plainRange(block, 0, level[0].length);
  return { level: level[0], rank: levelRank(level[1]), levelStart: range.start, levelEnd: range.end };
}

/** Reads `words` (at `from` in the block's plain text) as a bare number; with a unit from a header it becomes a duration. */
function bareDeadline(block: TextBlock, from: number, words: string, unit: string | undefined): Partial<SeverityEntry> {
  const bare = BARE_NUMBER.exec(words.replace(/[.,;)]$/, ''));
  if (!bare) return {};
  const index = from + words.indexOf(bare[1]);
  const range = plainRange(block, index, index + bare[1].length);
  if (!unit) return { unitless: { text: bare[1], ...range } };
  const upper = Number(bare[2] ?? bare[1]);
  const end = plainRange(block, from, block.plain.length).end;
  return {
    duration: { text: words.trim(), start: range.start, end, hours: upper * unitHours(unit), block, hedges: [] },
  };
}

export function collectSeverityGroups(root: Root, blocks: TextBlock[], durations: Duration[]): SeverityGroup[] {
  const groups: SeverityGroup[] = [];
  const byStart = new Map(blocks.map((block) => [block.start, block]));
  const blockAt = (start: number) => byStart.get(start);
  // Durations are in document order: search from the first one starting at `start` or later.
  const firstDuration = (start: number, end: number) => {
    for (let index = firstStartAfter(durations, start - 1); index < durations.length; index++) {
      const duration = durations[index];
      if (duration.start > end) return undefined;
      if (duration.end <= end) return duration;
    }
    return undefined;
  };
  const visit = (node: Nodes, context: string) => {
    if (node.type === 'table') {
      groups.push(...tableSeverityGroups(node, blockAt, firstDuration));
      return;
    }
    if (node.type === 'list') {
      const entries: SeverityEntry[] = [];
      for (const item of node.children) {
        const paragraph = item.children.find((child) => child.type === 'paragraph');
        const block = paragraph && blockAt(nodeRange(paragraph).start);
        const level = block && levelOf(block);
        if (!block || !level) continue;
        const tail = LEVEL_TAIL.exec(block.plain.slice(level.level.length));
        if (!tail) continue;
        const from = level.level.length + tail[0].length;
        const duration = firstDuration(plainRange(block, from, block.plain.length).start, block.end);
        entries.push({
          ...level,
          ...(duration ? { duration } : bareDeadline(block, from, block.plain.slice(from), undefined)),
        });
      }
      // A list of levels is about deadlines when one of them has a duration, or the words before it say so.
      const timed =
        entries.some((entry) => entry.duration) || (DEADLINE_HEADER.test(context) && !/cvss|score/i.test(context));
      if (entries.length >= 2 && timed) groups.push({ entries });
    }
    if (!('children' in node)) return;
    let previous = context;
    for (const child of node.children as Nodes[]) {
      visit(child, previous);
      if (child.type === 'paragraph' || child.type === 'heading')
        previous = blockAt(nodeRange(child).start)?.plain ?? '';
    }
  };
  visit(root, '');
  return groups;
}

function tableSeverityGroups(
  table: Table,
  blockAt: (start: number) => TextBlock | undefined,
  firstDuration: (start: number, end: number) => Duration | undefined,
): SeverityGroup[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const cellBlock = (row: Table['children'][number], column: number) => {
    const cell = row.children[column];
    return cell ? blockAt(nodeRange(cell).start) : undefined;
  };
  const width = header.children.length;
  let levelColumn = -1;
  for (let column = 0; column < width && levelColumn === -1; column++) {
    if (rows.filter((row) => LEVEL_WORD.test(cellBlock(row, column)?.plain ?? '')).length >= 2) levelColumn = column;
  }
  if (levelColumn === -1) return [];
  const groups: SeverityGroup[] = [];
  for (let column = 0; column < width; column++) {
    if (column === levelColumn) continue;
    const headerText = cellBlock(header, column)?.plain ?? '';
    const unit = UNIT_IN_HEADER.exec(headerText)?.[0];
    const entries: SeverityEntry[] = [];
    for (const row of rows) {
      const levelBlock = cellBlock(row, levelColumn);
      const level = levelBlock && levelOf(levelBlock);
      const block = cellBlock(row, column);
      if (!level || !block) continue;
      const duration = firstDuration(block.start, block.end);
      entries.push({ ...level, ...(duration ? { duration } : bareDeadline(block, 0, block.plain, unit)) });
    }
    const timed = DEADLINE_HEADER.test(headerText) || entries.some((entry) => entry.duration);
    if (timed && entries.filter((entry) => entry.duration || entry.unitless).length >= 2) groups.push({ entries });
  }
  return groups;
}

// Supported-versions tables
