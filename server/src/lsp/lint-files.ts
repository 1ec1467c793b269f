import type { CancellationToken, Connection, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { documentKind } from '../../../common/files';
import type { LintFilesParams, LintFilesResult } from '../../../common/protocol';
import { skipReason } from '../engine/limits';
import { readText } from '../project/read';
import { parse } from '../engine/lint';
import { basename, dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolvePath } from '../core/paths';
import type { Finding } from '../core/types';
import { diskSource, loadComposeProject, projectTree } from '../project/compose-project';
import { withPromiseSources } from '../project/deployment';
import { lintComposeProject, lintParsed } from '../rules';
import { skippedDiagnostic, toDiagnostic } from './diagnostics';
import { filePath, type LintContext } from './settings';

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
    // Only a regular file, never a FIFO or a device: a request must not hang the server.
    const text = readText(path);
    if (text === undefined) {
      skipped.push(uri);
      continue;
    }
    const document = TextDocument.create(uri, kind === 'policy' ? 'markdown' : 'yaml', 0, text);
    const reason = skipReason(kind, text);
    const facts = context.factsFor(uri);
    let findings: Finding[] = [];
    if (!reason && kind === 'compose') {
      // As part of its project, as the CLI lints it.
      const read = diskSource(projectTree(path));
      const project = loadComposeProject(path, read);
      const facts = withPromiseSources(
        context.factsIn(project.directory),
        'compose',
        project.files[0]?.path ?? path,
        context.boundary(project.directory),
        read,
        (directory) => context.factsIn(directory),
      );
      const results = lintComposeProject(project, (file) => ({
        config: context.configFor(pathToFileURL(file).toString()),
        facts,
      }));
      findings = results.get(resolvePath(dirname(path), basename(path)))?.findings ?? [];
    } else if (!reason) {
      const withDeployment =
        kind === 'policy'
          ? withPromiseSources(
              facts,
              'policy',
              path,
              context.boundary(dirname(path)),
              diskSource(projectTree(path)),
              (directory) => context.factsIn(directory),
            )
          : facts;
      findings = lintParsed(parse(kind, text), { config: context.configFor(uri), facts: withDeployment }).findings;
    }
    const diagnostics = reason
      ? [skippedDiagnostic(reason)]
      : findings.map((finding) => toDiagnostic(document, finding, (file) => readText(file)));
    void connection.sendDiagnostics({ uri, diagnostics });
    linted++;
  }
  return { linted, skipped };
}
