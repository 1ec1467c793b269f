import { RangeSet } from './ranges';
import type { Placeholder, PlaceholderKind, PolicyModel } from './model';
import { cellWords } from '../markdown';
import { memoizeByText } from '../../core/memo';
import { inSpans } from './prose';

const GITHUB_TEMPLATE_PROSE =
  /use this section to (?:tell|let|inform|know)|tell them where to go, how often they can expect|which versions of your project are currently being supported/i;

/** GitHub's example rows: 5.1.x supported, 5.0.x not, 4.0.x supported, below 4.0 not. */
const TEMPLATE_VERSIONS = ['5.1.x', '5.0.x', '4.0.x', '< 4.0'];

const TODO_WORD = /\b(?:TODO|TBD|FIXME|XXX)\b/g;

const BRACKETED = /\[([^[\]\n]{1,80})\]/g;

const BRACKET_START = /^(?:insert|add|enter|replace|fill in|your|project name|company name|version)\b/i;

const ANGLE_PLACEHOLDER =
  /<(?:your[ _-]?)?(?:security[ _-]?)?(?:e-?mail|contact|project|product|company|organi[sz]ation|org|repo(?:sitory)?|team|version|domain|url|link|name|owner)(?:[ _-]?(?:name|address|e-?mail|info|url))?>/gi;

const MUSTACHE = /\{\{([^{}\n]{1,80})\}\}/g;

/**
 * A name in single braces ("{project name}", "{security@email.nominatedperson}") or in double angle brackets
 * ("<<author>>"). Not `${VAR}` (a variable), `{{…}}` (above) or the "{at}" and "{dot}" that spell out an address.
 */
const SINGLE_BRACE = /(?<![{$\\])\{([A-Za-z][\w .@-]{1,78})\}(?!\})/g;

const DOUBLE_ANGLE = /<<([A-Za-z][\w .@-]{1,78})>>/g;

const SPELLED_AT_OR_DOT = /^(?:at|dot)$/i;

const DOLLAR_VARIABLE = /\$\{?([A-Za-z][A-Za-z0-9_]{2,40})\}?/g;

const YOUR_DOMAIN = /\byour[-_]?domain(?:\.[a-z]{2,24})?\b/gi;

const CONTACT_WORDS = /e-?mail|contact|alias|address/i;

/** The placeholders written in a block's source, in the order they are taken: where they are, their words, their kind. */
const writtenPlaceholders = memoizeByText((source: string) => {
  const found: { index: number; text: string; kind: PlaceholderKind }[] = [];
  const scan = (pattern: RegExp, kindOf: (match: RegExpMatchArray) => PlaceholderKind | undefined) => {
    for (const match of source.matchAll(pattern)) {
      const kind = kindOf(match);
      if (kind) found.push({ index: match.index!, text: match[0], kind });
    }
  };
  scan(YOUR_DOMAIN, () => 'contact');
  // Before <…>, so that "<<security contact>>" is one placeholder.
  for (const pattern of [SINGLE_BRACE, DOUBLE_ANGLE]) {
    scan(pattern, (match) =>
      SPELLED_AT_OR_DOT.test(match[1])
        ? undefined
        : CONTACT_WORDS.test(match[1]) || match[1].includes('@')
          ? 'contact'
          : 'template',
    );
  }
  scan(ANGLE_PLACEHOLDER, (match) => (CONTACT_WORDS.test(match[0]) ? 'contact' : 'template'));
  scan(MUSTACHE, (match) => (CONTACT_WORDS.test(match[1]) ? 'contact' : 'template'));
  scan(DOLLAR_VARIABLE, (match) =>
    /alias|e-?mail|contact/i.test(match[1]) ? 'contact' : /^[A-Z][A-Z0-9_]+$/.test(match[1]) ? 'template' : undefined,
  );
  scan(BRACKETED, (match) => {
    // "[insert …]" always; "[your …]" and the like only when they are not the text of a link.
    const link = source[match.index! + match[0].length] === '(';
    if (!BRACKET_START.test(match[1]) || (link && !/^(?:insert|fill in|replace)\b/i.test(match[1]))) return undefined;
    return CONTACT_WORDS.test(match[1]) ? 'contact' : 'template';
  });
  scan(TODO_WORD, () => 'template');
  return found;
});

export function collectPlaceholders(
  model: Pick<PolicyModel, 'text' | 'blocks' | 'contacts' | 'versionsTables' | 'codeSpans'>,
): Placeholder[] {
  const found: Placeholder[] = [];
  const taken = new RangeSet<Placeholder>();
  const add = (placeholder: Placeholder) => {
    if (taken.overlaps(placeholder)) return;
    taken.add(placeholder);
    found.push(placeholder);
  };
  for (const contact of model.contacts) {
    if (contact.placeholder) add({ kind: 'contact', text: contact.value, start: contact.start, end: contact.end });
  }
  // GitHub's template prose, a paragraph at a time; paragraphs with only blank lines between are one finding.
  let run: Placeholder | undefined;
  for (const block of model.blocks) {
    if (block.type !== 'paragraph' || !GITHUB_TEMPLATE_PROSE.test(block.plain)) continue;
    if (run && block.topLevel && model.text.slice(run.end, block.start).trim() === '') {
      run.end = block.end;
      run.text += ` ${block.plain}`;
      continue;
    }
    if (run) add(run);
    run = { kind: 'boilerplate', text: block.plain, start: block.start, end: block.end };
  }
  if (run) add(run);
  for (const table of model.versionsTables) {
    const rows = table.rows.filter((row) =>
      TEMPLATE_VERSIONS.includes(cellWords(row.version?.text ?? '').replace(/\s+/g, ' ')),
    );
    if (rows.length >= 3) {
      const first = rows[0];
      const last = rows[rows.length - 1];
      add({
        kind: 'example-rows',
        text: rows.map((row) => row.version!.text).join(', '),
        start: first.start,
        end: last.end,
      });
    }
  }
  for (const block of model.blocks) {
    for (const { index, text, kind } of writtenPlaceholders(block.source)) {
      const start = block.start + index;
      if (!inSpans(model.codeSpans, start)) add({ kind, text, start, end: start + text.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// Instructions to report in public
