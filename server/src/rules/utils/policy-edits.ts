import type { TextEdit } from '../../core/types';
import type { Contact, PolicyModel, Section, Sentence } from '../../formats/policy/model';
import { CANONICAL_ORDER, SECTION_TITLES, type SectionMeaning } from '../../formats/policy/vocabulary';
import { lineEnd, lineEnding, lineStart } from '../../core/text';

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

/**
 * The fence that would close the document's last block when it is a fenced code block left open
 * (it then runs to the end of the file, and anything appended would land inside it).
 */
function unclosedFence(model: PolicyModel, offset: number): string | undefined {
  const last = model.root.children[model.root.children.length - 1];
  if (last?.type !== 'code' || (last.position?.end.offset ?? 0) > offset) return undefined;
  const source = model.text.slice(last.position?.start.offset ?? 0, last.position?.end.offset ?? 0);
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(source)?.[1];
  if (!opening) return undefined;
  const lines = source.split(/\r?\n/);
  const closing = lines.length > 1 ? lines[lines.length - 1].trim() : '';
  const closed =
    closing.length >= opening.length && closing === closing[0].repeat(closing.length) && closing[0] === opening[0];
  return closed ? undefined : opening;
}

/** An edit that adds `lines` as a block right after the node ending at `offset`, with a blank line between. */
export function insertAfter(model: PolicyModel, offset: number, lines: string[]): TextEdit {
  const eol = lineEnding(model.text);
  if (model.text.trim() === '') return { start: 0, end: model.text.length, newText: block(model, lines) + eol };
  const rest = model.text.slice(offset);
  // A following line that is not blank needs a blank line between it and the new block. Either
  // line ending may follow: a file can mix them.
  const lineBreak = /^\r?\n/.exec(rest)?.[0].length ?? 0;
  const blankFollows = /^\r?\n/.test(rest.slice(lineBreak, lineBreak + 2));
  const trailing = lineBreak > 0 && !blankFollows && rest.trim() !== '' ? eol : '';
  const fence = unclosedFence(model, offset);
  return {
    start: offset,
    end: offset,
    newText: (fence ? eol + fence : '') + eol + eol + block(model, lines) + trailing,
  };
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
export function insertSection(model: PolicyModel, meaning: SectionMeaning, body: string[]): TextEdit {
  const lines = [heading(model.sectionDepth, SECTION_TITLES[meaning]), '', ...body];
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

/**
 * An edit that removes the blocks between `start` and `end` with the blank lines that separate them
 * from what follows (or, at the end of the document, from what precedes them).
 */
export function removeBlocks(model: PolicyModel, start: number, end: number): TextEdit {
  const { text } = model;
  const from = lineStart(text, start);
  let to = end;
  while (to < text.length && /[ \t\r\n]/.test(text[to])) to++;
  if (to < text.length) return { start: from, end: lineStart(text, to), newText: '' };
  // Nothing follows: remove the blank lines before the blocks instead, keeping the final line break.
  let back = from;
  while (back > 0 && /[ \t\r\n]/.test(text[back - 1])) back--;
  return { start: back, end, newText: '' };
}

/** The sentence that sends reporters somewhere private, for a fix. */
export function privateRouteLine(githubRepository: string | undefined): string {
  if (githubRepository) {
    return `Please report vulnerabilities privately through [GitHub private vulnerability reporting](https://github.com/${githubRepository}/security/advisories/new). Do not open a public issue.`;
  }
  return 'Please report vulnerabilities privately by email to security@example.com. Do not open a public issue.';
}

/** The range to rewrite for a sentence: the whole paragraph when it is the paragraph's only sentence. */
export function sentenceRange(sentence: Sentence): { start: number; end: number } {
  const { block } = sentence;
  return block.sentences.length === 1
    ? { start: block.start, end: block.end }
    : { start: sentence.start, end: sentence.end };
}

/** An edit that replaces the first instruction to report in public with a private route. */
export function replacePublicInstruction(
  model: PolicyModel,
  githubRepository: string | undefined,
): TextEdit | undefined {
  const [first] = model.publicReportInstructions;
  if (!first) return undefined;
  return { ...sentenceRange(first.sentence), newText: privateRouteLine(githubRepository) };
}

/** The contacts that are real addresses, not a template's stand-ins. */
export function realContacts(model: PolicyModel): Contact[] {
  return model.contacts.filter((contact) => !contact.placeholder);
}

/** Quotes a piece of the document for a message, shortened and on one line. */
export function quote(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}"`;
}
