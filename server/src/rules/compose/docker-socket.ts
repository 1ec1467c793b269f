import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { lineStart } from '../../core/text';
import type { Fix, Rule, TextEdit } from '../../core/types';
import type { ComposeModel, Service } from '../../formats/compose/model';
import { holdsRuntimeSocket, hostPath, isDockerApiSocket, isRuntimeSocket } from '../../formats/compose/host-paths';
import { resolveInterpolation, type Lookup } from '../../formats/compose/interpolation';
import { allDefinitions, effectiveImage, effectiveNode } from '../../formats/compose/project';
import { bindMounts, dotenvLookup, type BindMount } from '../../formats/compose/resolve';
import { findPair, stringRef } from '../../formats/compose/yaml';
import {
  appendMapEntry,
  appendSequenceItem,
  insertServiceLines,
  readOnlyEdit,
  removeBlockSequenceItem,
} from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

/**
 * A filtering socket proxy's image: the repository's last part is `socket-proxy` or
 * `docker-socket-proxy` (Tecnativa's, LinuxServer.io's, wollomatic's and their forks), whatever
 * the registry, namespace or tag.
 */
const SOCKET_PROXY_IMAGE = /(?:^|\/)(?:docker-)?socket-proxy(?:[:@]|$)/;
/** The proxy the fix adds, as the `socket-proxy` snippet writes it; it listens on 2375. */
const PROXY_IMAGE = 'tecnativa/docker-socket-proxy:0.3';
const PROXY_PORT = 2375;
const PROXY_NAME = 'docker-socket-proxy';

/** The image a service runs (its last definition's, in a project), as Compose resolves it, when it is a socket proxy's. */
function socketProxyImage(model: ComposeModel, service: Service, lookup: Lookup): string | undefined {
  const written = effectiveImage(model, service);
  const image = written === undefined ? undefined : resolveInterpolation(written, lookup).value;
  return image !== undefined && SOCKET_PROXY_IMAGE.test(image) ? image : undefined;
}

/** The network names a service joins, as written: a list or a map's keys; undefined for other shapes. */
function networkNames(text: string, node: unknown): string[] | undefined {
  if (isSeq(node)) return node.items.map((item) => stringRef(text, item)?.value ?? '');
  if (isMap(node)) return node.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : ''));
  return undefined;
}

/** The networks a service joins as it runs: the last definition's `networks:`, `default` without one. */
function joinedNetworks(model: ComposeModel, service: Service): string[] | undefined {
  const effective = effectiveNode(model, service, 'networks');
  return effective ? networkNames(effective.model.text, effective.node) : ['default'];
}

/** The name a definition's service has in the project (an extended base serves under another). */
function projectName(model: ComposeModel, service: Service): string {
  return model.project?.project.names.get(service) ?? service.name;
}

/** One step of indentation, as the service's keys sit under its name; undefined in flow style. */
function indentStep(model: ComposeModel, service: Service): string | undefined {
  const text = model.text;
  const first = service.map.items[0]?.key as Node | null | undefined;
  if (service.map.flow || !first?.range) return undefined;
  const outer = text.slice(lineStart(text, service.keyStart), service.keyStart);
  const inner = text.slice(lineStart(text, first.range[0]), first.range[0]);
  const deeper = /^ *$/.test(outer) && /^ +$/.test(inner) && inner.length > outer.length;
  return deeper ? inner.slice(outer.length) : undefined;
}

/** A block-sequence item written plain when YAML reads it back unchanged, else double-quoted. */
function plainOrQuoted(item: string): string {
  return /^[\w$~./][^\s#'"]*$/.test(item) ? item : JSON.stringify(item);
}

/**
 * Edits that take the socket mount away from `service` and point it at the proxy: the mount is
 * removed, `DOCKER_HOST` set to the proxy (added, or replacing a `unix://` one), and the service
 * joins `network`. Undefined when any of that cannot be written safely (a flow-style service, a
 * mount or key merged from a template, `network_mode`).
 */
function consumerEdits(
  model: ComposeModel,
  service: Service,
  mount: BindMount,
  proxy: string,
  network: string,
  step: string,
): TextEdit[] | undefined {
  const { text, doc } = model;
  const map = service.map;
  const own = (key: string) => {
    const pair = findPair(doc, map, key);
    return pair && !map.items.includes(pair) ? null : pair;
  };
  if (effectiveNode(model, service, 'network_mode')) return undefined;
  const volumes = own('volumes');
  const removal = volumes && removeBlockSequenceItem(text, volumes, mount.item.node);
  if (!removal) return undefined;
  const edits: TextEdit[] = [removal];
  const added: string[] = [];
  const host = `tcp://${proxy}:${PROXY_PORT}`;

  const environment = own('environment');
  if (environment === null) return undefined;
  if (!environment) added.push('environment:', `${step}DOCKER_HOST: ${host}`);
  else {
    const existing = service.environment.find((entry) => entry.name === 'DOCKER_HOST');
    let edit: TextEdit | undefined;
    if (existing) {
      if (existing.value === undefined || !existing.exact || existing.container !== environment.value) return undefined;
      edit = { start: existing.valueStart, end: existing.valueEnd, newText: host };
    } else if (isMap(environment.value)) edit = appendMapEntry(text, environment.value, [`DOCKER_HOST: ${host}`]);
    else if (isSeq(environment.value)) edit = appendSequenceItem(text, environment.value, `DOCKER_HOST=${host}`);
    if (!edit) return undefined;
    edits.push(edit);
  }

  const networks = own('networks');
  if (networks === null) return undefined;
  if (!networks) {
    // Listing networks takes a service off `default`: it stays there for whatever else it reaches.
    if (network !== 'default') added.push('networks:', `${step}- default`, `${step}- ${network}`);
  } else {
    const names = networkNames(text, networks.value);
    if (!names) return undefined;
    if (!names.includes(network)) {
      const edit = isSeq(networks.value)
        ? appendSequenceItem(text, networks.value, network)
        : appendMapEntry(text, networks.value as Node, [`${network}: {}`]);
      if (!edit) return undefined;
      edits.push(edit);
    }
  }
  if (added.length > 0) {
    const edit = insertServiceLines(model, service, added);
    if (!edit) return undefined;
    edits.push(edit);
  }
  return edits;
}

/**
 * Edits adding the proxy service `name` at the end of `services:`, on an internal network of its
 * own added under the top-level `networks:`, in the consumer's profiles.
 */
function proxyServiceEdits(
  model: ComposeModel,
  consumer: Service,
  mount: BindMount,
  name: string,
  step: string,
): TextEdit[] | undefined {
  const { text, doc } = model;
  const root = doc.contents;
  if (!isMap(root) || root.flow) return undefined;
  const services = findPair(doc, root, 'services');
  if (!services || !(root.items as unknown[]).includes(services) || !isMap(services.value) || services.value.flow)
    return undefined;
  // Profile names are letters, digits, `_`, `.` and `-`: anything else is quoted for the flow list.
  const profiles = consumer.profiles.map((profile) => (/^[\w.-]+$/.test(profile) ? profile : JSON.stringify(profile)));
  const service = appendMapEntry(text, services.value, [
    `${name}:`,
    `${step}image: ${PROXY_IMAGE}`,
    `${step}environment:`,
    `${step}${step}CONTAINERS: 1 # enable only the API sections "${consumer.name}" needs`,
    `${step}${step}POST: 0 # refuse every request that changes something`,
    `${step}volumes:`,
    `${step}${step}- ${plainOrQuoted(`${mount.written}:/var/run/docker.sock:ro`)}`,
    `${step}security_opt:`,
    `${step}${step}- no-new-privileges:true`,
    `${step}networks:`,
    `${step}${step}- ${name}`,
    ...(profiles.length > 0 ? [`${step}profiles: [${profiles.join(', ')}]`] : []),
  ]);
  const networks = findPair(doc, root, 'networks');
  const network = !networks
    ? appendMapEntry(text, root, ['networks:', `${step}${name}:`, `${step}${step}internal: true`])
    : (root.items as unknown[]).includes(networks) && isMap(networks.value)
      ? appendMapEntry(
          text,
          networks.value,
          networks.value.flow ? [`${name}: { internal: true }`] : [`${name}:`, `${step}internal: true`],
        )
      : undefined;
  return service && network ? [service, network] : undefined;
}

/**
 * The edits in document order, insertions at one offset joined into one edit in the order given,
 * so that their order is not a guess.
 */
function joinInsertions(edits: TextEdit[]): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of edits) {
    const same =
      edit.start === edit.end && joined.find((other) => other.start === edit.start && other.end === edit.start);
    if (same) same.newText += edit.newText;
    else joined.push({ ...edit });
  }
  return joined.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A service name (and network name) no service and no top-level network of the project uses yet. */
function freeName(model: ComposeModel): string {
  const taken = new Set(allDefinitions(model).map((definition) => projectName(model, definition.service)));
  for (const file of model.project?.project.files ?? [{ model }]) {
    const root = file.model.doc.contents;
    const networks = isMap(root) ? findPair(file.model.doc, root, 'networks')?.value : undefined;
    for (const name of networkNames(file.model.text, networks) ?? []) taken.add(name);
  }
  let name = PROXY_NAME;
  for (let n = 2; taken.has(name); n++) name = `${PROXY_NAME}-${n}`;
  return name;
}

/**
 * The real fix for a service that mounts a Docker API socket, for review: point it at the file's
 * socket proxy, or add one (a `docker-socket-proxy` service that alone mounts the socket, with
 * only container listings allowed, on an internal network shared with the service).
 */
/** What every socket fix of a file looks up: found once per file, not once per mount (which was quadratic). */
interface ProxyPlan {
  /** The services running a socket proxy that others may join. */
  proxies: Service[];
  /** The name a new proxy service gets. */
  freeName: string;
}

function proxyPlan(model: ComposeModel, lookup: Lookup): ProxyPlan {
  const proxies = allDefinitions(model)
    .map((definition) => definition.service)
    .filter(
      (other) => socketProxyImage(model, other, lookup) !== undefined && !effectiveNode(model, other, 'network_mode'),
    );
  return { proxies, freeName: freeName(model) };
}

function proxyFix(model: ComposeModel, service: Service, mount: BindMount, plan: ProxyPlan): Fix | undefined {
  const step = indentStep(model, service);
  if (step === undefined) return undefined;
  const consumer = projectName(model, service);
  const proxy = plan.proxies.find((other) => projectName(model, other) !== consumer);
  if (proxy) {
    const name = projectName(model, proxy);
    const network = joinedNetworks(model, proxy)?.[0];
    const edits = network ? consumerEdits(model, service, mount, name, network, step) : undefined;
    return edits
      ? {
          title: `Point "${service.name}" at the socket proxy "${name}" instead of the socket (review the API sections it allows)`,
          edits: joinInsertions(edits),
          needsReview: true,
        }
      : undefined;
  }
  const name = plan.freeName;
  const pointed = consumerEdits(model, service, mount, name, name, step);
  const added = pointed && proxyServiceEdits(model, service, mount, name, step);
  return pointed && added
    ? {
        title: `Move the socket to a filtering proxy service "${name}" and point "${service.name}" at it (review the API sections it allows)`,
        edits: joinInsertions([...pointed, ...added]),
        needsReview: true,
      }
    : undefined;
}

function readOnlyFix(model: ComposeModel, mount: BindMount): Fix[] {
  const edit = readOnlyEdit(model, mount);
  const title = mount.short ? 'Mount the socket read-only (":ro")' : 'Mount the socket read-only (read_only: true)';
  return edit ? [{ title, edits: [edit], preferred: true }] : [];
}

export const dockerSocket: Rule<ComposeModel> = {
  meta: {
    id: 'compose/docker-socket',
    kind: 'compose',
    defaultSeverity: 'error',
    description:
      'A container runtime socket (or its folder) is mounted into a container, giving it control of the host.',
    messages: {
      writableSocket:
        'Service "{{service}}" mounts the container runtime socket {{source}} writable: the container can control the host.',
      readOnlySocket:
        'Service "{{service}}" mounts the container runtime socket {{source}}; ":ro" does not stop API calls, so the container can still control the host: use a filtering socket proxy.',
      socketFolder:
        'Service "{{service}}" mounts {{source}}, which holds the container runtime socket: the container can control the host, read-only or not.',
      proxySocket:
        'Service "{{service}}" is a socket proxy ({{image}}) and the one that mounts {{source}}: keep its port unpublished, on an internal network, and allow only the API sections its clients need.',
      writableProxySocket:
        'Service "{{service}}" is a socket proxy ({{image}}) but mounts {{source}} writable: it only connects to the socket, so mount it read-only.',
    },
    fixable: 'unattended',
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    let plan: ProxyPlan | undefined;
    for (const service of model.services) {
      const proxyImage = socketProxyImage(model, service, lookup);
      for (const mount of bindMounts(model, service, lookup)) {
        const path = hostPath(mount.written, mount.source);
        const where = { start: mount.start, end: mount.end };
        const data = { service: service.name, source: mount.written };
        if (!isRuntimeSocket(path)) {
          if (holdsRuntimeSocket(path)) report({ messageId: 'socketFolder', data, ...where });
          continue;
        }
        if (proxyImage !== undefined) {
          // The proxy holding the socket is the mitigation itself: a reminder, or a hardening step.
          report(
            mount.readOnly
              ? { messageId: 'proxySocket', data: { ...data, image: proxyImage }, ...where, severity: 'info' }
              : {
                  messageId: 'writableProxySocket',
                  data: { ...data, image: proxyImage },
                  ...where,
                  severity: 'warning',
                  fixes: readOnlyFix(model, mount),
                },
          );
          continue;
        }
        // `:ro` changes nothing for a socket: both kinds are errors, and the fix is the proxy.
        const fix = isDockerApiSocket(path)
          ? proxyFix(model, service, mount, (plan ??= proxyPlan(model, lookup)))
          : undefined;
        report({
          messageId: mount.readOnly ? 'readOnlySocket' : 'writableSocket',
          data,
          ...where,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
};
