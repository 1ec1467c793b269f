import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { DotenvModel } from '../dotenv';
import type { StringRef, YamlProblem } from './yaml';

/** The Compose model: the services of one file, with their keys as written and their offsets. */

export interface EnvEntry {
  name: string;
  nameStart: number;
  nameEnd: number;
  /** The raw value as written, before interpolation; undefined for `- KEY` and `KEY:` with no value. */
  value?: string;
  valueStart: number;
  valueEnd: number;
  /** Whether value offsets map one to one onto the text (see StringRef.exact). */
  exact: boolean;
  /** For a block or folded value: where each of its characters stands in the text (see StringRef.offsets). */
  offsets?: number[];
  form: 'list' | 'map';
  /** Written in flow style (`{ A: b }`, `[A=b]`), where a plain value may not hold `{`, `}` or `,`. */
  flow: boolean;
  /** The list item, or the map pair, and the collection that holds it (an anchored one, when merged). */
  item: Node | Pair;
  container: YAMLMap | YAMLSeq;
}

/** One `env_file:` entry: a path, or the long form `{ path, required }`. */
export interface EnvFileRef {
  path: string;
  /** `required: false` lets Compose start without the file. */
  required: boolean;
  ref: StringRef;
}

/** One `ports:` item: a short string (`"127.0.0.1:8080:80"`), a number, or a long-syntax map. */
export interface PortItem {
  node: Node;
  /** The short syntax, as written. */
  short?: StringRef;
  /** The long syntax. */
  long?: YAMLMap;
}

/** One `volumes:` item of a service: the short syntax, or a long-syntax map. */
export interface VolumeItem {
  node: Node;
  short?: StringRef;
  long?: YAMLMap;
}

/** `extends:` of a service: the service it builds on, in this file or in `file`. */
export interface ExtendsRef {
  service: string;
  file?: StringRef;
  /** Where to point a finding about it: the `extends` value. */
  start: number;
  end: number;
}

/** One path of a top-level `include:` entry (short syntax, or the `path` of the long syntax). */
export interface IncludeRef {
  path: string;
  ref: StringRef;
}

export interface Service {
  name: string;
  keyStart: number;
  keyEnd: number;
  map: YAMLMap;
  environment: EnvEntry[];
  /** `image:`, when it is a string. */
  image?: StringRef;
  /** The service has a `build:` section: its `image:`, if any, names what is built. */
  build: boolean;
  /**
   * Only part of the service is here: it has neither `image:` nor `build:` (an override file's
   * additions to a service defined in another file), or it `extends:` another. What such a service
   * leaves out says nothing, since the other part may set it.
   */
  partial: boolean;
  envFiles: EnvFileRef[];
  ports: PortItem[];
  volumes: VolumeItem[];
  extends?: ExtendsRef;
  /** `profiles:`: the service starts only when one of them is enabled. */
  profiles: string[];
}

export interface ComposeModel {
  kind: 'compose';
  text: string;
  doc: Document.Parsed;
  problems: YamlProblem[];
  services: Service[];
  includes: IncludeRef[];
  /**
   * The project this file is part of, when it is linted as one (an override, an included or
   * extended file, the main file beside them): set by the engine before the rules run.
   */
  project?: ProjectContext;
  /**
   * What rules read across the services of the whole file, when this model holds only part of it
   * (a keystroke inside one service of a large file is linted with that service alone): taken from
   * the whole file's last lint.
   */
  summary?: ComposeSummary;
}

/** What the rules read across a file's services: each service's findings may depend on these. */
export interface ComposeSummary {
  /** The service and image words a secret built from them is first guessed with. */
  words: string[];
}

export type ProjectRole = 'main' | 'override' | 'include' | 'extends';

export interface ProjectFile {
  path: string;
  role: ProjectRole;
  model: ComposeModel;
}

/** A file the project names that could not be read: where it is named, and why. */
export interface MissingReference {
  file: ProjectFile;
  kind: 'include' | 'extends' | 'env_file';
  path: string;
  reason: string;
  start: number;
  end: number;
}

/** One file's part of a service: the service as written there, under the name it has in the project. */
export interface Definition {
  file: ProjectFile;
  service: Service;
  /** The service extends a base that could not be found: what it inherits is unknown. */
  baseMissing?: boolean;
}

export interface ComposeProject {
  files: ProjectFile[];
  /** Each service's definitions in merge order: extended bases first, then each file that sets it. */
  services: Map<string, Definition[]>;
  /** The project name of each definition (an extended base serves under the extending service's name). */
  names: Map<Service, string>;
  /** `env_file:` files that were read, by path. */
  envFiles: Map<string, DotenvModel>;
  missing: MissingReference[];
}

/** What a rule linting one file of a project sees: the project, and which of its files this is. */
export interface ProjectContext {
  project: ComposeProject;
  file: ProjectFile;
}
