/** What the extension and the language server say to each other beyond the LSP itself. */

/** The code action kind of "fix all secpolicy problems", run by `editor.codeActionsOnSave`. */
export const FIX_ALL_KIND = 'source.fixAll.secpolicy';

/** The editor command that opens a rule's documentation page; its one argument is the rule id. */
export const SHOW_RULE_DOCS_COMMAND = 'secpolicy.showRuleDocs';

/**
 * Set in `initializationOptions` by a client that runs SHOW_RULE_DOCS_COMMAND: the server then
 * offers "Show documentation for RULE" with each diagnostic (other editors follow the
 * diagnostic's documentation link instead).
 */
export const SHOWS_RULE_DOCS_OPTION = 'showsRuleDocs';

/** The request behind "Lint Workspace": lints files from disk that are not open. */
export const LINT_FILES_REQUEST = 'secpolicy/lintFiles';

export interface LintFilesParams {
  uris: string[];
}

export interface LintFilesResult {
  /** How many files were linted and published. */
  linted: number;
  /** Files that could not be read. */
  skipped: string[];
}

/**
 * Node options the extension starts the language server with, chosen by measurement (`npm run
 * bench -- memory`, and the didChange rows beside them): V8 sizes its heap for a desktop and keeps
 * what an allocation burst (a large document's parse) took. A 512 MB old-generation ceiling makes it
 * grow the heap by smaller steps and give memory back, about 120 MB instead of 210 MB after a session
 * with two large documents, for about a quarter more time per edit of a 250 KB policy; a 4 MB young
 * generation takes a little more off for little more time (1 MB cost twice as much). 512 MB is twice
 * what the largest document the server accepts (a 2 MB Compose file) needs at its peak.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=4', '--max-old-space-size=512'];
