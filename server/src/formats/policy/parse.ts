import type { Root } from 'mdast';
import { parseMarkdown } from '../markdown';
import { collectContacts } from './contacts';
import { collectDurations } from './durations';
import { readFencedPolicy } from './fence';
import { collectInsecureLinks } from './links';
import { startModelBuild } from '../text-memo';
import type { DeploymentPromise, PolicyModel } from './model';
import { collectPlaceholders } from './placeholders';
import { collectPromises } from './promises';
import { collectBlocks, collectCodeSpans } from './prose';
import { collectPublicInstructions } from './reporting';
import { buildSections, sectionDepthOf } from './sections';
import { collectSeverityGroups } from './severity';
import { collectSupportStatements, collectVersionsTables } from './versions';

/** `parse` reads Markdown; another than the default parses the same trees in another way. */
export function parsePolicy(text: string, parse: (markdown: string) => Root = parseMarkdown): PolicyModel {
  startModelBuild();
  // A policy written inside a code fence is read as the Markdown it was meant to be.
  const { root, fence } = readFencedPolicy(parse(text), text, parse);
  const sections = buildSections(root, text);
  const blocks = collectBlocks(root, text, sections);
  const sentences = blocks.flatMap((block) => block.sentences);
  const codeSpans = collectCodeSpans(root);
  const contacts = collectContacts(root, text, blocks);
  const durations = collectDurations(blocks);
  const versionsTables = collectVersionsTables(root, text, sections);
  const placeholders = collectPlaceholders({ text, blocks, contacts, versionsTables, codeSpans });
  return {
    kind: 'policy',
    text,
    root,
    sections,
    blocks,
    sentences,
    contacts,
    durations,
    versionsTables,
    supportStatements: collectSupportStatements(blocks),
    severityGroups: collectSeverityGroups(root, blocks, durations),
    placeholders,
    publicReportInstructions: collectPublicInstructions(root, sentences, codeSpans),
    insecureLinks: collectInsecureLinks(root, text, blocks, codeSpans),
    codeSpans,
    sectionDepth: sectionDepthOf(sections),
    promises: collectPromises(sentences),
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
