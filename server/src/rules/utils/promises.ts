/**
 * A policy's deployment promises checked against Compose files: where a Compose rule finds a
 * breach (`compose/runs-as-root` for "runs as non-root"), or where the file itself says otherwise
 * (a port another service publishes, when "only nginx exposes ports"). `policy/unkept-promise`
 * reports at the promise, `compose/unkept-promise` at each breach; both read this.
 */
import type { DeploymentSources, Finding, Fix, ProjectFacts, RuleContext } from '../../core/types';
import { imageParts } from '../../formats/compose/catalog';
import type { ComposeModel, ComposeProject, Service } from '../../formats/compose/model';
import { buildProject, effectiveImage, hardeningSubject } from '../../formats/compose/project';
import { dotenvLookup, isAllInterfaces, publishedPorts } from '../../formats/compose/resolve';
import { getNode, scalarText, seqItems } from '../../formats/compose/yaml';
import type { DeploymentPromise, PromiseKind } from '../../formats/policy/model';

/** The Compose rules whose findings break each kind of promise (and, for some, only these messages). */
const BREACHES: Record<PromiseKind, readonly { ruleId: string; messageIds?: readonly string[] }[]> = {
  'non-root': [{ ruleId: 'compose/runs-as-root' }],
  'read-only-root': [{ ruleId: 'compose/writable-root-filesystem' }],
  'no-privileged': [{ ruleId: 'compose/privileged' }],
  'capabilities-dropped': [{ ruleId: 'compose/dangerous-capability' }],
  'no-new-privileges': [{ ruleId: 'compose/no-new-privileges' }],
  'no-socket': [{ ruleId: 'compose/docker-socket' }],
  'socket-read-only': [{ ruleId: 'compose/docker-socket', messageIds: ['writableSocket', 'socketFolder'] }],
  'socket-proxy': [
    { ruleId: 'compose/docker-socket', messageIds: ['writableSocket', 'readOnlySocket', 'socketFolder'] },
  ],
  'only-publishes': [],
  'internal-not-published': [{ ruleId: 'compose/exposed-internal-service' }],
  'no-default-credentials': [
    { ruleId: 'compose/default-password' },
    { ruleId: 'compose/empty-password' },
    { ruleId: 'compose/weak-jwt-secret' },
  ],
  'production-certificates': [{ ruleId: 'compose/acme-staging' }],
  'pinned-images': [{ ruleId: 'compose/unpinned-image' }],
};

/** A place in a Compose file that breaks a promise. */
export interface Breach {
  service?: string;
  start: number;
  end: number;
  /** What happens there, as the Compose rule says it. */
  what: string;
  /** The fixes the Compose rule offers there. */
  fixes?: Fix[];
}

/** Which services a promise is about, among those of a project. */
export type PromiseScope = { services: 'all' } | { services: ReadonlySet<string> } | { unknown: string[] };

/** Whether a word of a promise ("backend", "postgres", "proxies") names a service, by its name or its image. */
function namesService(word: string, name: string, image: string | undefined): boolean {
  const singular = word.endsWith('s') ? word.slice(0, -1) : word;
  const words = [...name.toLowerCase().split(/[-_.]/), name.toLowerCase()];
  if (image) words.push(...(imageParts(image).pop()?.split(/[-_]/) ?? []));
  return words.some((part) => part === word || part === singular);
}

/**
 * The services a promise is about: those its words name; every service when it names none of
 * them; unknown when it plainly names services the project does not have (a list of them, or the
 * one service that may publish ports).
 */
export function promiseScope(
  promise: DeploymentPromise,
  services: readonly { name: string; image?: string }[],
): PromiseScope {
  if (promise.services.length === 0) return { services: 'all' };
  const named = new Set<string>();
  const unknown: string[] = [];
  for (const word of promise.services) {
    const matching = services.filter((service) => namesService(word, service.name, service.image));
    for (const service of matching) named.add(service.name);
    if (matching.length === 0) unknown.push(word);
  }
  if (named.size > 0) return { services: named };
  if (promise.kind === 'only-publishes' || unknown.length > 1) return { unknown };
  return { services: 'all' };
}

/** The project's services with the image each runs, for matching promise words. */
export function servicesOf(model: ComposeModel): { name: string; image?: string }[] {
  const project = model.project?.project;
  if (!project) return model.services.map((service) => ({ name: service.name, image: service.image?.value }));
  return [...project.services.entries()].map(([name, definitions]) => {
    const last = definitions[definitions.length - 1];
    return { name, image: effectiveImage(last.file.model, last.service) };
  });
}

/** The project name of the service a finding stands in, by its data or by where it is. */
function serviceAt(model: ComposeModel, finding: Finding): Service | undefined {
  const named = finding.data?.service;
  if (typeof named === 'string') {
    const service = model.services.find((candidate) => candidate.name === named);
    if (service) return service;
  }
  return model.services.find(
    (service) => service.keyStart <= finding.start && finding.start <= (service.map.range?.[2] ?? service.keyEnd),
  );
}

/** The name a service has in its project (an extended base serves under the extending service's name). */
function projectName(model: ComposeModel, service: Service): string {
  return model.project?.project.names.get(service) ?? service.name;
}

function inScope(scope: PromiseScope, name: string | undefined): boolean {
  if (!('services' in scope)) return false;
  return scope.services === 'all' || (name !== undefined && scope.services.has(name));
}

/** The places of one Compose file that break a promise whose scope is known. */
export function breachesIn(
  model: ComposeModel,
  promise: DeploymentPromise,
  scope: PromiseScope,
  facts: ProjectFacts,
  context: Pick<RuleContext, 'findingsOf'>,
): Breach[] {
  if (!('services' in scope)) return [];
  const breaches: Breach[] = [];
  for (const { ruleId, messageIds } of BREACHES[promise.kind]) {
    for (const finding of context.findingsOf(model, [ruleId], facts)) {
      if (messageIds && !messageIds.includes(finding.messageId)) continue;
      const service = serviceAt(model, finding);
      const name = service && projectName(model, service);
      if (!inScope(scope, name)) continue;
      breaches.push({
        ...(name !== undefined ? { service: name } : {}),
        start: finding.start,
        end: finding.end,
        what: finding.message,
        ...(finding.fixes ? { fixes: finding.fixes } : {}),
      });
    }
  }
  if (promise.kind === 'only-publishes') breaches.push(...portsPublishedByOthers(model, scope, facts));
  if (promise.kind === 'capabilities-dropped') breaches.push(...capabilitiesKept(model, scope));
  if (promise.kind === 'non-root') breaches.push(...imageDefaultUsers(model, scope));
  return breaches;
}

/** Ports published on every interface by services other than those a promise lets publish. */
function portsPublishedByOthers(model: ComposeModel, scope: PromiseScope, facts: ProjectFacts): Breach[] {
  if (!('services' in scope) || scope.services === 'all') return [];
  const lookup = dotenvLookup(facts);
  const breaches: Breach[] = [];
  for (const service of model.services) {
    const name = projectName(model, service);
    if (scope.services.has(name)) continue;
    for (const port of publishedPorts(model, service, lookup)) {
      if (port.published === undefined && port.hostIp === undefined) continue;
      if (!isAllInterfaces(port.hostIp)) continue;
      breaches.push({
        service: name,
        start: port.start,
        end: port.end,
        what: `Service "${name}" publishes port ${port.published ?? port.target} on every interface.`,
      });
    }
  }
  return breaches;
}

/**
 * Services a promise names as running non-root that set no `user:` and run an image built
 * elsewhere: the image's default user runs them, root for most images. A service built here is
 * left alone (its Dockerfile's USER decides), and so is a promise about every container, which
 * `compose/runs-as-root` reads where `user:` says root.
 */
function imageDefaultUsers(model: ComposeModel, scope: PromiseScope): Breach[] {
  if (!('services' in scope) || scope.services === 'all') return [];
  const breaches: Breach[] = [];
  for (const service of model.services) {
    const name = projectName(model, service);
    const definitions = hardeningSubject(model, service);
    if (!definitions || !scope.services.has(name)) continue;
    const setsUser = definitions.some(
      ({ file, service: definition }) =>
        definition.build || getNode(file.model.doc, definition.map, 'user') !== undefined,
    );
    if (setsUser) continue;
    breaches.push({
      service: name,
      start: service.keyStart,
      end: service.keyEnd,
      what: `Service "${name}" sets no user:, so the image's default user runs it (root, for most images).`,
    });
  }
  return breaches;
}

/** Services in scope that drop no capabilities (`cap_drop: [ALL]` is what "capabilities dropped" means). */
function capabilitiesKept(model: ComposeModel, scope: PromiseScope): Breach[] {
  const breaches: Breach[] = [];
  for (const service of model.services) {
    const name = projectName(model, service);
    // Said once, where the service is defined, with what every file of the project adds to it.
    const definitions = hardeningSubject(model, service);
    if (!definitions || !inScope(scope, name)) continue;
    const dropsAll = definitions.some(({ file, service: definition }) =>
      seqItems(file.model.doc, getNode(file.model.doc, definition.map, 'cap_drop')).some(
        (item) => scalarText(item)?.toUpperCase() === 'ALL',
      ),
    );
    if (dropsAll) continue;
    breaches.push({
      service: name,
      start: service.keyStart,
      end: service.keyEnd,
      what: `Service "${name}" keeps the default capabilities (no cap_drop: [ALL]).`,
    });
  }
  return breaches;
}

/** A deployment's Compose project, built, with the facts around it. */
export interface DeploymentProject {
  project: ComposeProject;
  facts: ProjectFacts;
}

/** A project a promise speaks about: the promise's scope there, and the project's services. */
export interface ScopedProject extends DeploymentProject {
  scope: PromiseScope;
  services: { name: string }[];
}

/** The deployment's projects, built once for all the promises checked against them. */
export function deploymentProjects(deployment: readonly DeploymentSources[]): DeploymentProject[] {
  return deployment.map((sources) => ({ project: buildProject(sources), facts: sources.facts }));
}

/**
 * The projects a promise speaks about, each with the promise's scope and the services there, and the
 * names the promise gave that a project has no service for.
 */
export function promiseProjects(
  promise: DeploymentPromise,
  projects: readonly DeploymentProject[],
): { scoped: ScopedProject[]; unknown: Set<string> } {
  const scoped: ScopedProject[] = [];
  const unknown = new Set<string>();
  for (const deployed of projects) {
    if (deployed.project.files.length === 0) continue;
    const services = servicesOf(deployed.project.files[0].model);
    const scope = promiseScope(promise, services);
    if ('unknown' in scope) for (const name of scope.unknown) unknown.add(name);
    else scoped.push({ ...deployed, scope, services });
  }
  return { scoped, unknown };
}

/** What a promise is checked against in a deployment: the services in its scope, the files, the names it gave that no service has. */
export function checkedAgainst(
  promise: DeploymentPromise,
  deployment: readonly DeploymentSources[],
): { services: string[]; files: string[]; unknown: string[] } {
  const services = new Set<string>();
  const files = new Set<string>();
  const { scoped, unknown } = promiseProjects(promise, deploymentProjects(deployment));
  for (const { project, scope, services: all } of scoped) {
    for (const file of project.files) files.add(file.path);
    for (const { name } of all) if (inScope(scope, name)) services.add(name);
  }
  return { services: [...services], files: [...files], unknown: services.size > 0 ? [] : [...unknown] };
}
