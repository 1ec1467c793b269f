/**
 * What the services people run in Compose are, as data: for each family of images, how it is
 * recognised (its image names, a command word, its well-known container ports), which container
 * ports should stay internal and why, and which are meant for users. `compose/exposed-internal-service`
 * reads it; its docs page shows it as a table.
 */

import { trimEndOf } from '../../core/text';

/** A set of container ports: every port, or a list of ports and ranges. */
export interface PortSet {
  all: boolean;
  ranges: readonly (readonly [number, number])[];
}

export interface ServiceFamily {
  /** What the family is, as the docs table names it. */
  name: string;
  /**
   * Image names (registry, namespace and tag left out): `kafka` matches `bitnami/kafka:3.7`,
   * `cp-kafka`, `zipkin-kafka` and `kafka-alpine`, never `kafka-connector`; `a/b` matches the last two
   * parts of the name; `jaeger-*` matches every name that starts with `jaeger-`.
   */
  images: readonly string[];
  /**
   * Words of `command:` or `entrypoint:` that recognise the family on any image, comma-separated in
   * the table: `flower`, `--http-api-update`, `prisma studio` (every word of a phrase must be there).
   */
  commands: readonly string[];
  /** Container ports that should stay internal; `*`: every port not meant for users. */
  internal: PortSet;
  /** Container ports meant for users; `*`: every port not listed as internal. */
  public: PortSet;
  /** Internal ports distinctive enough to recognise the family when the image does not say. */
  byPort: PortSet;
  /** Why the internal ports should stay internal, as the message says it. */
  reason: string;
  /** The internal ports count only when one of these command-line flags or environment variables is true. */
  when: readonly string[];
  /** Environment variables and flags whose value is the address of an internal port (`--console-address :9001`). */
  settings: readonly string[];
  /** A reverse proxy: the one service meant to face the network. */
  edge: boolean;
}

const DATABASE = 'a database';
const CACHE = 'a cache';
const COORDINATION = 'a coordination store';
const BROKER = 'a message broker';
const KAFKA = 'a Kafka service with no authentication by default';
const SEARCH = 'a search or vector store';
const MONITORING = 'a metrics, log or trace store with no login by default';
const COLLECTOR = "a telemetry collector's receiver or debug port";
const EXPORTER = 'a metrics exporter';
const DATA_ADMIN = 'a database or broker admin interface';
const HOST_ADMIN = 'an admin interface that controls the Docker host';
const NO_LOGIN = 'an admin interface with no login by default';
const PUBLIC = '';

interface Row {
  name: string;
  images?: string;
  commands?: string;
  internal?: string;
  public?: string;
  byPort?: string;
  reason: string;
  when?: string;
  settings?: string;
  edge?: boolean;
}

/**
 * One family per line. The first family that names a port decides it: a product's admin port is
 * listed before the line that makes the rest of its ports public. `byPort` recognises a family when
 * no family of the image names the port. Ports are container ports (the right-hand side of `ports:`).
 */
// prettier-ignore
const TABLE: Row[] = [
  // Databases and caches
  { name: 'PostgreSQL and forks, Patroni, PgBouncer', images: 'postgres postgresql postgresql-repmgr postgis timescaledb pgvector patroni spilo citus pgbouncer pgpool pgpool2 pgcat', internal: '*', byPort: '5432 6432', reason: DATABASE },
  { name: 'MySQL, MariaDB, Percona', images: 'mysql mariadb mariadb-galera percona percona-xtradb-cluster mysql-cluster', internal: '*', byPort: '3306 33060', reason: DATABASE },
  { name: 'SQL Server, Oracle', images: 'mssql/server azure-sql-edge mssql-server-linux oracle-xe oracle-free database/free database/enterprise database/express', internal: '*', byPort: '1433 1521', reason: DATABASE },
  { name: 'MongoDB, FerretDB', images: 'mongo mongodb percona-server-mongodb ferretdb', internal: '*', byPort: '27017-27019', reason: DATABASE },
  { name: 'Cassandra, ScyllaDB', images: 'cassandra scylla', internal: '*', byPort: '9042 9160', reason: DATABASE },
  { name: 'CouchDB, Couchbase, CockroachDB', images: 'couchdb couchbase cockroach', internal: '*', byPort: '5984 26257', reason: DATABASE },
  { name: 'ClickHouse, InfluxDB, QuestDB, VictoriaMetrics', images: 'clickhouse clickhouse-server influxdb questdb victoria-metrics', internal: '*', byPort: '8086', reason: DATABASE },
  { name: 'Neo4j, ArangoDB, RethinkDB, SurrealDB, EdgeDB', images: 'neo4j arangodb rethinkdb surrealdb edgedb ravendb', internal: '*', byPort: '7687 8529 28015', reason: DATABASE },
  { name: 'Redis, Valkey, KeyDB, Dragonfly, Memcached', images: 'redis redis-stack valkey keydb dragonfly memcached garnet', internal: '*', byPort: '6379 11211', reason: CACHE },
  // Coordination
  { name: 'etcd', images: 'etcd', internal: '*', byPort: '2379 2380', reason: COORDINATION },
  { name: 'Consul', images: 'consul', internal: '*', byPort: '8500', reason: COORDINATION },
  { name: 'ZooKeeper', images: 'zookeeper', internal: '*', byPort: '2181 2888 3888', reason: COORDINATION },
  // Brokers and their ecosystem
  { name: 'Kafka, Confluent Server, Redpanda', images: 'kafka cp-server confluent-server redpanda', internal: '*', byPort: '9092 29092', reason: BROKER },
  { name: 'Schema Registry, Kafka Connect, REST Proxy, ksqlDB', images: 'schema-registry kafka-connect server-connect debezium/connect kafka-rest ksqldb karapace', internal: '*', reason: KAFKA },
  { name: 'Confluent Control Center', images: 'control-center', internal: '*', byPort: '9021', reason: NO_LOGIN },
  { name: 'RabbitMQ management', images: 'rabbitmq', internal: '15671 15672 15692', byPort: '15672', reason: "a message broker's admin interface" },
  { name: 'RabbitMQ', images: 'rabbitmq', internal: '*', byPort: '5671 5672 25672 4369', reason: BROKER },
  { name: 'Pulsar, NATS, ActiveMQ, Artemis', images: 'pulsar nats nats-streaming activemq activemq-artemis artemis', internal: '*', byPort: '6650 4222 6222 8222 61616 8161 61613', reason: BROKER },
  { name: 'MQTT brokers', images: 'mosquitto emqx vernemq hivemq4 hivemq-ce nanomq', internal: '*', byPort: '1883 8883', reason: BROKER },
  // Search, metrics, logs and traces
  { name: 'Elasticsearch, OpenSearch, Solr and vector stores', images: 'elasticsearch opensearch solr meilisearch typesense qdrant weaviate milvus chroma manticoresearch', internal: '*', byPort: '9200 9300 8983 6333 6334 19530', reason: SEARCH },
  { name: 'Prometheus, Alertmanager, Pushgateway, Thanos', images: 'prometheus alertmanager pushgateway thanos kapacitor', internal: '*', byPort: '9090 9093', reason: MONITORING },
  { name: 'Loki, Tempo, Mimir, Pyroscope, Graphite', images: 'loki promtail tempo mimir pyroscope phlare graphite graphite-statsd', internal: '*', byPort: '3100 3200 2003 2004', reason: MONITORING },
  { name: 'Jaeger, Zipkin', images: 'jaeger jaeger-* jaegertracing/all-in-one zipkin', internal: '*', byPort: '16686 16687 14250 14268 14269 5778 9411', reason: MONITORING },
  { name: 'Grafana LGTM (all in one)', images: 'otel-lgtm', internal: '*', public: '3000', reason: MONITORING },
  { name: 'OpenTelemetry Collector, Grafana Alloy and Agent', images: 'opentelemetry-collector opentelemetry-collector-contrib otelcol otelcol-contrib alloy grafana/agent', internal: '*', public: '12347', byPort: '55679 13133 1888', settings: '--server.http.listen-addr', reason: COLLECTOR },
  { name: 'Logstash monitoring API', images: 'logstash', internal: '9600', public: '*', byPort: '9600', reason: 'a monitoring API with no authentication' },
  { name: 'Prometheus exporters, cAdvisor', images: 'exporter exportarr cadvisor', internal: '*', byPort: '9100 9104 9113 9114 9115 9121 9187 9216 9308 9419', reason: EXPORTER },
  { name: 'HDFS and Hadoop', images: 'hadoop hadoop-*', internal: '*', byPort: '9870 9864 8020 50070', reason: 'a Hadoop service with no authentication by default' },
  // Admin interfaces
  { name: 'Database and broker admin UIs', images: 'pgadmin adminer phpmyadmin mongo-express redis-commander redisinsight redis-insight phpredisadmin kafka-ui akhq kafdrop redpandadata/console pulsar-manager cloudbeaver dbgate phpldapadmin', internal: '*', reason: DATA_ADMIN },
  { name: 'Portainer, Dockge, Dozzle, Yacht', images: 'portainer portainer/agent dockge dozzle yacht', internal: '*', reason: HOST_ADMIN },
  { name: 'MinIO console', images: 'minio', internal: '9001', public: '9000', settings: '--console-address', reason: "an object store's admin console" },
  { name: 'Nginx Proxy Manager admin', images: 'nginx-proxy-manager', internal: '81', public: '*', edge: true, reason: "a proxy's admin interface" },
  { name: 'Traefik API and dashboard (--api.insecure)', images: 'traefik', internal: '8080', public: '*', edge: true, when: '--api.insecure TRAEFIK_API_INSECURE', reason: 'an API and dashboard with no login' },
  { name: 'Kong Admin API and Manager', images: 'kong kong-gateway', internal: '8001 8002 8444 8445', public: '*', edge: true, settings: 'KONG_ADMIN_LISTEN KONG_ADMIN_GUI_LISTEN', reason: 'an admin API with no authentication by default' },
  { name: 'Envoy admin', images: 'envoy', internal: '9901', public: '*', byPort: '9901', edge: true, reason: 'an admin interface with no authentication' },
  { name: 'wg-easy web UI', images: 'wg-easy', internal: '51821', public: '*', byPort: '51821', reason: "a VPN's admin interface" },
  { name: 'Gluetun control server', images: 'gluetun', internal: '8000', settings: 'HTTP_CONTROL_SERVER_ADDRESS', reason: "a VPN gateway's control API" },
  { name: 'Celery Flower', images: 'flower', commands: 'flower', internal: '5555 *', reason: 'a task queue monitor with no login by default' },
  { name: 'Watchtower HTTP API', images: 'watchtower', commands: '--http-api-update, --http-api-metrics', internal: '8080 *', reason: 'an HTTP API that updates containers' },
  { name: 'Kestra management port', images: 'kestra', internal: '8081', public: '*', reason: 'a management and metrics port' },
  { name: 'Temporal server (all but the frontend)', images: 'temporalio/server temporalio/auto-setup', internal: '*', public: '7233 7243', byPort: '7234 7235 7239 6933-6939', reason: "a workflow engine's internal service" },
  // The Docker API
  { name: 'Docker API (plain)', images: 'docker dind', internal: '2375', byPort: '2375', reason: 'an unencrypted Docker API' },
  { name: 'Docker API (TLS)', images: 'docker dind', internal: '2376', byPort: '2376', reason: 'the Docker API' },
  { name: 'Docker socket proxies', images: 'docker-socket-proxy socket-proxy', internal: '*', reason: 'the Docker API' },
  // Development tools left in a deployment
  { name: 'MailHog, Mailpit, MailCatcher, Inbucket, MailDev', images: 'mailhog mailpit mailcatcher inbucket maildev smtp4dev mailcrab', internal: '*', byPort: '8025 1025', reason: 'a mail catcher for development' },
  { name: 'Debuggers (Delve, Node inspector, JDWP)', byPort: '40000 2345 9229 5005', reason: 'a debugger, which runs any code it is sent' },
  { name: 'Azurite, DynamoDB Local, LocalStack, emulators', images: 'azurite dynamodb-local localstack fake-gcs-server servicebus-emulator cosmosdb-emulator', internal: '*', byPort: '4566', reason: 'a development emulator with no authentication' },
  { name: 'Prisma Studio', images: 'prisma-studio', commands: 'prisma studio', internal: '5555 *', byPort: '5555', reason: 'a database browser with no login' },
  { name: 'Test identity providers', images: 'simplesamlphp mock-oauth2-server oidc-server-mock', internal: '*', reason: 'a test identity provider with built-in users' },
  { name: 'OpenLDAP', images: 'openldap', internal: '*', reason: 'a directory server' },
  { name: 'Squid', images: 'squid', internal: '*', byPort: '3128', reason: "a forward proxy into the host's networks" },
  // Reverse proxies: the services meant to face the network
  { name: 'Reverse proxies', images: 'nginx nginx-proxy nginx-unprivileged openresty caddy haproxy swag httpd apache apache2 varnish pomerium oauth2-proxy h2o lighttpd angie bunkerweb', public: '*', edge: true, reason: PUBLIC },
  // Products whose own web interface, API or protocol ports are meant for users
  { name: 'Grafana', images: 'grafana grafana-enterprise', public: '3000', reason: PUBLIC },
  { name: 'Kibana', images: 'kibana', public: '5601', reason: PUBLIC },
  { name: 'OpenSearch Dashboards', images: 'opensearch-dashboards', public: '5601', reason: PUBLIC },
  { name: 'Chronograf', images: 'chronograf', public: '8888', reason: PUBLIC },
  { name: 'Nextcloud', images: 'nextcloud', public: '80 443', reason: PUBLIC },
  { name: 'WordPress, Drupal, Joomla, MediaWiki', images: 'wordpress drupal joomla mediawiki', public: '80 443', reason: PUBLIC },
  { name: 'BookStack, Heimdall', images: 'bookstack heimdall', public: '80 443 8080', reason: PUBLIC },
  { name: 'Gitea, Forgejo, Gogs', images: 'gitea forgejo gogs', public: '3000 22 2222', reason: PUBLIC },
  { name: 'GitLab', images: 'gitlab', public: '80 443 22', reason: PUBLIC },
  { name: 'Ghost', images: 'ghost', public: '2368', reason: PUBLIC },
  { name: 'Mattermost', images: 'mattermost', public: '8065 8443', reason: PUBLIC },
  { name: 'Rocket.Chat', images: 'rocket.chat', public: '3000', reason: PUBLIC },
  { name: 'n8n', images: 'n8n', public: '5678', reason: PUBLIC },
  { name: 'Jellyfin, Emby', images: 'jellyfin emby', public: '8096 8920 7359 1900', reason: PUBLIC },
  { name: 'Plex', images: 'plex pms-docker', public: '32400 32410-32414 32469 1900 8324 3005', reason: PUBLIC },
  { name: 'Home Assistant', images: 'home-assistant homeassistant', public: '8123', reason: PUBLIC },
  { name: 'Uptime Kuma', images: 'uptime-kuma', public: '3001', reason: PUBLIC },
  { name: 'Immich', images: 'immich-server', public: '2283 3001', reason: PUBLIC },
  { name: 'Homepage', images: 'homepage', public: '3000', reason: PUBLIC },
  { name: 'Homarr', images: 'homarr', public: '7575', reason: PUBLIC },
  { name: 'Dashy', images: 'dashy', public: '80 8080', reason: PUBLIC },
  { name: 'Vaultwarden', images: 'vaultwarden', public: '80 3012', reason: PUBLIC },
  { name: 'Paperless-ngx', images: 'paperless-ngx', public: '8000', reason: PUBLIC },
  { name: 'Jenkins', images: 'jenkins', public: '8080 50000', reason: PUBLIC },
  { name: 'Temporal Web UI', images: 'temporalio/ui', public: '8080', reason: PUBLIC },
  { name: 'Uptrace (its own OTLP ingest)', images: 'uptrace', public: '80 443 4317 4318 14317 14318', reason: PUBLIC },
  { name: 'Mail servers', images: 'mailserver docker-mailserver postfix dovecot stalwart-mail', public: '25 465 587 110 995 143 993 4190 80 443', reason: PUBLIC },
  { name: 'Pi-hole', images: 'pihole', public: '53 67 68 80 443', reason: PUBLIC },
  { name: 'AdGuard Home', images: 'adguardhome', public: '53 67 68 80 443 853 3000', reason: PUBLIC },
  { name: 'WireGuard', images: 'wireguard', public: '51820', reason: PUBLIC },
  { name: 'OpenVPN, OpenVPN Access Server', images: 'openvpn openvpn-as', public: '1194 943 443', reason: PUBLIC },
  { name: 'coturn (TURN and STUN relay)', images: 'coturn', public: '3478 5349 49152-65535', reason: PUBLIC },
  { name: 'Minecraft servers (RCON)', images: 'minecraft-server minecraft-bedrock-server', internal: '25575', public: '25565 19132', reason: "a game server's remote admin console" },
];

/**
 * Ports of protocols an HTTP reverse proxy does not carry, meant to be published by the service that
 * speaks them: a service beside the edge proxy is not held to the proxy for these.
 */
// prettier-ignore
const PROTOCOL_ROWS: [protocols: string, ports: string][] = [
  ['mail (SMTP, submission, POP3, IMAP, ManageSieve)', '25 465 587 110 995 143 993 4190'],
  ['DNS, DNS over TLS, DHCP, TFTP, NTP', '53 853 67 68 69 123'],
  ['SSH, FTP, SNMP, syslog, LDAP', '21 22 161 514 389 636'],
  ['VPN (IPsec, OpenVPN, WireGuard), TURN and STUN relays, SIP', '500 4500 1194 51820 3478 5349 5060 5061'],
  ['MQTT', '1883 8883'],
  ['game servers (Minecraft, Steam)', '25565 19132 27015'],
];

/** Words in the name of a port variable or setting that mark a port as an endpoint for operators, and what it is then. */
// prettier-ignore
export const SETTING_WORDS: readonly (readonly [word: string, what: string])[] = [
  ['METRICS', 'a metrics endpoint'],
  ['PROMETHEUS', 'a metrics endpoint'],
  ['ADMIN', 'an admin endpoint'],
  ['MANAGEMENT', 'an admin endpoint'],
  ['MGMT', 'an admin endpoint'],
  ['CONTROL', 'an admin endpoint'],
  ['DEBUG', 'a debug endpoint'],
  ['DEBUGGER', 'a debug endpoint'],
  ['PPROF', 'a debug endpoint'],
  ['INSPECT', 'a debug endpoint'],
  ['JMX', 'a debug endpoint'],
  ['ZPAGES', 'a debug endpoint'],
];

/** Labels whose value is a metrics port (Prometheus service discovery). */
export const METRICS_PORT_LABELS: readonly string[] = ['prometheus.io/port'];

/** Words that may follow an image name without making it another product: versions, variants, distributions. */
const QUALIFIERS = new Set(
  (
    'server community enterprise oss ce ee alpine slim debian ubuntu ubi bookworm bullseye jammy noble focal ' +
    'management latest stable dev nightly ha all standalone classic native full lite light rootless ' +
    'unprivileged distroless official docker base arm64 amd64 multiarch'
  ).split(' '),
);

/** How many words may come before an image's name (`cp-kafka`, `zipkin-kafka`, `prometheus-nats-exporter`). */
const MAX_PREFIX_WORDS = 4;

function parsePorts(text: string | undefined, where: string): PortSet {
  const ranges: [number, number][] = [];
  let all = false;
  for (const word of (text ?? '').split(' ').filter(Boolean)) {
    if (word === '*') {
      all = true;
      continue;
    }
    const [from, to = from] = word.split('-').map(Number);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to > 65_535 || from > to) {
      throw new Error(`catalog: "${word}" is not a port or range (${where})`);
    }
    ranges.push([from, to]);
  }
  return { all, ranges };
}

function words(text: string | undefined): string[] {
  return (text ?? '').split(' ').filter(Boolean);
}

export const CATALOG: readonly ServiceFamily[] = TABLE.map((row) => ({
  name: row.name,
  images: words(row.images).map((image) => image.toLowerCase()),
  commands: (row.commands ?? '')
    .split(',')
    .map((command) => command.trim())
    .filter(Boolean),
  internal: parsePorts(row.internal, row.name),
  public: parsePorts(row.public, row.name),
  byPort: parsePorts(row.byPort, row.name),
  reason: row.reason,
  when: words(row.when),
  settings: words(row.settings),
  edge: row.edge === true,
}));

/** The protocol ports, with the protocols they carry, for the docs. */
export const PROTOCOL_PORTS: readonly { protocols: string; ports: PortSet }[] = PROTOCOL_ROWS.map(
  ([protocols, ports]) => ({ protocols, ports: parsePorts(ports, protocols) }),
);

/** Whether a port number or range (`8080`, `9000-9010`) meets the set. */
export function inPorts(set: PortSet, port: string): boolean {
  if (set.all) return true;
  const [from, to = from] = port.split('-').map(Number);
  if (!Number.isInteger(from) || !Number.isInteger(to)) return false;
  return set.ranges.some(([low, high]) => from <= high && to >= low);
}

const PROTOCOL_PORT_NUMBERS = new Set(
  PROTOCOL_PORTS.flatMap(({ ports }) => ports.ranges.flatMap(([from, to]) => range(from, to))),
);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** Whether a port belongs to a protocol a web proxy does not carry (mail, DNS, SSH, VPN…). */
export function isProtocolPort(port: string): boolean {
  return PROTOCOL_PORT_NUMBERS.has(Number(port));
}

/** The parts of an image name, lowercased, without registry port, tag or digest: `ghcr.io/a/b:1` → [ghcr.io, a, b]. */
export function imageParts(image: string): string[] {
  let name = image.trim().toLowerCase();
  const at = name.indexOf('@');
  if (at !== -1) name = name.slice(0, at);
  const slash = name.lastIndexOf('/');
  const colon = name.lastIndexOf(':');
  if (colon > slash) name = name.slice(0, colon);
  return name.split('/').filter(Boolean);
}

/** A word of an image name, with a version number run into it dropped (`pgadmin4`, `elasticsearch8`). */
function sameWord(written: string, name: string): boolean {
  if (written === name) return true;
  let end = written.length;
  while (end > 0 && written.charCodeAt(end - 1) >= 48 && written.charCodeAt(end - 1) <= 57) end--;
  return end < written.length && written.slice(0, end) === name;
}

/** Whether the last part of an image name is `name`, with words before it and qualifiers after it. */
function nameMatches(part: string, name: string, prefixes: number): boolean {
  const wildcard = name.endsWith('-*');
  const wanted = (wildcard ? name.slice(0, -2) : name).split('-');
  const written = part.split(/[-_]/);
  for (let at = 0; at <= Math.min(prefixes, written.length - wanted.length); at++) {
    if (!wanted.every((word, index) => sameWord(written[at + index], word))) continue;
    const rest = written.slice(at + wanted.length);
    if (wildcard ? rest.length > 0 : rest.every((word) => QUALIFIERS.has(word) || /^v?\d/.test(word))) return true;
  }
  return false;
}

/** Whether an image (its parts, from `imageParts`) is one of a family's image names. */
export function imageMatches(parts: readonly string[], name: string): boolean {
  if (parts.length === 0) return false;
  const slash = name.indexOf('/');
  if (slash !== -1) {
    return (
      parts.length >= 2 &&
      parts[parts.length - 2] === name.slice(0, slash) &&
      nameMatches(parts[parts.length - 1], name.slice(slash + 1), 0)
    );
  }
  return nameMatches(parts[parts.length - 1], name, MAX_PREFIX_WORDS);
}

/** Each family's image names by their first word (of the last part, for `a/b`), so that an image is checked against a few. */
const BY_FIRST_WORD = new Map<string, { family: ServiceFamily; order: number; name: string }[]>();
CATALOG.forEach((family, order) => {
  for (const name of family.images) {
    const word = name.slice(name.lastIndexOf('/') + 1).split('-')[0];
    const list = BY_FIRST_WORD.get(word) ?? [];
    list.push({ family, order, name });
    BY_FIRST_WORD.set(word, list);
  }
});

const byImage = new Map<string, readonly ServiceFamily[]>();

/** The families an image belongs to, in catalog order; the answer is kept per image name. */
export function familiesOfImage(image: string): readonly ServiceFamily[] {
  let found = byImage.get(image);
  if (!found) {
    const parts = imageParts(image);
    const words = (parts[parts.length - 1] ?? '').split(/[-_]/).slice(0, MAX_PREFIX_WORDS + 1);
    const candidates = new Map<number, ServiceFamily>();
    for (const word of words) {
      for (const key of new Set([word, trimEndOf(word, '0123456789')])) {
        for (const { family, order, name } of BY_FIRST_WORD.get(key) ?? []) {
          if (!candidates.has(order) && imageMatches(parts, name)) candidates.set(order, family);
        }
      }
    }
    found = [...candidates].sort(([a], [b]) => a - b).map(([, family]) => family);
    if (byImage.size > 1_000) byImage.clear();
    byImage.set(image, found);
  }
  return found;
}

/**
 * The families a command recognises: a flag (`--http-api-update`) matches the flag with or without
 * a value; other words match a word of a command word's last path part (`/start-flower`, `celery flower`),
 * and every word of a phrase (`prisma studio`) must be there.
 */
export function familiesOfCommand(tokens: readonly string[]): ServiceFamily[] {
  if (tokens.length === 0) return [];
  const pieces = new Set<string>();
  const flags = new Set<string>();
  for (const token of tokens) {
    if (token.startsWith('-')) {
      const equals = token.indexOf('=');
      flags.add(equals === -1 ? token : token.slice(0, equals));
      continue;
    }
    const base = token.slice(token.lastIndexOf('/') + 1).toLowerCase();
    for (const piece of base.split(/[-_.]/)) if (piece) pieces.add(piece);
  }
  return CATALOG.filter((family) =>
    family.commands.some((command) =>
      command.startsWith('-') ? flags.has(command) : command.split(' ').every((word) => pieces.has(word)),
    ),
  );
}

/** The first family each well-known port recognises. */
const BY_PORT = new Map<number, ServiceFamily>();
for (const family of CATALOG) {
  for (const [from, to] of family.byPort.ranges) {
    for (let port = from; port <= to; port++) if (!BY_PORT.has(port)) BY_PORT.set(port, family);
  }
}

/** The family a well-known container port recognises when nothing else does. */
export function familyOfPort(port: string): ServiceFamily | undefined {
  return /^\d+$/.test(port) ? BY_PORT.get(Number(port)) : undefined;
}
