import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ruleDocUrl } from '../engine/docs';
import type { DocumentKind, Finding } from '../core/types';

/** What the Compose keys that matter for security do, in a sentence or two. */
const COMPOSE_KEYS: Record<string, string> = {
  privileged:
    '`privileged: true` gives the container every capability and every host device, with no seccomp or AppArmor confinement: root in it is root on the host.',
  cap_add:
    'Linux capabilities added to the container. `SYS_ADMIN`, `SYS_MODULE`, `SYS_PTRACE`, `NET_ADMIN`, `DAC_READ_SEARCH` and `ALL` reach past the container.',
  cap_drop:
    'Linux capabilities removed from the container. `cap_drop: [ALL]`, then adding back only what is needed, is the hardened default.',
  user: 'The user the container runs as. Without it most images run as root; use a numeric non-root `uid:gid`.',
  read_only:
    '`read_only: true` mounts the root filesystem read-only, so an intruder cannot change binaries; give writable paths with `tmpfs` or volumes.',
  security_opt:
    'Security options: `no-new-privileges:true` blocks setuid escalation; `seccomp:unconfined`, `apparmor:unconfined` and `label:disable` remove confinement.',
  network_mode:
    '`network_mode: host` shares the host network stack: the container can bind any host port and reach services on localhost.',
  pid: '`pid: host` lets the container see and signal every process on the host.',
  ipc: '`ipc: host` shares the host’s shared memory with the container.',
  ports:
    'Published ports. `"5432:5432"` listens on every interface of the host (and bypasses ufw/firewalld); `"127.0.0.1:5432:5432"` only on loopback.',
  volumes:
    'Mounts. Mounting the Docker socket (`/var/run/docker.sock`) hands over control of the host; `:ro` does not stop API calls. Sensitive host paths (`/`, `/etc`, `~/.ssh`) should not be mounted.',
  env_file:
    'Files whose variables are set in the container: every credential in them is visible to the process and to `docker inspect`.',
  secrets: 'Compose secrets are mounted as files under `/run/secrets/`, out of `docker inspect` and the environment.',
};

function wordAt(document: TextDocument, position: Position): { word: string; start: number; end: number } | undefined {
  const line = document.getText({
    start: { line: position.line, character: 0 },
    end: { line: position.line + 1, character: 0 },
  });
  const character = Math.min(position.character, line.length);
  let start = character;
  let end = character;
  while (start > 0 && /[\w-]/.test(line[start - 1])) start--;
  while (end < line.length && /[\w-]/.test(line[end])) end++;
  if (start === end) return undefined;
  return { word: line.slice(start, end), start, end };
}

/** Hover text: the findings under the cursor with their rule's page, then what a Compose key means. */
export function hover(
  kind: DocumentKind,
  document: TextDocument,
  position: Position,
  findings: readonly Finding[],
): Hover | null {
  const offset = document.offsetAt(position);
  const sections: string[] = [];
  for (const finding of findings) {
    if (finding.start <= offset && offset <= finding.end) {
      sections.push(
        `**${finding.ruleId}** (${finding.severity}): ${finding.message}\n\n[Rule documentation](${ruleDocUrl(finding.ruleId)})`,
      );
    }
  }
  if (kind === 'compose') {
    const word = wordAt(document, position);
    const line = document.getText({
      start: { line: position.line, character: 0 },
      end: { line: position.line + 1, character: 0 },
    });
    if (word && COMPOSE_KEYS[word.word] && line.slice(word.end).startsWith(':')) {
      sections.push(COMPOSE_KEYS[word.word]);
    } else if (/docker\.sock|podman\.sock|containerd\.sock/.test(line)) {
      sections.push(COMPOSE_KEYS.volumes);
    }
  }
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}
