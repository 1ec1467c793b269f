import type { Root } from 'mdast';
import type { MarkdownPiece } from '../markdown-chunks';
import { memoize } from '../../core/memo';
import { type ContactCandidates, findContacts, hasStandInAdvisory, withAdvisoryWords } from './contacts';
import { collectDurations } from './durations';
import { collectInsecureLinks } from './links';
import type {
  Contact,
  DeploymentPromise,
  Duration,
  Placeholder,
  PublicReportInstruction,
  Section,
  SeverityGroup,
  TextBlock,
  VersionsTable,
} from './model';
import { collectPlaceholders } from './placeholders';
import { promiseCandidates } from './promises';
import { firstStartAfter } from './ranges';
import { REQUIREMENTS_TITLE } from './vocabulary';
import { collectBlocks, collectCodeSpans } from './prose';
import { collectPublicInstructions } from './reporting';
import { collectSeverityGroups } from './severity';
import { collectSupportStatements, collectVersionsTables } from './versions';

/**
 * The policy model of one piece of a policy parsed a piece at a time (see markdown-chunks.ts): a
 * top-level heading and what follows it up to the next (a text parsed whole is one piece). Nothing
 * the model reads crosses a piece but three things, settled over all pieces after each is read: the
 * sections a heading opens and their parents (a piece is read with the sections of the whole text,
 * and kept with what it reads of the sections it sits in), whether any piece has a stand-in
 * advisory link (which decides whether words naming the advisory feature are contacts), and which
 * promise comes first.
 */
export interface PieceFacts {
  /** The text the piece was read in, and where it started and ended there: every offset below counts in that text. */
  text: string;
  start: number;
  end: number;
  /** The sections whose headings the piece holds, in order. */
  sections: Section[];
  blocks: TextBlock[];
  codeSpans: { start: number; end: number }[];
  contactCandidates: ContactCandidates;
  durations: Duration[];
  versionsTables: VersionsTable[];
  supportStatements: TextBlock[];
  severityGroups: SeverityGroup[];
  publicReportInstructions: PublicReportInstruction[];
  insecureLinks: { start: number; end: number; host: string }[];
  promises: DeploymentPromise[];
}

/** The facts of one piece of `text`, read with the sections of the whole text. */
function readPiece(piece: MarkdownPiece, text: string, sections: Section[]): PieceFacts {
  const root: Root = { type: 'root', children: piece.children };
  const blocks = collectBlocks(root, text, sections);
  const sentences = blocks.flatMap((block) => block.sentences);
  const codeSpans = collectCodeSpans(root);
  const durations = collectDurations(blocks);
  return {
    text,
    start: piece.start,
    end: piece.end,
    sections: sectionsWithin(sections, piece),
    blocks,
    codeSpans,
    contactCandidates: findContacts(root, text, blocks, piece, codeSpans),
    durations,
    versionsTables: collectVersionsTables(root, text, sections),
    supportStatements: collectSupportStatements(blocks),
    severityGroups: collectSeverityGroups(root, blocks, durations),
    publicReportInstructions: collectPublicInstructions(root, sentences, codeSpans),
    insecureLinks: collectInsecureLinks(root, text, blocks, codeSpans),
    promises: promiseCandidates(sentences),
  };
}

/** The sections whose headings lie in `piece` (sections are in document order). */
function sectionsWithin(sections: Section[], piece: { start: number; end: number }): Section[] {
  const headingStart = (section: Section) => section.headingStart;
  return sections.slice(
    firstStartAfter(sections, piece.start - 1, headingStart),
    firstStartAfter(sections, piece.end - 1, headingStart),
  );
}

/**
 * What a piece's reading depends on outside it: of each section it sits in, the meaning (a
 * supported-versions or scope section around a sentence changes what the sentence says) and whether
 * its title names requirements (a versions heading under one is not a supported-versions section).
 */
function enclosingMeanings(sections: Section[], piece: MarkdownPiece): string {
  const meanings: string[] = [];
  for (let section = sectionsWithin(sections, piece)[0]?.parent; section; section = section.parent) {
    meanings.push(`${section.meaning ?? ''}${REQUIREMENTS_TITLE.test(section.title) ? ' requirements' : ''}`);
  }
  return meanings.join('\n');
}

/** A piece's facts, read once for its text and the sections it sits in, and kept for the next builds. */
const pieceFacts = memoize(
  (piece: MarkdownPiece, _text: string, sections: Section[]) =>
    `${enclosingMeanings(sections, piece)}\u0000${piece.text}`,
  readPiece,
);

/** A piece's contacts and placeholders, which depend on whether any piece of the policy has a stand-in advisory link. */
interface Settled {
  standInAdvisory: boolean;
  contacts: Contact[];
  placeholders: Placeholder[];
}

/** The last settled contacts and placeholders of each piece's facts, where the facts were read. */
const settledOf = new WeakMap<PieceFacts, Settled>();

function settle(facts: PieceFacts, standInAdvisory: boolean): Settled {
  const kept = settledOf.get(facts);
  if (kept?.standInAdvisory === standInAdvisory) return kept;
  const contacts = withAdvisoryWords(facts.contactCandidates, standInAdvisory, facts.text, facts, facts.codeSpans);
  const placeholders = collectPlaceholders({
    text: facts.text,
    blocks: facts.blocks,
    contacts,
    versionsTables: facts.versionsTables,
    codeSpans: facts.codeSpans,
  });
  const settled = { standInAdvisory, contacts, placeholders };
  settledOf.set(facts, settled);
  return settled;
}

/** A piece's facts and its settled contacts and placeholders, as they stand in the current text. */
export interface PlacedPiece extends Omit<PieceFacts, 'text' | 'start' | 'end' | 'contactCandidates'> {
  contacts: Contact[];
  placeholders: Placeholder[];
}

/** The facts of a piece moved from where they were read to `start`, pointing at this build's sections. */
function place(facts: PieceFacts, settled: Settled, start: number, sections: Section[]): PlacedPiece {
  const by = start - facts.start;
  // Read in this build: already where it stands, with this build's sections.
  if (by === 0 && facts.sections.every((section, index) => section === sections[index])) {
    return { ...facts, contacts: settled.contacts, placeholders: settled.placeholders };
  }
  const now = new Map<Section, Section>(facts.sections.map((section, index) => [section, sections[index]]));
  const section = (old: Section | undefined) => old && now.get(old);
  const range = <T extends { start: number; end: number }>(value: T): T => ({
    ...value,
    start: value.start + by,
    end: value.end + by,
  });
  const blocks = new Map<TextBlock, TextBlock>();
  const sentences = new Map<object, TextBlock['sentences'][number]>();
  // Blocks, sentences and durations are most of a policy: built field by field, in one shape each.
  for (const old of facts.blocks) {
    const block: TextBlock = {
      type: old.type,
      start: old.start + by,
      end: old.end + by,
      source: old.source,
      section: section(old.section),
      plain: old.plain,
      offsets: old.offsets,
      sentences: [],
      topLevel: old.topLevel,
    };
    for (const sentence of old.sentences) {
      const moved = {
        start: sentence.start + by,
        end: sentence.end + by,
        plain: sentence.plain,
        block,
        plainStart: sentence.plainStart,
      };
      block.sentences.push(moved);
      sentences.set(sentence, moved);
    }
    blocks.set(old, block);
  }
  const durations = new Map<Duration, Duration>();
  for (const old of facts.durations) {
    durations.set(old, {
      text: old.text,
      start: old.start + by,
      end: old.end + by,
      hours: old.hours,
      block: blocks.get(old.block)!,
      sentence: old.sentence && sentences.get(old.sentence),
      hedges: old.hedges.map((hedge) => ({ text: hedge.text, start: hedge.start + by, end: hedge.end + by })),
    });
  }
  return {
    sections,
    blocks: [...blocks.values()],
    codeSpans: facts.codeSpans.map((span) => ({ start: span.start + by, end: span.end + by })),
    contacts: settled.contacts.map(range),
    placeholders: settled.placeholders.map(range),
    durations: [...durations.values()],
    versionsTables: facts.versionsTables.map((table) => ({
      ...range(table),
      headerEnd: table.headerEnd + by,
      header: table.header.map(range),
      section: section(table.section),
      rows: table.rows.map((row) => ({
        ...range(row),
        cells: row.cells.map(range),
        ...(row.version ? { version: range(row.version) } : {}),
        ...(row.support ? { support: range(row.support) } : {}),
      })),
    })),
    supportStatements: facts.supportStatements.map((block) => blocks.get(block)!),
    severityGroups: facts.severityGroups.map((group) => ({
      entries: group.entries.map((entry) => ({
        ...entry,
        levelStart: entry.levelStart + by,
        levelEnd: entry.levelEnd + by,
        ...(entry.duration ? { duration: durations.get(entry.duration)! } : {}),
        ...(entry.unitless ? { unitless: range(entry.unitless) } : {}),
      })),
    })),
    publicReportInstructions: facts.publicReportInstructions.map((instruction) => ({
      ...range(instruction),
      sentence: sentences.get(instruction.sentence)!,
    })),
    insecureLinks: facts.insecureLinks.map(range),
    promises: facts.promises.map(range),
  };
}

/** The facts of each piece of `text`, read or taken from earlier builds, as they stand in this one. */
export function placedPieces(pieces: MarkdownPiece[], text: string, sections: Section[]): PlacedPiece[] {
  const read = pieces.map((piece) => pieceFacts(piece, text, sections));
  const standInAdvisory = read.some((facts) => hasStandInAdvisory(facts.contactCandidates.found));
  return read.map((facts, index) =>
    place(facts, settle(facts, standInAdvisory), pieces[index].start, sectionsWithin(sections, pieces[index])),
  );
}
