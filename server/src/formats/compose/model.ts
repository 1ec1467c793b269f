import type { Document, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
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
}

export interface ComposeModel {
  kind: 'compose';
  text: string;
  doc: Document.Parsed;
  problems: YamlProblem[];
  services: Service[];
}
