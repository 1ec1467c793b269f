import { dirname } from 'node:path';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { FIX_ALL_KIND, SHOW_RULE_DOCS_COMMAND } from '../../../common/protocol';
import { disableFileEdit, disableLineEdit } from '../engine/directives';
import { differenceEdit, fixAllEdits, fixAllText, withUnattendedFixes } from '../engine/fixes';
import { readDotenv } from '../project/dotenv-file';
import {
  textFingerprint,
  toDiagnosticFix,
  toLspEdit,
  toWorkspaceEdit,
  type DiagnosticData,
  type DiagnosticFix,
} from './diagnostics';
import { kindOf, type LintedDocuments } from './documents';
import { filePath, type LintContext } from './settings';

export interface CodeActionSources {
  documents: LintedDocuments;
  context: LintContext;
  /** The text of an open document, by URI. */
  openText(uri: string): string | undefined;
  /** Whether the client runs SHOW_RULE_DOCS_COMMAND. */
  showsRuleDocs: boolean;
}

/**
 * The code actions for a document: each finding's fixes, "disable for this line", "disable for
 * this file", "show documentation" (in clients that run the command), and fix-all. Fixes that travelled without their edits are computed again here from
 * this version's findings.
 */
export function codeActions(
  document: TextDocument,
  params: CodeActionParams,
  sources: CodeActionSources,
): CodeAction[] {
  const { documents, context } = sources;
  const kind = kindOf(document);
  if (!kind || !context.settings.enable) return [];
  const only = params.context.only;
  const wants = (wanted: string) =>
    !only || only.some((kindAsked) => wanted === kindAsked || wanted.startsWith(`${kindAsked}.`));
  const actions: CodeAction[] = [];
  const uri = document.uri;

  // A fix that also edits the project .env was placed against the .env text the lint read: when
  // that file has changed since, the fix is dropped and the document linted again with the new text.
  let staleDotenv = false;
  const isFresh = (fix: DiagnosticFix): boolean =>
    (fix.files ?? []).every((file) => {
      const path = filePath(file.uri);
      const open = sources.openText(file.uri);
      const read = path ? readDotenv(dirname(path)) : undefined;
      const text = open ?? (read && 'dotenv' in read ? read.dotenv.text : undefined);
      const fresh = text !== undefined && textFingerprint(text) === file.basis;
      if (!fresh) staleDotenv = true;
      return fresh;
    });

  /** The server's own finding behind a diagnostic of this version: ruleId and range must match. */
  const findingOf = (diagnostic: Diagnostic) => {
    const data = diagnostic.data as Partial<DiagnosticData> | undefined;
    if (data?.version !== document.version) return undefined;
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    return documents
      .lint(document, true)
      ?.findings?.find((each) => each.ruleId === diagnostic.code && each.start === start && each.end === end);
  };

  if (wants(CodeActionKind.QuickFix)) {
    const text = document.getText();
    const facts = context.factsFor(uri);
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== 'secpolicy' || typeof diagnostic.code !== 'string') continue;
      const ruleId = diagnostic.code;
      for (const found of findingOf(diagnostic)?.fixes ?? []) {
        const fix = toDiagnosticFix(document, found, facts);
        if (!fix || !isFresh(fix)) continue;
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.preferred,
          edit: toWorkspaceEdit(uri, document.version, fix),
        });
      }
      const offset = document.offsetAt(diagnostic.range.start);
      const lineEdit = disableLineEdit(text, kind, offset, ruleId);
      if (lineEdit) {
        actions.push({
          title: `Disable ${ruleId} for this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: [toLspEdit(document, lineEdit)] } },
        });
      }
      actions.push({
        title: `Disable ${ruleId} for this file`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [uri]: [toLspEdit(document, disableFileEdit(text, kind, ruleId))] } },
      });
      if (sources.showsRuleDocs) {
        actions.push({
          title: `Show documentation for ${ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `Show documentation for ${ruleId}`, command: SHOW_RULE_DOCS_COMMAND, arguments: [ruleId] },
        });
      }
    }
  }

  if (wants(FIX_ALL_KIND)) {
    const entry = documents.lint(document, true);
    // Fix-all runs unattended (on save, say): fixes that need review or write to another file are
    // left to the quick fixes.
    if (entry?.findings && fixAllEdits(entry.findings.map(withUnattendedFixes)).length > 0) {
      const text = document.getText();
      const fixed = fixAllText(text, (current) =>
        documents.lintText(document, current).findings.map(withUnattendedFixes),
      );
      actions.push({
        title: 'Fix all secpolicy problems in this file',
        kind: FIX_ALL_KIND,
        edit: { changes: { [uri]: [toLspEdit(document, differenceEdit(text, fixed.text))] } },
      });
    }
  }
  if (staleDotenv) {
    context.forget(uri);
    documents.relintAll();
  }
  return actions;
}
