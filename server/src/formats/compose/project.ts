import { parentOf, resolvePath } from '../../core/paths';
import { trimEndOf } from '../../core/text';
import type { ComposeSources, SourceText } from '../../core/types';
import { parseDotenv } from '../dotenv';
import type {
  ComposeModel,
  ComposeProject,
  Definition,
  MissingReference,
  ProjectFile,
  ProjectRole,
  Service,
} from './model';
import { parseCompose } from './parse';
import { parseVolumeSpec } from './specs';
import { findPair, getNode, stringRef } from './yaml';

/**
 * A Compose project as Compose builds it from several files: the main file and its overrides,
 * the files it includes and the files its services extend, merged service by service in the
 * compose-spec order. Rules lint one file at a time, with this view of the project: a value another
 * file overrides is not the one that runs, and a setting another file provides is not missing.
 */

export type { SourceText };
export type ComposeProjectInput = ComposeSources;

/** Include and extends chains deeper than this are not followed: real projects go two or three deep. */
const MAX_DEPTH = 8;

/** Builds the project from its sources: every file parsed once, references followed, services merged. */
export function buildProject(input: ComposeProjectInput): ComposeProject {
  const project: ComposeProject = {
    files: [],
    services: new Map(),
    names: new Map(),
    envFiles: new Map(),
    missing: [],
  };
  const byPath = new Map<string, ProjectFile>();
  const load = (path: string, text: string, role: ProjectRole): ProjectFile => {
    let file = byPath.get(path);
    if (!file) {
      file = { path, role, model: parseCompose(text) };
      byPath.set(path, file);
      project.files.push(file);
    }
    return file;
  };
  const reference = (
    from: ProjectFile,
    kind: MissingReference['kind'],
    relative: string,
    where: { start: number; end: number },
  ) => {
    const path = resolvePath(parentOf(from.path), relative);
    const source = input.references.get(path);
    if (!source || 'unread' in source) {
      project.missing.push({ file: from, kind, path, reason: source?.unread ?? 'no such file', ...where });
      return undefined;
    }
    return { path, text: source.text };
  };

  const order: ProjectFile[] = [];
  const visitIncludes = (file: ProjectFile, depth: number) => {
    if (depth > MAX_DEPTH) return;
    for (const include of file.model.includes) {
      const found = reference(file, 'include', include.path, include.ref);
      if (!found || byPath.has(found.path)) continue;
      const included = load(found.path, found.text, 'include');
      visitIncludes(included, depth + 1);
      order.push(included);
    }
  };
  input.files.forEach((source, index) => {
    const file = load(source.path, source.text, index === 0 ? 'main' : 'override');
    visitIncludes(file, 1);
    order.push(file);
  });

  // A service's chain: what it extends (in this file or another) first, then the service itself.
  const chain = (file: ProjectFile, service: Service, depth: number, seen: Set<Service>): Definition[] => {
    const own: Definition = { file, service };
    const base = service.extends;
    if (!base || depth > MAX_DEPTH || seen.has(service)) return [own];
    seen.add(service);
    let baseFile: ProjectFile | undefined = file;
    if (base.file) {
      const found = reference(file, 'extends', base.file.value, base.file);
      baseFile = found ? load(found.path, found.text, 'extends') : undefined;
    }
    const baseService = baseFile?.model.services.find((each) => each.name === base.service);
    if (!baseFile || !baseService) {
      own.baseMissing = true;
      if (baseFile && !base.file) {
        project.missing.push({
          file,
          kind: 'extends',
          path: file.path,
          reason: `no service "${base.service}" in this file`,
          start: base.start,
          end: base.end,
        });
      }
      return [own];
    }
    return [...chain(baseFile, baseService, depth + 1, seen), own];
  };
  for (const file of order) {
    for (const service of file.model.services) {
      const definitions = project.services.get(service.name) ?? [];
      const added = chain(file, service, 1, new Set());
      definitions.push(...added);
      for (const definition of added)
        if (!project.names.has(definition.service)) project.names.set(definition.service, service.name);
      project.services.set(service.name, definitions);
    }
  }

  // env_file paths are relative to the file that names them.
  for (const file of project.files) {
    for (const service of file.model.services) {
      for (const envFile of service.envFiles) {
        const path = resolvePath(parentOf(file.path), envFile.path);
        if (project.envFiles.has(path)) continue;
        const source = input.references.get(path);
        if (source && 'text' in source) project.envFiles.set(path, parseDotenv(source.text));
        else if (envFile.required) {
          project.missing.push({
            file,
            kind: 'env_file',
            path,
            reason: source && 'unread' in source ? source.unread : 'no such file',
            start: envFile.ref.start,
            end: envFile.ref.end,
          });
        }
      }
    }
  }
  for (const file of project.files) file.model.project = { project, file };
  return project;
}

/** The definitions of `service` that come after the one written in this file. */
function laterDefinitions(model: ComposeModel, service: Service): Definition[] {
  const context = model.project;
  if (!context) return [];
  const definitions = context.project.services.get(nameInProject(model, service)) ?? [];
  const index = definitions.findIndex((definition) => definition.service === service);
  return index === -1 ? [] : definitions.slice(index + 1);
}

/** The name a service has in the project: an extended base serves under the name of the service extending it. */
function nameInProject(model: ComposeModel, service: Service): string {
  return model.project?.project.names.get(service) ?? service.name;
}

/** The definitions of every service of the project, or of this file alone when it is linted alone. */
export function allDefinitions(model: ComposeModel): Definition[] {
  const context = model.project;
  if (!context) {
    const file: ProjectFile = { path: '', role: 'main', model };
    return model.services.map((service) => ({ file, service }));
  }
  return [...context.project.services.values()].flat();
}

/** All the definitions of the project service this one is part of, in merge order. */
export function definitionsOf(model: ComposeModel, service: Service): Definition[] {
  const context = model.project;
  if (!context) return [{ file: { path: '', role: 'main', model }, service }];
  return context.project.services.get(nameInProject(model, service)) ?? [];
}

/** Whether a later file sets `key` for this service, so the value written here is not the one that runs. */
export function overriddenLater(model: ComposeModel, service: Service, key: string): boolean {
  return laterDefinitions(model, service).some(
    (later) => findPair(later.file.model.doc, later.service.map, key) !== undefined,
  );
}

/** Whether a later file sets the environment variable `name` for this service. */
export function environmentOverriddenLater(model: ComposeModel, service: Service, name: string): boolean {
  return laterDefinitions(model, service).some((later) =>
    later.service.environment.some((entry) => entry.name === name),
  );
}

/** Whether a later file mounts something else at `target` for this service (volumes merge by target). */
export function volumeOverriddenLater(model: ComposeModel, service: Service, target: string): boolean {
  return laterDefinitions(model, service).some((later) =>
    later.service.volumes.some((volume) => {
      const written = volume.short
        ? parseVolumeSpec(volume.short.value).target
        : volume.long
          ? stringRef(later.file.model.text, getNode(later.file.model.doc, volume.long, 'target'))?.value
          : undefined;
      return written !== undefined && trimEndOf(written, '/') === trimEndOf(target, '/');
    }),
  );
}

/**
 * Whether this definition is where the service is defined, the one hardening findings belong to:
 * the first that names an image or a build. Overlays that only add to a service are not.
 */
export function isDefinitionSite(model: ComposeModel, service: Service): boolean {
  const definitions = definitionsOf(model, service);
  const first = definitions.find((definition) => definition.service.image || definition.service.build);
  return first?.service === service;
}

/** The value of `key` for the whole service as it runs: the last definition that sets it. */
export function effectiveNode(
  model: ComposeModel,
  service: Service,
  key: string,
): { model: ComposeModel; node: unknown } | undefined {
  const definitions = definitionsOf(model, service);
  for (let index = definitions.length - 1; index >= 0; index--) {
    const { file, service: definition } = definitions[index];
    const pair = findPair(file.model.doc, definition.map, key);
    if (pair) return { model: file.model, node: pair.value };
  }
  return undefined;
}

/** The image the service runs: the last definition's `image:`. */
export function effectiveImage(model: ComposeModel, service: Service): string | undefined {
  const definitions = definitionsOf(model, service);
  for (let index = definitions.length - 1; index >= 0; index--) {
    const image = definitions[index].service.image?.value;
    if (image !== undefined) return image;
  }
  return undefined;
}

/**
 * The definitions making up a service, when this one is where findings about what the whole service
 * lacks belong (its definition site, see isDefinitionSite); undefined for an overlay, and for a
 * service whose base could not be found (what that base sets is unknown).
 */
export function hardeningSubject(model: ComposeModel, service: Service): Definition[] | undefined {
  if (!model.project) return service.partial ? undefined : [{ file: { path: '', role: 'main', model }, service }];
  if (!isDefinitionSite(model, service)) return undefined;
  const definitions = definitionsOf(model, service);
  return definitions.some((definition) => definition.baseMissing) ? undefined : definitions;
}
