import { statSync, readFileSync } from 'node:fs';
import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind } from '../../../common/files';
import type { LintFilesParams, LintFilesResult } from '../../../common/protocol';
import { MAX_FILE_BYTES, skipReason } from '../engine/limits';
import { parse } from '../engine/lint';
import { lintParsed } from '../rules';
import { skippedDiagnostic, toDiagnostic } from './diagnostics';
import { filePath, type LintContext } from './settings';

/** A file's text, or undefined when it cannot be read or is too large to be a policy or Compose file. */
function readWorkspaceFile(path: string): string | undefined {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) return undefined;
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * "Lint workspace": lints files from disk that are not open and publishes their diagnostics, so
 * the Problems panel lists them without opening an editor. Open documents are linted already.
 */
export function lintFiles(
  params: LintFilesParams,
  token: CancellationToken,
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  context: LintContext,
): LintFilesResult {
  let linted = 0;
  const skipped: string[] = [];
  for (const uri of params.uris) {
    if (token.isCancellationRequested) break;
    if (documents.get(uri)) continue;
    const path = filePath(uri);
    const kind = path ? documentKind(path) : undefined;
    if (!path || !kind) continue;
    const text = readWorkspaceFile(path);
    if (text === undefined) {
      skipped.push(uri);
      continue;
    }
    const document = TextDocument.create(uri, kind === 'policy' ? 'markdown' : 'yaml', 0, text);
    const reason = skipReason(kind, text);
    const facts = context.factsFor(uri);
    const findings = reason ? [] : lintParsed(parse(kind, text), { config: context.configFor(uri), facts }).findings;
    const diagnostics = reason
      ? [skippedDiagnostic(reason)]
      : findings.map((finding) => toDiagnostic(document, finding, facts));
    void connection.sendDiagnostics({ uri, diagnostics });
    linted++;
  }
  return { linted, skipped };
}
