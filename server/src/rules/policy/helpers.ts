import type { TextEdit } from '../../engine/types';
import type { PolicyModel, Section, SectionMeaning } from '../../formats/policy';
import { lineEnd, lineEnding } from '../../formats/text';

/** The order in which a policy's sections read best; new sections are inserted to keep it. */
export const CANONICAL_ORDER: SectionMeaning[] = [
  'supported-versions',
  'reporting',
  'response',
  'disclosure',
  'scope',
  'safe-harbor',
  'encryption',
  'bounty',
];

/** The range a document-level finding points at: the first heading, else the first line with text. */
export function documentAnchor(model: PolicyModel): { start: number; end: number } {
  const first = model.sections[0];
  if (first) return { start: first.headingStart, end: first.headingEnd };
  const start = model.text.search(/\S/);
  if (start === -1) return { start: 0, end: 0 };
  return { start, end: lineEnd(model.text, start) };
}

export function sectionsWith(model: PolicyModel, meaning: SectionMeaning): Section[] {
  return model.sections.filter((section) => section.meaning === meaning);
}

/** Markdown lines joined with the document's own line ending. */
function block(model: PolicyModel, lines: string[]): string {
  return lines.join(lineEnding(model.text));
}

/** An edit that adds `lines` as a block right after the node ending at `offset`, with a blank line between. */
export function insertAfter(model: PolicyModel, offset: number, lines: string[]): TextEdit {
  const eol = lineEnding(model.text);
  if (model.text.trim() === '') return { start: 0, end: model.text.length, newText: block(model, lines) + eol };
  const rest = model.text.slice(offset);
  // A following line that is not blank needs a blank line between it and the new block.
  const trailing = rest.startsWith(eol) && !rest.startsWith(eol + eol) && rest.trim() !== '' ? eol : '';
  return { start: offset, end: offset, newText: eol + eol + block(model, lines) + trailing };
}

/** An edit that adds `lines` as a block before the line starting at `offset`, with a blank line between. */
export function insertBefore(model: PolicyModel, offset: number, lines: string[]): TextEdit {
  const eol = lineEnding(model.text);
  return { start: offset, end: offset, newText: block(model, lines) + eol + eol };
}

function heading(depth: number, title: string): string {
  return `${'#'.repeat(Math.min(Math.max(depth, 1), 6))} ${title}`;
}

/**
 * An edit that adds a top-level section where the canonical order puts it: before the first
 * top-level section that should follow it, else after the last content in the document.
 */
export function insertSection(model: PolicyModel, meaning: SectionMeaning, title: string, body: string[]): TextEdit {
  const lines = [heading(model.sectionDepth, title), '', ...body];
  const rank = CANONICAL_ORDER.indexOf(meaning);
  const follower = model.sections.find(
    (section) =>
      section.depth === model.sectionDepth &&
      section.meaning !== undefined &&
      CANONICAL_ORDER.indexOf(section.meaning) > rank,
  );
  if (follower) return insertBefore(model, follower.headingStart, lines);
  const last = model.root.children[model.root.children.length - 1];
  const end = last?.position?.end.offset ?? 0;
  return insertAfter(model, end, lines);
}

/** An edit that adds a subsection at the end of `parent`, one level deeper. */
export function insertSubsection(model: PolicyModel, parent: Section, title: string, body: string[]): TextEdit {
  return insertAfter(model, parent.contentEnd, [heading(parent.depth + 1, title), '', ...body]);
}
