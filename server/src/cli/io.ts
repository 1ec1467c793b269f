/** What the CLI reads from and writes to besides files: its streams, its folder, and what the terminal can show. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour in the stylish output. */
  color: boolean;
  /** Standard error is a terminal: a progress line is shown for long runs. */
  progress: boolean;
  cwd: string;
}

/** A mistake in the command line: reported on one line with a pointer to `--help`, exit code 2. */
export class UsageError extends Error {}

/** C0 and C1 control characters and DEL, which a terminal would act on (clear the screen, set the title). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text from a linted file (a service name, a path, a message quoting a value) made safe to print
 * to a terminal: each control character is shown as its escape, `\x1b` for ESC.
 */
export function printable(text: string): string {
  return text.replace(CONTROL, (character) => `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
