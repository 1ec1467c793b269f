import { DiagnosticSeverity, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../engine/docs';
import type { Finding, Severity, TextEdit } from '../engine/types';

/** A fix as carried in a diagnostic's `data`, already in the editor's coordinates. */
export interface DiagnosticFix {
  title: string;
  edits: LspTextEdit[];
  preferred: boolean;
}

export interface DiagnosticData {
  /** The document version the fixes were computed for; older fixes are not offered. */
  version: number;
  fixes: DiagnosticFix[];
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspEdit(document: TextDocument, edit: TextEdit): LspTextEdit {
  return {
    range: { start: document.positionAt(edit.start), end: document.positionAt(edit.end) },
    newText: edit.newText,
  };
}

/** Offsets become positions here, once, at the edge. */
export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    version: document.version,
    fixes: (finding.fixes ?? []).map((fix) => ({
      title: fix.title,
      edits: fix.edits.map((edit) => toLspEdit(document, edit)),
      preferred: fix.preferred ?? false,
    })),
  };
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: 'secpolicy',
    message: finding.message,
    data,
  };
}
