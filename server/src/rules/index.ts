import type { DocumentKind } from '../core/types';
import type { ComposeProjectInput } from '../formats/compose/project';
import {
  lintComposeProject as lintComposeProjectWith,
  lintParsed as lintParsedWith,
  lintText as lintTextWith,
  type AnyRule,
  type LintOptions,
  type LintResult,
  type ParsedDocument,
} from '../engine/lint';
import { composeRules } from './compose';
import { dotenvRules } from './dotenv';
import { policyRules } from './policy';
import { securityTxtRules } from './securitytxt';

export type { AnyRule };

/** Every rule; each kind keeps its own registry beside its rules. This is where the engine meets them. */
export const allRules: readonly AnyRule[] = [...policyRules, ...composeRules, ...dotenvRules, ...securityTxtRules];

export const ruleIds: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));

/** Lints a parsed document with every rule. */
export function lintParsed(parsed: ParsedDocument, options: LintOptions = {}): LintResult {
  return lintParsedWith(parsed, allRules, options);
}

/** Lints a document's text with every rule. */
export function lintText(kind: DocumentKind, text: string, options: LintOptions = {}): LintResult {
  return lintTextWith(kind, text, allRules, options);
}

/** Lints the Compose files of one project together, with every rule. */
export function lintComposeProject(
  input: ComposeProjectInput,
  optionsFor: (path: string) => LintOptions,
): Map<string, LintResult> {
  return lintComposeProjectWith(input, allRules, optionsFor);
}
