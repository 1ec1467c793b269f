import { isScalar, isSeq, Scalar } from 'yaml';
import type { Fix, Rule, TextEdit } from '../../core/types';
import { type ComposeModel, type Service } from '../../formats/compose/model';
import { splitColons } from '../../formats/compose/specs';
import { findPair, getNode } from '../../formats/compose/yaml';
import { lineEnd, lineEnding, lineStart } from '../../core/text';
import { dotenvLookup, isAllInterfaces, publishedPorts, type PublishedPort } from '../../formats/compose/resolve';
import { reportOnce } from '../utils/report-once';

/** Images of reverse proxies: the services meant to face the network. */
const EDGE_IMAGE =
  /(?:^|\/)(?:nginx|nginx-proxy|nginx-proxy-manager|openresty|traefik|caddy|haproxy|envoy|swag|httpd|apache2?|varnish|kong|pomerium|oauth2-proxy|h2o|lighttpd|angie)(?:[:@]|$)/i;
/** Names a proxy goes by; the name counts only for a service that serves HTTP or HTTPS. */
const EDGE_NAME = /^(?:proxy|reverse[-_]?proxy|gateway|ingress|edge|lb|load[-_]?balancer|front[-_]?proxy)$/i;
/**
 * Ports of protocols an HTTP reverse proxy does not carry (DNS, DHCP, mail, SSH, FTP, NTP, SIP,
 * MQTT, VPNs): a service publishes these itself, proxy or not.
 */
const NOT_HTTP = new Set([
  '21',
  '22',
  '25',
  '53',
  '67',
  '68',
  '69',
  '110',
  '123',
  '143',
  '161',
  '389',
  '465',
  '500',
  '514',
  '587',
  '636',
  '853',
  '993',
  '995',
  '1194',
  '1883',
  '3478',
  '4190',
  '4500',
  '5060',
  '5061',
  '8883',
  '51820',
]);

/** Images of services that should never face the network: what they are, for the message. */
const INTERNAL_IMAGES: [pattern: RegExp, what: string][] = [
  [
    /(?:^|\/)(?:pgadmin4?|adminer|phpmyadmin|mongo-express|redis-commander|redisinsight|kibana|opensearch-dashboards|portainer(?:-ce|-ee)?|kafka-ui|akhq|prometheus|alertmanager|node-exporter|cadvisor|pushgateway|jaeger|mailhog|mailpit|minio|flower)[^/]*(?:[:@]|$)/i,
    'an admin interface or internal tool',
  ],
  [
    /(?:^|\/)(?:postgres|postgis|timescaledb|mysql|mariadb|percona|mongo|mongodb|cassandra|scylla|couchdb|couchbase|cockroach|clickhouse|influxdb|neo4j|mssql|oracle|questdb|surrealdb|edgedb|arangodb|rethinkdb|pgvector|supabase\/postgres)[^/]*(?:[:@]|$)/i,
    'a database',
  ],
  [
    /(?:^|\/)(?:redis|valkey|keydb|dragonfly|memcached|etcd|consul|zookeeper)[^/]*(?:[:@]|$)/i,
    'a cache or coordination store',
  ],
  [
    /(?:^|\/)(?:rabbitmq|kafka|cp-kafka|redpanda|nats|activemq|artemis|mosquitto|emqx|pulsar)[^/]*(?:[:@]|$)/i,
    'a message broker',
  ],
  [
    /(?:^|\/)(?:elasticsearch|opensearch|meilisearch|typesense|solr|qdrant|weaviate|milvus|chroma)[^/]*(?:[:@]|$)/i,
    'a search or vector store',
  ],
];

/** Container ports of the same kinds of services, when the image does not say. */
const INTERNAL_PORTS: Record<string, string> = {
  '5432': 'a database',
  '3306': 'a database',
  '1433': 'a database',
  '1521': 'a database',
  '27017': 'a database',
  '9042': 'a database',
  '5984': 'a database',
  '8086': 'a database',
  '26257': 'a database',
  '6379': 'a cache or coordination store',
  '11211': 'a cache or coordination store',
  '2379': 'a cache or coordination store',
  '2181': 'a cache or coordination store',
  '5672': 'a message broker',
  '15672': 'an admin interface or internal tool',
  '9092': 'a message broker',
  '4222': 'a message broker',
  '1883': 'a message broker',
  '9200': 'a search or vector store',
  '9300': 'a search or vector store',
  '2375': 'an unencrypted Docker API',
  '2376': 'the Docker API',
};

/** A reverse proxy that publishes ports: the one service meant to face the network. */
function isEdge(service: Service, ports: PublishedPort[]): boolean {
  if (ports.length === 0) return false;
  if (service.image !== undefined && EDGE_IMAGE.test(service.image.value)) return true;
  return EDGE_NAME.test(service.name) && ports.some((port) => /^(?:80|443|8080|8443)$/.test(port.target));
}

/** A port a reverse proxy could carry: TCP, and not a well-known port of another protocol or one set by a variable. */
function isHttpPort(port: PublishedPort): boolean {
  const target = port.target.split('-')[0];
  return port.protocol !== 'udp' && /^\d+$/.test(target) && !NOT_HTTP.has(target);
}

/** What a service is, when it is something that should stay internal. */
function internalKind(service: Service, port: PublishedPort): string | undefined {
  const image = service.image?.value;
  if (image) {
    const match = INTERNAL_IMAGES.find(([pattern]) => pattern.test(image));
    if (match) return match[1];
  }
  return INTERNAL_PORTS[port.target];
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
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    const ports = new Map(model.services.map((service) => [service, publishedPorts(model, service, lookup)]));
    const edge = model.services.find((service) => isEdge(service, ports.get(service)!));
    for (const service of model.services) {
      if (service === edge || isEdge(service, ports.get(service)!)) continue;
      for (const port of ports.get(service)!) {
        if (port.unknownHost || !isAllInterfaces(port.hostIp)) continue;
        const kind = internalKind(service, port);
        if (!kind && (!edge || !isHttpPort(port))) continue;
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
          messageId: kind ? 'internal' : 'behindProxy',
          data: kind
            ? { service: service.name, published, kind }
            : { service: service.name, published, proxy: edge!.name },
          start: port.start,
          end: port.end,
          fixes,
        });
      }
    }
  },
};
