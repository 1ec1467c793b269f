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
