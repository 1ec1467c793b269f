import type { Root } from 'mdast';
import { parseMarkdown, parseMarkdownPieces } from '../markdown';
import { readFencedPolicy } from './fence';
import { startModelBuild } from '../../core/memo';
import type { DeploymentPromise, PolicyModel } from './model';
import { placedPieces } from './pieces';
import { firstOfEachPromise } from './promises';
import { buildSections, sectionDepthOf } from './sections';

/**
 * The policy model of `text`. Without `parse`, the text is read a piece at a time where it can be
 * (see markdown-chunks.ts and pieces.ts), and a piece read in an earlier build is taken from it;
 * with one, the text is parsed by it and read whole, giving the same model.
 */
export function parsePolicy(text: string, parse?: (markdown: string) => Root): PolicyModel {
  startModelBuild();
  const parsed = parse ? { root: parse(text) } : parseMarkdownPieces(text);
  // A policy written inside a code fence is read as the Markdown it was meant to be.
  const { root, fence } = readFencedPolicy(parsed.root, text, parse ?? parseMarkdown);
  const sections = buildSections(root, text);
  const pieces = (!fence && parsed.pieces) || [{ start: 0, end: text.length, text, children: root.children }];
  const placed = placedPieces(pieces, text, sections);
  const blocks = placed.flatMap((piece) => piece.blocks);
  return {
    kind: 'policy',
    text,
    root,
    sections,
    blocks,
    sentences: blocks.flatMap((block) => block.sentences),
    contacts: placed.flatMap((piece) => piece.contacts),
    durations: placed.flatMap((piece) => piece.durations),
    versionsTables: placed.flatMap((piece) => piece.versionsTables),
    supportStatements: placed.flatMap((piece) => piece.supportStatements),
    severityGroups: placed.flatMap((piece) => piece.severityGroups),
    placeholders: placed.flatMap((piece) => piece.placeholders),
    publicReportInstructions: placed.flatMap((piece) => piece.publicReportInstructions),
    insecureLinks: placed.flatMap((piece) => piece.insecureLinks),
    codeSpans: placed.flatMap((piece) => piece.codeSpans),
    sectionDepth: sectionDepthOf(sections),
    promises: firstOfEachPromise(placed.flatMap((piece) => piece.promises)),
    policyFence: fence,
  };
}

/** The last policy text whose promises were asked for, and its promises. */
let lastPromises: { text: string; promises: DeploymentPromise[] } | undefined;

/**
 * The deployment promises of a policy text. The last text's are kept: a Compose file is checked
 * against the same policy on every keystroke, and the policy changes far less often.
 */
export function policyPromises(text: string): DeploymentPromise[] {
  if (lastPromises?.text !== text) lastPromises = { text, promises: parsePolicy(text).promises };
  return lastPromises.promises;
}
