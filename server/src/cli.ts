import { runCli } from './cli/main';
import { unsupportedNode } from './node-version';

/** The `secpolicy` command: lints with the process's arguments, streams and exit code. */
export function runCliProcess(): void {
  const tooOld = unsupportedNode('secpolicy');
  if (tooOld) {
    process.stderr.write(`${tooOld}\n`);
    process.exitCode = 2;
    return;
  }
  // A reader that goes away (`secpolicy . | head -1`) is not an error of ours: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  try {
    process.exitCode = runCli(process.argv.slice(2), {
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      progress: Boolean(process.stderr.isTTY),
      cwd: process.cwd(),
    });
  } catch (error) {
    // A bug of ours: one line that says so, never a stack trace, and the exit code of a failed run.
    process.stderr.write(`secpolicy: internal error: ${(error as Error).message ?? String(error)}\n`);
    process.exitCode = 2;
  }
}
