import { MarkupKind, type Hover, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { basename } from 'node:path';
import type { DocumentKind } from '../core/types';
import type { DeploymentPromise, PromiseKind } from '../formats/policy/model';
import { SECURITY_TXT_FIELDS } from './securitytxt-fields';

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

/** The promise's kind as a reader says it. */
const PROMISE_NAMES: Record<PromiseKind, string> = {
  'non-root': 'containers run as a non-root user',
  'read-only-root': 'read-only root filesystems',
  'no-privileged': 'no privileged containers',
  'capabilities-dropped': 'capabilities dropped',
  'no-new-privileges': 'no-new-privileges set',
  'no-socket': 'the Docker socket is not mounted',
  'socket-read-only': 'the Docker socket is mounted read-only',
  'socket-proxy': 'the Docker socket only through a proxy',
  'only-publishes': 'only the named services publish ports',
  'internal-not-published': 'internal services are not published',
  'no-default-credentials': 'no default credentials',
  'production-certificates': 'production certificates (no staging CA)',
  'pinned-images': 'pinned images',
};

/** What a policy's promise means and which services of which files it was checked against. */
export function promiseNote(
  promise: DeploymentPromise,
  checked: { services: string[]; files: string[]; unknown: string[] },
): string {
  const heading = `**Deployment promise**: ${PROMISE_NAMES[promise.kind]}${promise.hedged ? ' (hedged: a breach is reported as info)' : ''}.`;
  const files = checked.files.map((file) => `\`${basename(file)}\``).join(', ');
  if (checked.unknown.length > 0) {
    return `${heading} It names ${checked.unknown.map((name) => `\`${name}\``).join(', ')}, which no Compose service has.`;
  }
  if (checked.files.length === 0) return `${heading} No Compose file of this repository to check it against.`;
  const services = checked.services.map((name) => `\`${name}\``).join(', ');
  return `${heading} Checked against ${services || 'no service'} in ${files}.`;
}

/**
 * Hover text for what the diagnostics do not say already (the editor shows a finding's message and
 * its rule's page with the diagnostic): what a Compose key or a security.txt field means, what a policy's
 * promise was checked against.
 */
export function hover(
  kind: DocumentKind,
  document: TextDocument,
  position: Position,
  notes: readonly string[] = [],
): Hover | null {
  const sections: string[] = [];
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
  if (kind === 'securitytxt') {
    const word = wordAt(document, position);
    const line = document.getText({
      start: { line: position.line, character: 0 },
      end: { line: position.line + 1, character: 0 },
    });
    // A field name where a field starts: at the line start, before its colon.
    const field = word && word.start === 0 && line.slice(word.end).startsWith(':') ? word.word.toLowerCase() : '';
    if (Object.hasOwn(SECURITY_TXT_FIELDS, field)) sections.push(SECURITY_TXT_FIELDS[field]);
  }
  sections.push(...notes);
  if (sections.length === 0) return null;
  return { contents: { kind: MarkupKind.Markdown, value: sections.join('\n\n---\n\n') } };
}
