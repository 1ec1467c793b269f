/**
 * "Insert Security Policy" into a policy that already has text: only the template's sections the
 * policy lacks, each where the canonical order puts it. A pure decision, tested without an editor.
 */

import { CANONICAL_ORDER, sectionMeaning, type SectionMeaning } from '../policy-words';

/** Text to insert at an offset of the policy. */
export interface Insertion {
  offset: number;
  text: string;
}

interface Heading {
  /** Offset of the heading line's start. */
  start: number;
  depth: number;
  meaning: SectionMeaning | undefined;
}

interface TemplateSection {
  meaning: SectionMeaning;
  title: string;
  /** The lines under the heading, up to the next heading. */
  body: string[];
}

/** The ATX headings of Markdown text, outside fenced code blocks. */
function headings(text: string): Heading[] {
  const found: Heading[] = [];
  let offset = 0;
  let fenced = false;
  for (const line of text.split('\n')) {
    if (/^ {0,3}(?:```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6})[ \t]+(.{0,200})/.exec(line);
    if (heading) found.push({ start: offset, depth: heading[1].length, meaning: sectionMeaning(heading[2].trim()) });
    offset += line.length + 1;
  }
  return found;
}

/**
 * Whether a policy has a reporting section (a heading such as "Reporting a Vulnerability" or
 * "Contact"): the section that carries the contact, which "Insert Security Policy" then neither
 * asks for nor adds.
 */
export function hasReportingSection(policy: string): boolean {
  return headings(policy).some((heading) => heading.meaning === 'reporting');
}

/** The sections of a rendered template below its title, by meaning; subsections count as sections. */
function templateSections(template: string): TemplateSection[] {
  const sections: TemplateSection[] = [];
  let current: TemplateSection | undefined;
  for (const line of template.split('\n')) {
    const heading = /^#{2,6}[ \t]+(.{1,200})/.exec(line);
    if (heading) {
      const meaning = sectionMeaning(heading[1]);
      current = meaning ? { meaning, title: heading[1], body: [] } : undefined;
      if (current) sections.push(current);
    } else {
      current?.body.push(line);
    }
  }
  return sections;
}

/** The depth of the policy's sections: below a leading title, else one deeper than the only heading. */
function sectionDepth(present: Heading[]): number {
  const [first, ...rest] = present;
  if (!first) return 2;
  const candidates = first.depth === 1 ? rest : present;
  return candidates.length > 0 ? Math.min(...candidates.map((heading) => heading.depth)) : Math.min(first.depth + 1, 6);
}

function trailingLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.length - 1; index >= 0 && (text[index] === '\n' || text[index] === '\r'); index--) {
    if (text[index] === '\n') count++;
  }
  return count;
}

function rank(meaning: SectionMeaning): number {
  const index = CANONICAL_ORDER.indexOf(meaning);
  return index === -1 ? CANONICAL_ORDER.length : index;
}

/**
 * The insertions that add to `policy` the sections of `template` (rendered with `\n`) whose
 * meaning it lacks, in canonical order: each before the policy's first section that the order
 * puts after it, else at the end. Headings take the depth of the policy's sections; line endings
 * follow the policy's. No insertion when the policy has every section.
 */
export function missingSectionInsertions(policy: string, template: string): Insertion[] {
  const eol = policy.includes('\r\n') ? '\r\n' : '\n';
  const present = headings(policy);
  const meanings = new Set(present.map((heading) => heading.meaning));
  const depth = sectionDepth(present);
  const missing = templateSections(template)
    .filter((section) => !meanings.has(section.meaning))
    .sort((left, right) => rank(left.meaning) - rank(right.meaning));

  const byOffset = new Map<number, string[]>();
  for (const section of missing) {
    const follower = present.find(
      (heading) =>
        heading.depth === depth && heading.meaning !== undefined && rank(heading.meaning) > rank(section.meaning),
    );
    const offset = follower ? follower.start : policy.length;
    const block = [`${'#'.repeat(depth)} ${section.title}`, ...section.body].join(eol).trimEnd();
    byOffset.set(offset, [...(byOffset.get(offset) ?? []), block]);
  }
  return [...byOffset].map(([offset, blocks]) => {
    const text = blocks.join(eol + eol);
    if (offset < policy.length) return { offset, text: text + eol + eol };
    // At the end: a blank line after the policy's last line, whatever line breaks it ends with.
    const separator = policy.trim() === '' ? '' : eol.repeat(Math.max(0, 2 - trailingLineBreaks(policy)));
    return { offset, text: separator + text + eol };
  });
}
