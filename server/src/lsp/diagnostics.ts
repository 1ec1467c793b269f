import { pathToFileURL } from 'node:url';
import {
  DiagnosticSeverity,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../engine/docs';
import type { Finding, Fix, ProjectFacts, Severity, TextEdit } from '../core/types';

/** Edits a fix makes to another file (the project `.env`), in that file's coordinates. */
export interface DiagnosticFileEdit {
  uri: string;
  /** The file does not exist yet: the fix creates it. */
  create: boolean;
  /** A fingerprint of the text the edits were computed for; a changed file gets no stale edits. */
  basis: string;
  edits: LspTextEdit[];
}

/** A fix in the editor's coordinates, computed by the server from its own findings. */
export interface DiagnosticFix {
  title: string;
  edits: LspTextEdit[];
  preferred: boolean;
  /** Edits to other files, when the fix writes to them too. */
  files?: DiagnosticFileEdit[];
}

/**
 * What a diagnostic carries back to the server: only the document version it was made for. Its
 * fixes are never read from the client: a code action looks the finding up among the server's own
 * findings for that version and builds the edits there, so a client (or anything speaking for it)
 * cannot make the server produce an edit it did not compute, and no secret rides in diagnostics.
 */
export interface DiagnosticData {
  version: number;
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

/** A short fingerprint of a text (FNV-1a over its UTF-16 units, and its length): never the text itself. */
export function textFingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${text.length.toString(36)}-${hash.toString(36)}`;
}

/**
 * A fix in the editor's coordinates. Edits to the project `.env` are placed against the `.env` text
 * the lint read (from `facts`); a fix that edits any other file is not offered.
 */
export function toDiagnosticFix(document: TextDocument, fix: Fix, facts: ProjectFacts): DiagnosticFix | undefined {
  const own = fix.edits.filter((edit) => edit.path === undefined);
  const other = fix.edits.filter((edit) => edit.path !== undefined);
  const converted: DiagnosticFix = {
    title: fix.title,
    edits: own.map((edit) => toLspEdit(document, edit)),
    preferred: fix.preferred ?? false,
  };
  if (other.length === 0) return converted;
  const dotenv = facts.dotenv;
  if (!dotenv || other.some((edit) => edit.path !== dotenv.path)) return undefined;
  const uri = pathToFileURL(dotenv.path).toString();
  const target = TextDocument.create(uri, 'dotenv', 0, dotenv.text);
  converted.files = [
    {
      uri,
      create: dotenv.exists === false,
      basis: textFingerprint(dotenv.text),
      edits: other.map((edit) => toLspEdit(target, edit)),
    },
  ];
  return converted;
}

/**
 * Offsets become positions here, once, at the edge. Related locations in other files (the `.env`
 * line a value comes from, a policy's promise) are placed with `textOf`, which gives a file's text.
 */
export function toDiagnostic(
  document: TextDocument,
  finding: Finding,
  textOf: (path: string) => string | undefined = () => undefined,
): Diagnostic {
  const data: DiagnosticData = { version: document.version };
  const relatedInformation = (finding.related ?? []).flatMap((related) => {
    const text = related.path === undefined ? document.getText() : textOf(related.path);
    if (text === undefined) return [];
    const target =
      related.path === undefined
        ? document
        : TextDocument.create(pathToFileURL(related.path).toString(), 'text', 0, text);
    const range = { start: target.positionAt(related.start), end: target.positionAt(related.end) };
    return [{ location: { uri: target.uri, range }, message: related.message }];
  });
  return {
    range: { start: document.positionAt(finding.start), end: document.positionAt(finding.end) },
    severity: SEVERITIES[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: ruleDocUrl(finding.ruleId) },
    source: 'secpolicy',
    message: finding.message,
    ...(relatedInformation.length > 0 ? { relatedInformation } : {}),
    data,
  };
}

/**
 * The workspace edit for a fix: plain `changes` when it edits the document alone; otherwise
 * `documentChanges`, creating the other file first when it does not exist yet (ignored if it
 * appeared since), then editing it (version null: it need not be open), then the document.
 */
export function toWorkspaceEdit(uri: string, version: number, fix: DiagnosticFix): WorkspaceEdit {
  if (!fix.files || fix.files.length === 0) return { changes: { [uri]: fix.edits } };
  const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
  for (const file of fix.files) {
    if (file.create) documentChanges.push({ kind: 'create', uri: file.uri, options: { ignoreIfExists: true } });
    documentChanges.push({ textDocument: { uri: file.uri, version: null }, edits: file.edits });
  }
  if (fix.edits.length > 0) documentChanges.push({ textDocument: { uri, version }, edits: fix.edits });
  return { documentChanges };
}

/** The one diagnostic for a document the engine declined to lint, so the user knows why nothing shows. */
export function skippedDiagnostic(reason: string): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'secpolicy',
    message: `secpolicy skipped this file: ${reason}.`,
  };
}
