import { dirname } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { Config, Finding, ProjectFacts } from '../core/types';
import { fixAllText, withoutCrossFileFixes, withUnattendedFixes } from '../engine/fixes';
import { projectFacts, withClock } from '../project/facts';
import { lintText } from '../rules';
import { maskSecretsInLine } from '../secrets/mask';
import type { Problem, Target } from './discover';
import { readTarget } from './files';
import type { CliIo } from './io';
import type { FileReport } from './report';

export interface LintRun {
  files: FileReport[];
  problems: Problem[];
  /** Project files left unread on purpose (a `.env` linking out of the repository): said, but no failure. */
  notices: Problem[];
  /** The fixed texts `--fix` will write once the whole run has succeeded. */
  pendingWrites: { path: string; text: string }[];
}

export interface LintRunOptions {
  fix: boolean;
  fixDryRun: boolean;
  quiet: boolean;
  configFor: (directory: string) => Config;
  /** A path as the user would name it. */
  shown: (path: string) => string;
}

/**
 * A unified diff in the shape `git diff` prints (`--- path`, `+++ path`, then the hunks), with
 * every credential value masked: the lines around a fix often hold the secrets it protects.
 */
function unifiedDiff(path: string, before: string, after: string): string {
  const patch = createTwoFilesPatch(path, path, before, after, undefined, undefined, { context: 3 });
  // The library adds an "Index:" banner and tab-separated empty headers that patch tools do not need.
  const lines = patch.split('\n');
  const start = lines.findIndex((line) => line.startsWith('--- '));
  return lines
    .slice(start)
    .map((line, index) =>
      index < 2 ? line.replace(/\t$/, '') : /^[ +-]/.test(line) ? line[0] + maskSecretsInLine(line.slice(1)) : line,
    )
    .join('\n');
}

/** Lints each target, applying or showing the unattended fixes when asked, with a progress line on long runs. */
export function lintTargets(targets: Target[], options: LintRunOptions, io: CliIo): LintRun {
  const problems: Problem[] = [];
  const notices: Problem[] = [];
  const facts = new Map<string, ProjectFacts>();
  const files: FileReport[] = [];
  const pendingWrites: { path: string; text: string }[] = [];
  const showProgress = io.progress && targets.length >= 50;
  targets.forEach((target, index) => {
    if (showProgress && index % 10 === 0) io.stderr(`\rLinting ${index + 1}/${targets.length} files…`);
    const { text, problem } = readTarget(target.path);
    if (text === undefined) {
      problems.push({ path: target.path, message: problem! });
      return;
    }
    const directory = dirname(target.path);
    if (!facts.has(directory)) {
      const found = projectFacts(directory);
      for (const unread of found.unread ?? [])
        notices.push({ path: unread.path, message: `not read: ${unread.reason}` });
      facts.set(directory, found);
    }
    const lintOptions = { config: options.configFor(directory), facts: withClock(facts.get(directory)!) };
    const lint = (current: string): Finding[] => {
      const result = lintText(target.kind, current, lintOptions);
      if (result.skipped) problems.push({ path: target.path, message: `skipped: ${result.skipped}` });
      for (const failure of result.failures) {
        problems.push({ path: target.path, message: `rule ${failure.ruleId} failed: ${String(failure.error)}` });
      }
      return result.findings.map(withoutCrossFileFixes);
    };
    let finalText = text;
    let fixed = 0;
    let diff: string | undefined;
    if (options.fix || options.fixDryRun) {
      const before = lint(text).length;
      finalText = fixAllText(text, (current) => lint(current).map(withUnattendedFixes)).text;
      if (finalText !== text) {
        const remaining = lint(finalText).length;
        fixed = Math.max(before - remaining, 0);
        if (options.fix) pendingWrites.push({ path: target.path, text: finalText });
        else diff = unifiedDiff(options.shown(target.path), text, finalText);
      }
    }
    let findings = lint(finalText);
    if (options.quiet) findings = findings.filter((finding) => finding.severity === 'error');
    files.push({ path: options.shown(target.path), text: finalText, findings, fixed, ...(diff ? { diff } : {}) });
  });
  if (showProgress) io.stderr('\r\x1b[K');
  return { files, problems, notices, pendingWrites };
}
