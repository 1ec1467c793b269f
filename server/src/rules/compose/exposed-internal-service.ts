import { isMap, isScalar, isSeq, Scalar } from 'yaml';
import type { Fix, Rule, TextEdit } from '../../core/types';
import {
  familiesOfCommand,
  familyOfPort,
  inPorts,
  isProtocolPort,
  METRICS_PORT_LABELS,
  SETTING_WORDS,
  type ServiceFamily,
} from '../../formats/compose/catalog';
import { parseInterpolations, resolveInterpolation, type Lookup } from '../../formats/compose/interpolation';
import { type ComposeModel, type EnvEntry, type Service } from '../../formats/compose/model';
import { entriesOf } from '../../formats/compose/parse';
import { commandTokens, splitColons } from '../../formats/compose/specs';
import { findPair, getNode, mapPairs, seqItems, stringRef } from '../../formats/compose/yaml';
import { lineEnd, lineEnding, lineStart } from '../../core/text';
import { dotenvLookup, isAllInterfaces, publishedPorts, type PublishedPort } from '../../formats/compose/resolve';
import { imageFamilies, isEdgeProxy } from '../utils/edge-proxy';
import { reportOnce } from '../utils/report-once';

/**
 * A service as the rule reads it: its ports and image at once, the rest (command, settings, labels,
 * relations) resolved the first time a question needs them, since most services are never asked.
 */
class Facts {
  readonly ports: PublishedPort[];
  readonly edge: boolean;
  private memo: {
    families?: readonly ServiceFamily[];
    command?: string[];
    values?: Map<EnvEntry, string | undefined>;
    labels?: Map<string, string>;
    dependsOn?: Set<string>;
    calls?: Set<string>;
    mentions?: Set<string>;
    router?: string | null;
    settings?: { kind: string; value: () => string | undefined; raw?: string }[];
  } = {};

  constructor(
    private readonly model: ComposeModel,
    readonly service: Service,
    private readonly lookup: Lookup,
  ) {
    this.ports = publishedPorts(model, service, lookup);
    this.edge = isEdgeProxy(service, this.ports, this.families);
  }

  /** The catalog's families of its image, `.env` values filled in. */
  get families(): readonly ServiceFamily[] {
    return (this.memo.families ??= imageFamilies(this.service, this.lookup));
  }

  /** Command and entrypoint words, resolved. */
  get command(): string[] {
    return (this.memo.command ??= (['command', 'entrypoint'] as const).flatMap((key) =>
      commandTokens(this.model, this.service.map, key).map((token) =>
        token.value.includes('$') ? resolved(token.value, this.lookup) : token.value,
      ),
    ));
  }

  /** The value an environment entry gives, resolved: a bare `- NAME` takes the project `.env` value. */
  value(entry: EnvEntry): string | undefined {
    const values = (this.memo.values ??= new Map());
    if (!values.has(entry)) {
      values.set(entry, entry.value === undefined ? this.lookup(entry.name) : resolved(entry.value, this.lookup));
    }
    return values.get(entry);
  }

  /** The value of the environment variable `name`, if the service sets it. */
  variable(name: string): string | undefined {
    const entry = this.service.environment.find((candidate) => candidate.name === name);
    return entry ? this.value(entry) : undefined;
  }

  /** Its labels, in the list form (`a=b`) or the map form, resolved. */
  get labels(): Map<string, string> {
    if (!this.memo.labels) {
      const node = getNode(this.model.doc, this.service.map, 'labels');
      const entries = node ? entriesOf(this.model.doc, this.model.text, node) : [];
      this.memo.labels = new Map(entries.map((entry) => [entry.name, resolved(entry.value ?? '', this.lookup)]));
    }
    return this.memo.labels;
  }

  /** The names under `depends_on` (a list, or a map) and `links` (`name` or `name:alias`). */
  get dependsOn(): Set<string> {
    if (!this.memo.dependsOn) {
      const names = new Set<string>();
      for (const key of ['depends_on', 'links']) {
        const node = getNode(this.model.doc, this.service.map, key);
        const items = isMap(node)
          ? mapPairs(this.model.doc, node).map((pair) => pair.key)
          : seqItems(this.model.doc, node);
        for (const item of items) if (isScalar(item)) names.add(String(item.value).split(':')[0]);
      }
      this.memo.dependsOn = names;
    }
    return this.memo.dependsOn;
  }

  /** Host names its environment and command name (`db`, `http://app:3000`): the services it calls. */
  get calls(): Set<string> {
    if (!this.memo.calls) {
      this.memo.calls = hostNames([
        ...this.command,
        ...this.service.environment.map((entry) => this.value(entry) ?? ''),
      ]);
      this.memo.calls.delete(this.service.name);
    }
    return this.memo.calls;
  }

  /** What it calls, the host names in its labels, and what it waits for: the services a proxy fronts. */
  get mentions(): Set<string> {
    if (!this.memo.mentions) {
      this.memo.mentions = hostNames(this.labels.values(), new Set([...this.calls, ...this.dependsOn]));
      this.memo.mentions.delete(this.service.name);
    }
    return this.memo.mentions;
  }

  /**
   * Its environment variables and flags whose name says they set a metrics, admin or debug
   * endpoint (`PROMETHEUS_ENDPOINT`, `--entrypoints.metrics.address`), or that its family names
   * (`--console-address`), with what they make the port they listen on.
   */
  get settings(): { kind: string; value: () => string | undefined; raw?: string }[] {
    if (!this.memo.settings) {
      const kindOf = (name: string) =>
        this.families.find((family) => family.settings.includes(name))?.reason ?? settingKind(name);
      const settings: { kind: string; value: () => string | undefined; raw?: string }[] = [];
      for (const entry of this.service.environment) {
        const kind = kindOf(entry.name);
        if (kind) {
          settings.push({
            kind,
            value: () => this.value(entry),
            ...(entry.value !== undefined ? { raw: entry.value } : {}),
          });
        }
      }
      for (const { flag, value } of flagsOf(this.command)) {
        const kind = kindOf(flag);
        if (kind) settings.push({ kind, value: () => value });
      }
      this.memo.settings = settings;
    }
    return this.memo.settings;
  }

  /** The proxy its labels or environment hand it to: Traefik or Caddy labels, nginx-proxy's `VIRTUAL_HOST`. */
  get router(): string | undefined {
    if (this.memo.router === undefined) this.memo.router = router(this.labels, this.variable('VIRTUAL_HOST')) ?? null;
    return this.memo.router ?? undefined;
  }
}

/** What the rule concludes about one published port. */
type Verdict = { internal: string } | { public: true } | undefined;

function resolved(text: string, lookup: Lookup): string {
  return resolveInterpolation(text, lookup).value ?? '';
}

/** The host names in values: runs of host-name characters (`rocketchat` in `http://rocketchat:3000/x`). */
function hostNames(values: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const value of values) for (const match of value.matchAll(/[\w.-]+/g)) into.add(match[0]);
  return into;
}

const settingKinds = new Map<string, string | null>();

/** What the words of a setting's name say it is: `OVERWRITE_SETTING_Prometheus_Port` is a metrics endpoint. */
function settingKind(name: string): string | undefined {
  let kind = settingKinds.get(name);
  if (kind === undefined) {
    const words = name.toUpperCase().split(/[^A-Z0-9]+/);
    kind = SETTING_WORDS.find(([word]) => words.includes(word))?.[1] ?? null;
    if (settingKinds.size > 10_000) settingKinds.clear();
    settingKinds.set(name, kind);
  }
  return kind ?? undefined;
}

/** The ports a listen address names (`8000`, `:8000`, `0.0.0.0:8000`, `[::]:8000`, lists of them); never a URL to another host. */
function listenPorts(value: string | undefined): string[] {
  const ports: string[] = [];
  for (const piece of (value ?? '').split(/[\s,]+/)) {
    if (piece === '' || piece.includes('//')) continue;
    const parts = splitColons(piece);
    const host = parts.slice(0, -1).join(':');
    if (['', '0.0.0.0', '[::]', '*', 'localhost', '127.0.0.1'].includes(host)) ports.push(parts[parts.length - 1]);
  }
  return ports;
}

/** The target and published ports of an item as written, before interpolation. */
function writtenPorts(model: ComposeModel, port: PublishedPort): { target?: string; published?: string } {
  const short = port.item.short;
  if (short) {
    const parts = splitColons(short.value.replace(/\/[a-z]+$/i, ''));
    return { target: parts[parts.length - 1], ...(parts.length > 1 ? { published: parts[parts.length - 2] } : {}) };
  }
  const read = (key: string) => stringRef(model.text, getNode(model.doc, port.item.long!, key))?.value;
  const target = read('target');
  const published = read('published');
  return { ...(target !== undefined ? { target } : {}), ...(published !== undefined ? { published } : {}) };
}

/** Whether a setting's value (resolved, or as written) is a listen address on the port's container port. */
function listensOn(value: string | undefined, raw: string | undefined, target: string, rawTarget?: string): boolean {
  return (
    listenPorts(value).includes(target) ||
    (raw !== undefined && rawTarget !== undefined && listenPorts(raw).includes(rawTarget))
  );
}

/** Command-line flags with their values: `--flag=value`, `--flag value`, or a bare `--flag`. */
function flagsOf(command: string[]): { flag: string; value: string }[] {
  const flags: { flag: string; value: string }[] = [];
  command.forEach((token, index) => {
    if (!token.startsWith('-')) return;
    const equals = token.indexOf('=');
    if (equals !== -1) flags.push({ flag: token.slice(0, equals), value: token.slice(equals + 1) });
    else {
      const next = command[index + 1];
      flags.push({ flag: token, value: next !== undefined && !next.startsWith('-') ? next : '' });
    }
  });
  return flags;
}

/** Whether a family's condition holds: a flag or environment variable it names is set to true. */
function conditionHolds(family: ServiceFamily, facts: Facts): boolean {
  if (family.when.length === 0) return true;
  const truthy = (value: string | undefined) => value !== undefined && /^(?:true|yes|on|1)$/i.test(value.trim());
  return family.when.some((name) =>
    name.startsWith('-')
      ? facts.command.some(
          (token) => token === name || (token.startsWith(`${name}=`) && truthy(token.slice(name.length + 1))),
        )
      : truthy(facts.variable(name)),
  );
}

/** What one family says of a port: the first family that names it decides. */
function familyVerdict(family: ServiceFamily, target: string, facts: Facts): 'internal' | 'public' | undefined {
  if (inPorts({ all: false, ranges: family.public.ranges }, target)) return 'public';
  if (inPorts(family.internal, target) && conditionHolds(family, facts)) return 'internal';
  return family.public.all ? 'public' : undefined;
}

/** A port whose variable's name says what it is (`${METRICS_PORT:-9458}`, `${ENVOY_ADMIN_PORT}`). */
function variableKind(written: { target?: string; published?: string }): string | undefined {
  for (const text of [written.target, written.published]) {
    for (const variable of parseInterpolations(text ?? '')) {
      const kind = settingKind(variable.name);
      if (kind) return kind;
    }
  }
  return undefined;
}

/**
 * A port that the service's own settings make a metrics, admin or debug endpoint, and what it is:
 * an environment variable or flag that listens on it (`PROMETHEUS_ENDPOINT=0.0.0.0:8000`,
 * `--console-address :9001`), or a Prometheus scrape label.
 */
function settingsKind(facts: Facts, port: PublishedPort, written: () => { target?: string }): string | undefined {
  const setting = facts.settings.find(({ value, raw }) =>
    listensOn(value(), raw, port.target, raw === undefined ? undefined : written().target),
  );
  if (setting) return setting.kind;
  return METRICS_PORT_LABELS.some((label) => facts.labels.get(label) === port.target)
    ? 'a metrics endpoint'
    : undefined;
}

/** Whether a port should stay internal, and why; or is meant for users by the catalog. */
function verdict(model: ComposeModel, facts: Facts, port: PublishedPort): Verdict {
  const target = port.target;
  let byImage: 'internal' | 'public' | undefined;
  let family: ServiceFamily | undefined;
  for (family of facts.families) {
    byImage = familyVerdict(family, target, facts);
    if (byImage) break;
  }
  const written = () => writtenPorts(model, port);
  const configured = settingsKind(facts, port, written);
  if (configured) return { internal: configured };
  if (byImage === 'internal') return { internal: family!.reason };
  const named = variableKind(written());
  if (named) return { internal: named };
  if (byImage === 'public') return { public: true };
  for (const recognised of familiesOfCommand(facts.command)) {
    const byCommand = familyVerdict(recognised, target, facts);
    if (byCommand === 'internal') return { internal: recognised.reason };
    if (byCommand === 'public') return { public: true };
  }
  if (facts.edge || port.protocol === 'udp') return undefined;
  const known = familyOfPort(target.split('-')[0]);
  return known ? { internal: known.reason } : undefined;
}

/** A port a reverse proxy could carry: TCP, and not a well-known port of another protocol or one set by a variable. */
function isHttpPort(port: PublishedPort): boolean {
  const target = port.target.split('-')[0];
  return port.protocol !== 'udp' && /^\d+$/.test(target) && !isProtocolPort(target);
}

/** The proxy a service's labels or environment hand it to: Traefik or Caddy labels, nginx-proxy's `VIRTUAL_HOST`. */
function router(labels: Map<string, string>, virtualHost: string | undefined): string | undefined {
  if (labels.get('traefik.enable')?.trim().toLowerCase() === 'false') return undefined;
  for (const key of labels.keys()) {
    if (key === 'traefik.enable' || /^traefik\.(?:http|tcp)\.(?:routers|services)\./.test(key)) return 'Traefik';
    if (key === 'caddy' || key.startsWith('caddy.') || key.startsWith('caddy_')) return 'Caddy';
  }
  return virtualHost ? 'nginx-proxy' : undefined;
}

/**
 * The services an edge proxy fronts by name: those its settings name or it waits for, and those
 * named by the helpers it waits for that publish nothing (a service that writes its configuration).
 */
function fronted(edge: Facts, all: Map<string, Facts>): Set<string> {
  const names = new Set(edge.mentions);
  for (const name of edge.dependsOn) {
    const helper = all.get(name);
    if (helper && helper.ports.length === 0) for (const mention of helper.mentions) names.add(mention);
  }
  names.delete(edge.service.name);
  return names;
}

/** The edit that binds a published port to 127.0.0.1, keeping quotes, comments and the rest as written. */
function loopbackEdit(model: ComposeModel, port: PublishedPort, flow: boolean): TextEdit | undefined {
  const text = model.text;
  const short = port.item.short;
  if (short) {
    if (!short.exact) return undefined;
    const parts = splitColons(short.value.replace(/\/[a-z]+$/i, ''));
    let edit: TextEdit | undefined;
    if (parts.length >= 3) {
      // The address as written; one that comes from a variable is left to a person.
      const address = short.value.startsWith('[') ? short.value.slice(0, short.value.indexOf(']') + 1) : parts[0];
      if (!/^(?:0\.0\.0\.0|\[::\]|::|)$/.test(address)) return undefined;
      edit = { start: short.start, end: short.start + address.length, newText: '127.0.0.1' };
    } else if (parts.length === 2) edit = { start: short.start, end: short.start, newText: '127.0.0.1:' };
    else edit = { start: short.start, end: short.start, newText: '127.0.0.1::' };
    // A plain scalar in a flow list is quoted: `[127.0.0.1::80]` would not read as one string.
    const node = short.node;
    if (flow && node.type === Scalar.PLAIN && node.range) {
      const value = text.slice(node.range[0], edit.start) + edit.newText + text.slice(edit.end, node.range[1]);
      return { start: node.range[0], end: node.range[1], newText: JSON.stringify(value) };
    }
    return edit;
  }
  const map = port.item.long!;
  const existing = findPair(model.doc, map, 'host_ip');
  if (existing && isScalar(existing.value) && existing.value.range && map.items.includes(existing)) {
    const [start, end] = existing.value.range;
    return { start, end, newText: '127.0.0.1' };
  }
  if (map.flow) return undefined;
  const first = map.items[0]?.key as { range?: number[] } | undefined;
  if (!first?.range) return undefined;
  const indentation = ' '.repeat(first.range[0] - lineStart(text, first.range[0]));
  const at = lineEnd(text, port.end);
  return { start: at, end: at, newText: `${lineEnding(text)}${indentation}host_ip: 127.0.0.1` };
}

export const exposedInternalService: Rule<ComposeModel> = {
  meta: {
    id: 'compose/exposed-internal-service',
    kind: 'compose',
    defaultSeverity: 'warning',
    description:
      'A database, cache, broker or admin tool, or a service behind the edge proxy, publishes a port on every network interface.',
    messages: {
      internal:
        'Service "{{service}}" publishes {{published}} on every network interface, and {{kind}} should not be reachable from other machines. Bind it to 127.0.0.1, or drop the port and let other services reach it over the Compose network.',
      behindProxy:
        'Service "{{service}}" publishes {{published}} on every network interface, and it sits behind the edge proxy "{{proxy}}", which is the one service meant to be reachable. Bind it to 127.0.0.1, or drop the port and let other services reach it over the Compose network.',
      routed:
        'Service "{{service}}" publishes {{published}} on every network interface, and its labels route it through {{proxy}}, the edge proxy meant to be the one way in. Bind it to 127.0.0.1, or drop the port and let the proxy reach it over the Compose network.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    const services = model.services.map((service) => new Facts(model, service, lookup));
    const all = new Map(services.map((facts) => [facts.service.name, facts]));
    const edges = services.filter((facts) => facts.edge);
    const edgeNamed = (name: string) => (all.get(name)?.edge ? all.get(name) : undefined);
    const names = new Map(edges.map((edge) => [edge, fronted(edge, all)]));
    /** For each service a proxy names or waits for, the first such proxy. */
    const frontedBy = new Map<string, Facts>();
    for (const [edge, fronts] of names) for (const name of fronts) if (!frontedBy.has(name)) frontedBy.set(name, edge);
    /** The proxy a service waits for without calling it: it starts after the proxy that serves it. */
    const startsAfter = (service: Facts) =>
      [...service.dependsOn].map(edgeNamed).find((edge) => edge !== undefined && !service.calls.has(edge.service.name));
    // A proxy counts for the services it does not name only when the file shows it fronts some
    // service: one it names or waits for, one that labels route, one that starts after it.
    const fronting =
      edges.length === 0
        ? undefined
        : (edges.find((edge) => [...names.get(edge)!].some((name) => all.get(name)?.edge === false)) ??
          (services.some((service) => !service.edge && service.router !== undefined)
            ? edges[0]
            : services
                .filter((service) => !service.edge && service.ports.length > 0)
                .map(startsAfter)
                .find((edge) => edge !== undefined)));

    /**
     * The edge proxy a service sits behind, when the file shows it: the proxy names it or waits for
     * it, its labels route it, or it starts after the proxy; failing that, a proxy that fronts other
     * services, unless the port is the product's own, meant for users, or the service calls a proxy.
     */
    const behind = (
      facts: Facts,
      meantForUsers: boolean,
    ): { messageId: 'behindProxy' | 'routed'; name: string } | undefined => {
      const direct = frontedBy.get(facts.service.name);
      if (direct) return { messageId: 'behindProxy', name: direct.service.name };
      if (facts.router) {
        const wanted = facts.router.toLowerCase();
        const proxy = edges.find((edge) => edge.families.some((family) => family.images.includes(wanted)));
        return proxy
          ? { messageId: 'behindProxy', name: proxy.service.name }
          : { messageId: 'routed', name: facts.router };
      }
      if ([...facts.calls].some((name) => edgeNamed(name))) return undefined;
      const after = startsAfter(facts);
      if (after) return { messageId: 'behindProxy', name: after.service.name };
      if (meantForUsers || !fronting) return undefined;
      return { messageId: 'behindProxy', name: fronting.service.name };
    };

    for (const facts of services) {
      const service = facts.service;
      for (const port of facts.ports) {
        if (port.unknownHost || !isAllInterfaces(port.hostIp)) continue;
        const judged = verdict(model, facts, port);
        const kind = judged && 'internal' in judged ? judged.internal : undefined;
        const proxy =
          kind === undefined && !facts.edge && isHttpPort(port) ? behind(facts, judged !== undefined) : undefined;
        if (kind === undefined && !proxy) continue;
        const published =
          port.published === undefined || port.published === ''
            ? `container port ${port.target} on a random host port`
            : port.published.includes('\u0001')
              ? `the port in ${port.item.short?.value ?? 'a variable'}`
              : `port ${port.published}`;
        const sequence = getNode(model.doc, service.map, 'ports');
        const edit = loopbackEdit(model, port, isSeq(sequence) && Boolean(sequence.flow));
        const fixes: Fix[] = edit
          ? [{ title: 'Publish it on 127.0.0.1 only', edits: [edit], preferred: true, needsReview: true }]
          : [];
        report({
          messageId: kind !== undefined ? 'internal' : proxy!.messageId,
          data:
            kind !== undefined
              ? { service: service.name, published, kind }
              : { service: service.name, published, proxy: proxy!.name },
          start: port.start,
          end: port.end,
          fixes,
        });
      }
    }
  },
};
