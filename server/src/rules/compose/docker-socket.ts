import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { Fix, Report, Rule } from '../../engine/types';
import { findPair, getNode, seqItems, stringRef, type ComposeModel, type Service } from '../../formats/compose';
import { resolveInterpolation } from '../../formats/interpolation';
import { lineEnd, lineEnding } from '../../formats/text';
import { reportOnce } from './helpers';

/**
 * Container runtime API sockets given as a host path: whoever can write to one controls the host.
 * A bare `docker.sock` is a named volume, not a host path.
 */
const RUNTIME_SOCKET = /\/(?:docker|podman|containerd|crio|cri-dockerd|dockershim)\.sock$/;
/** Folders that hold those sockets: mounting one mounts the socket too. */
const SOCKET_FOLDER = /^(?:\/var)?\/run(?:\/(?:docker|containerd|podman|crio))?\/?$/;

/**
 * Judges the path Compose would use when no variable is set (`${SOCK:-/var/run/docker.sock}`),
 * or the path as written when a variable has no default (`${XDG_RUNTIME_DIR}/podman/podman.sock`).
 */
function isRuntimeSocket(source: string): boolean {
  const path = resolveInterpolation(source, () => undefined).value ?? source;
  return RUNTIME_SOCKET.test(path) || SOCKET_FOLDER.test(path);
}

/** Splits the short syntax `SOURCE:TARGET:MODE` at the colons outside `${…}`. */
function splitVolume(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '$' && value[i + 1] === '{') {
      depth++;
      i++;
    } else if (value[i] === '}' && depth > 0) depth--;
    else if (value[i] === ':' && depth === 0) {
      parts.push(value.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(value.slice(from));
  return parts;
}

const MESSAGE_WRITABLE = (service: string, source: string) =>
  `Service "${service}" mounts the container runtime socket ${source} writable: the container can control the host.`;
const MESSAGE_READ_ONLY = (service: string, source: string) =>
  `Service "${service}" mounts the container runtime socket ${source}; ":ro" does not stop API calls, use a filtering socket proxy.`;

/** Mode options of the short syntax, `SOURCE:TARGET:MODE`. */
const MODE =
  /^(?:rw|ro|z|Z|cached|delegated|consistent|nocopy|r?shared|r?slave|r?private)(?:,(?:rw|ro|z|Z|cached|delegated|consistent|nocopy|r?shared|r?slave|r?private))*$/;

function checkShort(model: ComposeModel, service: Service, item: unknown, report: (report: Report) => void) {
  const ref = stringRef(model.text, item);
  if (!ref) return;
  const parts = splitVolume(ref.value);
  const mode = parts.length >= 3 && MODE.test(parts[parts.length - 1]) ? parts[parts.length - 1] : undefined;
  const source = parts[0];
  if (parts.length < 2 || !isRuntimeSocket(source)) return;
  const options = mode?.split(',') ?? [];
  const readOnly = options.includes('ro');
  if (readOnly) {
    report({
      message: MESSAGE_READ_ONLY(service.name, source),
      start: ref.start,
      end: ref.end,
      severity: 'warning',
    });
    return;
  }
  const fixes: Fix[] = [];
  if (ref.exact) {
    const modeStart = ref.end - (mode?.length ?? 0);
    const newMode = mode
      ? options
          .filter((option) => option !== 'rw')
          .concat('ro')
          .join(',')
      : undefined;
    fixes.push({
      title: 'Mount the socket read-only (":ro")',
      edits: [
        mode ? { start: modeStart, end: ref.end, newText: newMode! } : { start: ref.end, end: ref.end, newText: ':ro' },
      ],
      preferred: true,
    });
  }
  report({ message: MESSAGE_WRITABLE(service.name, source), start: ref.start, end: ref.end, fixes });
}

function checkLong(model: ComposeModel, service: Service, volume: YAMLMap, report: (report: Report) => void) {
  const source = stringRef(model.text, getNode(model.doc, volume, 'source'));
  if (!source || !isRuntimeSocket(source.value)) return;
  const readOnlyNode = getNode(model.doc, volume, 'read_only');
  const readOnly = isScalar(readOnlyNode) && (readOnlyNode.value === true || readOnlyNode.value === 'true');
  if (readOnly) {
    report({
      message: MESSAGE_READ_ONLY(service.name, source.value),
      start: source.start,
      end: source.end,
      severity: 'warning',
    });
    return;
  }
  const fixes: Fix[] = [];
  const existing = findPair(model.doc, volume, 'read_only');
  if (existing && isScalar(existing.value) && existing.value.range) {
    const [start, end] = existing.value.range;
    fixes.push({
      title: 'Mount the socket read-only (read_only: true)',
      edits: [{ start, end, newText: 'true' }],
      preferred: true,
    });
  } else if (!volume.flow) {
    const sourcePair = findPair(model.doc, volume, 'source');
    const keyStart = isScalar(sourcePair?.key) ? sourcePair.key.range?.[0] : undefined;
    if (keyStart !== undefined) {
      const at = lineEnd(model.text, source.end);
      const indentation = ' '.repeat(keyStart - (model.text.lastIndexOf('\n', keyStart - 1) + 1));
      fixes.push({
        title: 'Mount the socket read-only (read_only: true)',
        edits: [{ start: at, end: at, newText: `${lineEnding(model.text)}${indentation}read_only: true` }],
        preferred: true,
      });
    }
  }
  report({
    message: MESSAGE_WRITABLE(service.name, source.value),
    start: source.start,
    end: source.end,
    fixes,
  });
}

export const dockerSocket: Rule<ComposeModel> = {
  meta: {
    id: 'compose/docker-socket',
    kind: 'compose',
    defaultSeverity: 'error',
    description:
      'A container runtime socket (or its folder) is mounted into a container, giving it control of the host.',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      for (const item of seqItems(model.doc, getNode(model.doc, service.map, 'volumes'))) {
        if (isMap(item)) checkLong(model, service, item, report);
        else checkShort(model, service, item, report);
      }
    }
  },
};
