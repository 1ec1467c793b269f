import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SERVER_EXEC_ARGV } from '../../../common/protocol';
import { EXTENSION_ID, open, revertAndCloseAll, waitForCodes } from './helpers';

interface Process {
  pid: number;
  args: string;
}

/** This extension host's child processes, with their command lines. */
function children(): Process[] {
  if (process.platform !== 'linux') {
    // -ww: whole command lines, however long, when the output is not a terminal.
    const table = execFileSync('ps', ['-ww', '-eo', 'pid=,ppid=,args='], { encoding: 'utf8' });
    return table
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
      .filter((match) => match !== null && Number(match[2]) === process.pid)
      .map((match) => ({ pid: Number(match![1]), args: match![3] }));
  }
  // /proc rather than ps, which slim images lack.
  const found: Process[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    let cmdline: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
    } catch {
      continue; // it exited meanwhile
    }
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid === process.pid) found.push({ pid: Number(name), args: cmdline.split('\0').join(' ').trim() });
  }
  return found;
}

/**
 * The secpolicy language servers this extension host runs: its children that run dist/server.js
 * over Node IPC (vscode-languageclient forks the module with --node-ipc and --clientProcessId).
 */
function languageServers(): Process[] {
  const module = join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'server.js');
  return children().filter((child) => child.args.includes(module) && child.args.includes('--node-ipc'));
}

function theLanguageServer(): Process {
  const servers = languageServers();
  assert.equal(
    servers.length,
    1,
    `one secpolicy language server under the extension host (pid ${process.pid}): ${JSON.stringify(children())}`,
  );
  return servers[0];
}

describe('secpolicy recovers from a language server crash', () => {
  afterEach(revertAndCloseAll);

  it('restarts a server killed with SIGKILL, and the new one lints edits', async function () {
    if (process.platform === 'win32') this.skip(); // neither /proc nor ps, and no SIGKILL
    const document = await open('SECURITY.md');
    await waitForCodes(document.uri, { present: ['policy/no-contact'] });
    const killed = theLanguageServer();

    process.kill(killed.pid, 'SIGKILL');
    // Once kill() returns the old server runs no more code, so diagnostics of the edited text can
    // only come from a new one, whether the client has noticed the crash yet or not. The edit
    // trades policy/no-contact for policy/placeholder-contact: a change no stale state could show.
    const editor = vscode.window.activeTextEditor!;
    const end = document.lineAt(document.lineCount - 1).range.end;
    const edited = await editor.edit((builder) =>
      builder.insert(end, 'Email security@example.com to report a vulnerability privately.\n'),
    );
    assert.ok(edited, 'the editor applied the edit');
    await waitForCodes(document.uri, { present: ['policy/placeholder-contact'], absent: ['policy/no-contact'] });

    const restarted = theLanguageServer();
    assert.notEqual(restarted.pid, killed.pid, 'the language server is a new process');
  });

  it('starts the server with the memory options the extension chose', async () => {
    const document = await open('SECURITY.md');
    await waitForCodes(document.uri, { present: ['policy/no-contact'] });
    const args = theLanguageServer().args.split(' ');
    for (const option of SERVER_EXEC_ARGV) assert.ok(args.includes(option), `${option} in ${args.join(' ')}`);
  });
});
