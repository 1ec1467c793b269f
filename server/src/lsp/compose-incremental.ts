import type { Finding, ProjectFacts, RelatedLocation } from '../core/types';
import { differenceEdit } from '../engine/fixes';
import type { LintOptions, LintResult } from '../engine/lint';
import type { ComposeModel } from '../formats/compose/model';
import { buildProject } from '../formats/compose/project';
import { dotenvLookup, projectWordsOf, publishedPorts } from '../formats/compose/resolve';
import { policyPromises } from '../formats/policy/parse';
import { lintParsed } from '../rules';
import { imageFamilies, isEdgeProxy } from '../rules/utils/edge-proxy';

/**
 * A keystroke inside one service of a large Compose file, linted with that service alone.
 *
 * A file is cut into its services (the lines under a block `services:` at the first column, one
 * chunk per service key). When an edit stays inside one service's lines, the file is linted as its
 * other top-level keys plus that one service; the other services' findings from the last version
 * are kept, moved by the edit's length. The result equals a whole-file lint because everything a
 * rule reads across services is either held in the model's summary (the service and image words
 * secrets are guessed with) or ruled out before this path is taken:
 *
 * - the file ties no part to another: no anchors, aliases or merge keys, no `extends:`,
 *   `env_file:` or `include:`, no inline directives, no tabs or document markers;
 * - it has no edge proxy (which services sit behind one is read across services), before or after;
 * - no policy makes promises about it (promises are checked across services);
 * - the service keeps its name and image (the summary's words), and reads as YAML on its own;
 * - what the rules find outside the services (top-level keys) is unchanged, and no finding points
 *   into the edited service from another one.
 *
 * Anything else is linted whole. Findings from this path carry no fixes (a fix may span services:
 * one literal shared by several is fixed in all of them): the language server marks them
 * `partial`, and a code action asks for a whole lint first.
 */

/** One service's lines: from its key line to the line before the next service or top-level key. */
interface Chunk {
  start: number;
  /** Where its body starts: after the key line. */
  bodyStart: number;
  end: number;
  key: string;
}

/** What is kept of a whole-file lint for the next keystroke. */
export interface ComposeSnapshot {
  text: string;
  findings: Finding[];
  chunks: Chunk[];
  /** The model's summary (what rules read across services). */
  words: string[];
  /** Each service's image as written, by chunk. */
  images: (string | undefined)[];
}

/** Constructs that tie one part of a file to another, and directives that act on other lines. */
const TIED =
  /(?:^|[\s[{,])[&*][^\s]|<<[ \t]*:|secpolicy-|^(?:---|\.\.\.)|\t|^[ \t]+(?:extends|env_file|include)[ \t]*:|^include[ \t]*:/m;

/** The chunks of a plainly written file, or undefined when it is not cut that simply. */
export function serviceChunks(text: string): Chunk[] | undefined {
  if (TIED.test(text)) return undefined;
  const chunks: Chunk[] = [];
  let inServices = false;
  let sawServices = false;
  let indent = -1;
  let current: Chunk | undefined;
  for (let at = 0; at < text.length;) {
    const newline = text.indexOf('\n', at);
    const end = newline === -1 ? text.length : newline + 1;
    const line = text.slice(at, newline === -1 ? text.length : newline);
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed.startsWith('#')) {
      if (current) current.end = end;
    } else {
      const lineIndent = line.length - trimmed.length;
      if (lineIndent === 0) {
        if (current) chunks.push(current);
        current = undefined;
        inServices = /^services:[ ]*(?:#.*)?\r?$/.test(line);
        if (inServices && sawServices) return undefined;
        sawServices ||= inServices;
      } else if (inServices) {
        if (indent === -1) indent = lineIndent;
        if (lineIndent < indent) return undefined;
        if (lineIndent === indent) {
          const key = /^([\w.-]+):[ ]*(?:#.*)?\r?$/.exec(trimmed)?.[1];
          if (key === undefined) return undefined;
          if (current) chunks.push(current);
          current = { start: at, bodyStart: end, end, key };
        } else if (current) current.end = end;
        else return undefined;
      }
    }
    at = end;
  }
  if (current) chunks.push(current);
  return chunks.length > 0 ? chunks : undefined;
}

/** Whether a policy that promises something speaks for the file: its promises look across services. */
function promisedAbout(facts: ProjectFacts | undefined): boolean {
  const policy = facts?.policy?.();
  return policy !== undefined && policyPromises(policy.text).length > 0;
}

function hasEdgeProxy(model: ComposeModel, facts: ProjectFacts | undefined): boolean {
  const lookup = dotenvLookup(facts ?? {});
  return model.services.some((service) =>
    isEdgeProxy(service, publishedPorts(model, service, lookup), imageFamilies(service, lookup)),
  );
}

function parseAlone(path: string, text: string): ComposeModel {
  return buildProject({ files: [{ path, text }], references: new Map() }).files[0].model;
}

/**
 * Lints a Compose file that is a project of its own, whole, and keeps what the next keystroke needs
 * (nothing when the file is not plainly written, has an edge proxy or is promised about).
 */
export function lintComposeWhole(
  path: string,
  text: string,
  options: LintOptions,
): { result: LintResult; snapshot?: ComposeSnapshot } {
  const model = parseAlone(path, text);
  const result = lintParsed(model, options);
  const chunks = serviceChunks(text);
  if (
    !chunks ||
    model.problems.length > 0 ||
    chunks.length !== model.services.length ||
    chunks.some((chunk, index) => chunk.key !== model.services[index].name) ||
    hasEdgeProxy(model, options.facts) ||
    promisedAbout(options.facts)
  ) {
    return { result };
  }
  return {
    result,
    snapshot: {
      text,
      findings: result.findings,
      chunks,
      words: projectWordsOf(model),
      images: model.services.map((service) => service.image?.value),
    },
  };
}

function moved<T extends { start: number; end: number; path?: string }>(place: T, by: (offset: number) => number): T {
  return place.path === undefined ? { ...place, start: by(place.start), end: by(place.end) } : place;
}

/**
 * A finding moved by `by`, without its fixes: findings from this path are never read for fixes (a
 * code action lints the file whole first), and moving every edit of every kept fix would cost more
 * than the lint (one literal shared by a hundred services has a fix of a hundred edits).
 */
function movedFinding(finding: Finding, by: (offset: number) => number): Finding {
  return {
    ...moved({ ...finding, fixes: undefined }, by),
    ...(finding.related ? { related: finding.related.map((related) => moved(related, by)) } : {}),
  };
}

/** The same finding as far as a diagnostic shows it: rule, place, severity, message, related places. */
function sameDiagnostic(a: Finding, b: Finding): boolean {
  const place = (related: RelatedLocation) =>
    `${related.path ?? ''}:${related.start}:${related.end}:${related.message}`;
  return (
    a.ruleId === b.ruleId &&
    a.start === b.start &&
    a.end === b.end &&
    a.severity === b.severity &&
    a.message === b.message &&
    (a.related ?? []).map(place).join('\n') === (b.related ?? []).map(place).join('\n')
  );
}

const byPlace = (a: Finding, b: Finding) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId);

/**
 * The findings of `text` by linting only the service an edit fell in, or undefined when this path
 * does not apply (see above) and the file must be linted whole. `previous` is the last version's.
 */
export function lintServiceEdit(
  previous: ComposeSnapshot,
  path: string,
  text: string,
  options: LintOptions,
): { result: LintResult; snapshot: ComposeSnapshot } | undefined {
  const chunks = serviceChunks(text);
  if (!chunks || chunks.length !== previous.chunks.length) return undefined;
  // Where the two versions differ: the common prefix and suffix left out.
  const difference = differenceEdit(previous.text, text);
  const change = {
    start: difference.start,
    oldEnd: difference.end,
    newEnd: difference.start + difference.newText.length,
  };
  const delta = change.newEnd - change.oldEnd;
  const index = chunks.findIndex((chunk) => chunk.bodyStart <= change.start && change.newEnd <= chunk.end);
  if (index === -1) return undefined;
  const target = chunks[index];
  const old = previous.chunks[index];
  if (old.bodyStart !== target.bodyStart || change.oldEnd > old.end || old.key !== target.key) return undefined;
  if (promisedAbout(options.facts)) return undefined;

  // The file without its other services: what is above the first and below the last, and this one.
  const first = chunks[0].start;
  const last = chunks[chunks.length - 1].end;
  const compact = text.slice(0, first) + text.slice(target.start, target.end) + text.slice(last);
  const length = target.end - target.start;
  const toText = (offset: number) =>
    offset < first ? offset : offset < first + length ? offset - first + target.start : offset - first - length + last;
  const model = parseAlone(path, compact);
  if (
    model.problems.length > 0 ||
    model.services.length !== 1 ||
    model.services[0].image?.value !== previous.images[index]
  ) {
    return undefined;
  }
  if (hasEdgeProxy(model, options.facts)) return undefined;
  model.summary = { words: previous.words };
  const lint = lintParsed(model, options);
  const fresh = lint.findings.map((finding) => movedFinding(finding, toText));

  const inTarget = (offset: number) => offset >= target.start && offset < target.end;
  const oldInTarget = (offset: number) => offset >= old.start && offset < old.end;
  const outsideServices = (offset: number, list: Chunk[]) =>
    offset < list[0].start || offset >= list[list.length - 1].end;
  const pointsInto = (finding: Finding, inside: (offset: number) => boolean) =>
    (finding.related ?? []).some((related) => related.path === undefined && inside(related.start));
  // What the rules find outside the services must not depend on which services were parsed.
  const top = fresh.filter((finding) => outsideServices(finding.start, chunks)).sort(byPlace);
  const shiftAfter = (offset: number) => (offset >= old.end ? offset + delta : offset);
  const oldTop = previous.findings
    .filter((finding) => outsideServices(finding.start, previous.chunks))
    .map((finding) => movedFinding(finding, shiftAfter))
    .sort(byPlace);
  if (top.length !== oldTop.length || top.some((finding, at) => !sameDiagnostic(finding, oldTop[at]))) return undefined;
  if (
    fresh.some(
      (finding) =>
        inTarget(finding.start) &&
        (finding.related ?? []).some((related) => related.path === undefined && !inTarget(related.start)),
    )
  ) {
    return undefined;
  }

  const kept: Finding[] = [];
  for (const finding of previous.findings) {
    if (oldInTarget(finding.start) || outsideServices(finding.start, previous.chunks)) continue;
    if (pointsInto(finding, oldInTarget)) return undefined;
    kept.push(movedFinding(finding, shiftAfter));
  }
  const findings = [...kept, ...top, ...fresh.filter((finding) => inTarget(finding.start))].sort(byPlace);
  return {
    result: { findings, failures: lint.failures, suppressed: lint.suppressed },
    snapshot: { ...previous, text, findings, chunks },
  };
}
