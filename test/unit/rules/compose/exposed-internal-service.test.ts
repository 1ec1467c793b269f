import assert from 'node:assert/strict';
import { exposedInternalService } from '../../../../server/src/rules/compose/exposed-internal-service';
import { ruleTester } from '../../../helpers/rule-tester';

const db = (ports: string) => `services:\n  db:\n    image: postgres:16\n    ports:\n${ports}`;
/** A port published by a service that should stay internal. */
const INTERNAL = (service: string, published: string, kind: string) => ({
  messageId: 'internal',
  data: { service, published, kind },
});
const DB = (published: string) => INTERNAL('db', published, 'a database');
const LOOPBACK = 'Publish it on 127.0.0.1 only';
const EDGE = `services:\n  proxy:\n    image: nginx:1.27\n    ports: ["80:80", "443:443"]\n`;
/** The edge proxy of EDGE, waiting for the service it fronts. */
const EDGE_FOR = (upstream: string) =>
  `services:\n  proxy:\n    image: nginx:1.27\n    depends_on: [${upstream}]\n    ports: ["80:80", "443:443"]\n`;

// What the catalog says services are (server/src/formats/compose/catalog.ts).
const BROKER = 'a message broker';
const BROKER_ADMIN = "a message broker's admin interface";
const KAFKA = 'a Kafka service with no authentication by default';
const NO_LOGIN = 'an admin interface with no login by default';
const COORDINATION = 'a coordination store';
const SEARCH = 'a search or vector store';
const MONITORING = 'a metrics, log or trace store with no login by default';
const COLLECTOR = "a telemetry collector's receiver or debug port";
const DATA_ADMIN = 'a database or broker admin interface';
const HOST_ADMIN = 'an admin interface that controls the Docker host';
const EXPORTER = 'a metrics exporter';
const MAIL_CATCHER = 'a mail catcher for development';
const DEBUGGER = 'a debugger, which runs any code it is sent';
const EMULATOR = 'a development emulator with no authentication';
const METRICS = 'a metrics endpoint';

/** A service with an image, other keys, and ports in a flow list. */
const service = (name: string, image: string, ports: string[], extra = '') =>
  `  ${name}:\n    image: ${image}\n${extra}    ports: [${ports.map((port) => JSON.stringify(port)).join(', ')}]\n`;
const file = (...services: string[]) => `services:\n${services.join('')}`;

/** Where `port` (as written, inside its quotes) is under `name` in `code`, 1-based as an editor shows it. */
function at(code: string, name: string, port: string) {
  const header = code.indexOf(`\n  ${name}:\n`);
  assert.ok(header !== -1, `service ${name}`);
  const start = code.indexOf(port, header);
  assert.ok(start !== -1, `port ${port} of ${name}`);
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  const from = position(start);
  const to = position(start + port.length);
  return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
}
/** The published port of `"8081:80"` as the message says it. */
const publishedOf = (port: string) => `port ${splitPort(port)}`;
const splitPort = (port: string) => port.split(':')[0].replace(/\/[a-z]+$/, '');
/** A finding of the internal message on a port of a service. */
const internalAt = (code: string, name: string, port: string, kind: string) => ({
  ...at(code, name, port),
  ...INTERNAL(name, publishedOf(port), kind),
});
/** A finding of the behind-proxy message on a port of a service. */
const behindAt = (code: string, name: string, port: string, proxy: string, published = publishedOf(port)) => ({
  ...at(code, name, port),
  messageId: 'behindProxy',
  data: { service: name, published, proxy },
});
/** The text after the quick fix binds these ports (service, port as written) to 127.0.0.1. */
function bound(code: string, ...ports: [name: string, port: string][]): string {
  let text = code;
  for (const [name, port] of ports) {
    const start = text.indexOf(port, text.indexOf(`\n  ${name}:\n`));
    // A container port alone gets an empty host port: `"7070"` becomes `"127.0.0.1::7070"`.
    const address = port.includes(':') ? '127.0.0.1:' : '127.0.0.1::';
    text = text.slice(0, start) + address + text.slice(start);
  }
  return text;
}

// Families recognised by their image, with registry prefixes, namespaces, forks and tags.
const BROKERS = file(
  service('kafka', 'bitnami/kafka:3.7', ['9092:9092']),
  service('broker', 'confluentinc/cp-server:7.7.1', ['9091:9091']),
  service('zipkin-kafka', 'ghcr.io/openzipkin/zipkin-kafka:latest', ['19092:19092']),
  service('redpanda', 'docker.redpanda.com/redpandadata/redpanda:v24.2.4', ['18082:8082']),
  service('pulsar', 'apachepulsar/pulsar:3.3.1', ['6650:6650']),
  service('nats', 'nats:2.10-alpine', ['4222:4222']),
  service('activemq', 'apache/activemq-classic:6.1.2', ['61616:61616']),
  service('rabbitmq', 'rabbitmq:3.13-management', ['5672:5672', '15672:15672']),
  service('mqtt', 'eclipse-mosquitto:2', ['1883:1883']),
);
const KAFKA_ECOSYSTEM = file(
  service('zookeeper', 'confluentinc/cp-zookeeper:7.7.1', ['2181:2181']),
  service('schema-registry', 'confluentinc/cp-schema-registry:7.7.1', ['8081:8081']),
  service('connect', 'confluentinc/cp-kafka-connect:7.7.1', ['8083:8083']),
  service('debezium', 'quay.io/debezium/connect:2.7', ['8084:8083']),
  service('rest-proxy', 'confluentinc/cp-kafka-rest:7.7.1', ['8082:8082']),
  service('ksqldb', 'confluentinc/cp-ksqldb-server:7.7.1', ['8088:8088']),
  service('control-center', 'confluentinc/cp-enterprise-control-center:7.7.1', ['9021:9021']),
  service('etcd', 'quay.io/coreos/etcd:v3.5.15', ['2379:2379']),
  service('consul', 'hashicorp/consul:1.19', ['8500:8500']),
);
const STORES = file(
  service('elasticsearch', 'docker.elastic.co/elasticsearch/elasticsearch:8.15.0', ['9200:9200']),
  service('opensearch', 'opensearchproject/opensearch:2', ['9201:9200']),
  service('prometheus', 'prom/prometheus:v2.54.1', ['9090:9090']),
  service('loki', 'grafana/loki:3.1.1', ['3100:3100']),
  service('tempo', 'grafana/tempo:2.6.0', ['3200:3200']),
  service('mimir', 'grafana/mimir:2.13.0', ['9009:9009']),
  service('pyroscope', 'grafana/pyroscope:1.8.0', ['4040:4040']),
  service('graphite', 'graphiteapp/graphite-statsd:1.1.10-5', ['2003:2003']),
  service('influxdb', 'influxdb:2.7', ['8086:8086']),
  service('jaeger', 'jaegertracing/all-in-one:1.60', ['16686:16686']),
  service('zipkin', 'ghcr.io/openzipkin/zipkin-slim:3', ['9411:9411']),
);
const COLLECTORS = file(
  service('otel', 'otel/opentelemetry-collector-contrib:0.110.0', ['4317:4317', '55679:55679', '13133:13133']),
  service(
    'alloy',
    'grafana/alloy:v1.4.2',
    ['12345:12345', '12347:12347'],
    '    command: [run, --server.http.listen-addr=0.0.0.0:12345]\n',
  ),
);
const ADMIN_UIS = file(
  service('portainer', 'portainer/portainer-ce:2.21.0', ['9443:9443']),
  service('dockge', 'louislam/dockge:1', ['5001:5001']),
  service('dozzle', 'amir20/dozzle:v8.5', ['8080:8080']),
  service('adminer', 'adminer:4', ['8081:8080']),
  service('phpmyadmin', 'phpmyadmin:5', ['8082:80']),
  service('mongo-express', 'mongo-express:1', ['8083:8081']),
  service('redisinsight', 'redis/redisinsight:2.56', ['5540:5540']),
  service('npm', 'jc21/nginx-proxy-manager:2.11.3', ['80:80', '443:443', '81:81']),
  service('wg-easy', 'ghcr.io/wg-easy/wg-easy:14', ['51820:51820/udp', '51821:51821/tcp']),
  service(
    'minio',
    'minio/minio:RELEASE.2024-09-13T20-26-02Z',
    ['9000:9000', '9001:9001'],
    '    command: server /data --console-address ":9001"\n',
  ),
  service('namenode', 'bde2020/hadoop-namenode:2.0.0-hadoop3.2.1-java8', ['9870:9870', '9000:9000']),
);
const PROXY_ADMIN = file(
  service(
    'traefik',
    'traefik:v3.1',
    ['80:80', '8080:8080'],
    '    command: ["--api.insecure=true", "--providers.docker=true"]\n',
  ),
  service('kong', 'kong:3.7', ['8000:8000', '8443:8443', '8001:8001', '8444:8444', '8002:8002']),
  service('logstash', 'docker.elastic.co/logstash/logstash:8.15.0', ['5044:5044', '9600:9600']),
  service('flower', 'mher/flower:2.0', ['5555:5555']),
  service('airflow-flower', 'apache/airflow:2.10.2', ['5556:5555'], '    command: celery flower\n'),
  service('watchtower', 'containrrr/watchtower:1.7.1', ['8084:8080'], '    command: --http-api-update\n'),
);
const DEV_TOOLS = file(
  service('mailhog', 'mailhog/mailhog:v1.0.1', ['1025:1025', '8025:8025']),
  service('mailpit', 'axllent/mailpit:v1.20', ['8026:8025']),
  service('mailcatcher', 'schickling/mailcatcher', ['1080:1080']),
  service('azurite', 'mcr.microsoft.com/azure-storage/azurite', ['10000:10000']),
  service('dynamodb', 'amazon/dynamodb-local:2.5.2', ['8000:8000']),
  service('localstack', 'localstack/localstack:3', ['4566:4566']),
  service('studio', 'node:20-alpine', ['5555:5555'], '    command: npx prisma studio\n'),
  service('squid', 'ubuntu/squid:5.2-22.04_beta', ['3128:3128']),
  service('ldap', 'osixia/openldap:1.5.0', ['389:389']),
  service('idp', 'kenchan0130/simplesamlphp:1.19.8', ['8090:8080']),
);
const EXPORTERS = file(
  service('node-exporter', 'prom/node-exporter:v1.8.2', ['9100:9100']),
  service('cadvisor', 'gcr.io/cadvisor/cadvisor:v0.49.1', ['8080:8080']),
  service('exportarr', 'ghcr.io/onedr0p/exportarr:v2.0', ['9707:9707']),
  service('pg-exporter', 'quay.io/prometheuscommunity/postgres-exporter:v0.15.0', ['9187:9187']),
  service('dind', 'docker:27-dind', ['2375:2375']),
  service('socket-proxy', 'tecnativa/docker-socket-proxy:0.2', ['2376:2375']),
);
/** Well-known ports on an image that does not say what it is. */
const BY_PORT = file(
  service('app', 'ghcr.io/acme/app:1', [
    '40000:40000',
    '9229:9229',
    '9092:9092',
    '2181:2181',
    '16686:16686',
    '9411:9411',
    '9100:9100',
    '5555:5555',
    '8025:8025',
    '2375:2375',
    '2376:2376',
    '51821:51821',
  ]),
);
/** Ports the service's own settings make a metrics, admin or debug endpoint. */
const CONFIGURED = file(
  service('chat', 'ghcr.io/acme/chat:8', ['${METRICS_PORT:-9458}:${METRICS_PORT:-9458}', '3000:3000']),
  service(
    'history',
    'temporalio/server:1.25.1',
    ['7234:7234', '8000:8000', '7233:7233'],
    '    environment:\n      - PROMETHEUS_ENDPOINT=0.0.0.0:8000\n',
  ),
  service(
    'vpn',
    'qmcgaw/gluetun:v3',
    ['8320:8320', '8888:8888/tcp'],
    '    environment:\n      HTTP_CONTROL_SERVER_ADDRESS: ":8320"\n',
  ),
  service('shop', 'ghcr.io/acme/shop:2', ['9464:9464', '8080:8080'], '    labels:\n      prometheus.io/port: "9464"\n'),
  service('gateway', 'traefik:v3.1', ['443:443', '8082:8082'], '    command: --entrypoints.metrics.address=:8082\n'),
);

// Services behind the edge proxy, as the file shows it.
const TRAEFIK_LABELS =
  '    labels:\n      - traefik.enable=true\n      - traefik.http.routers.app.rule=Host(`app.example.com`)\n';
const ROUTED_IN_FILE = file(
  service('traefik', 'traefik:v3.1', ['80:80', '443:443']),
  service('grafana', 'grafana/grafana:11.2.0', ['3000:3000'], TRAEFIK_LABELS),
);
const ROUTED_ELSEWHERE = file(service('bazarr', 'lscr.io/linuxserver/bazarr:latest', ['6767:6767'], TRAEFIK_LABELS));
const STARTS_AFTER = file(
  service('caddy', 'caddy:2.8', ['80:80', '443:443']),
  service('pihole', 'pihole/pihole:2024.07.0', ['8081:80/tcp', '53:53/udp'], '    depends_on: [caddy]\n'),
);
const FRONTS_OTHERS = file(
  '  frontend-proxy:\n    build: ./envoy\n    depends_on: [frontend]\n    ports: ["8080:8080"]\n',
  service('frontend', 'ghcr.io/acme/shop:1-frontend', ['8081:8080']),
  service('cart', 'ghcr.io/acme/shop:1-cart', ['7070']),
);
const CONFIG_WRITER = file(
  '  traefik-init:\n    image: alpine:3.20\n    environment:\n      BACKENDS: chat:3000\n',
  service('traefik', 'traefik:v3.1', ['80:80'], '    depends_on: [traefik-init]\n'),
  service('chat', 'ghcr.io/acme/chat:8', ['3000:3000']),
);
const VIRTUAL_HOST = file(
  service('nginx-proxy', 'nginxproxy/nginx-proxy:1.6', ['80:80']),
  service('whoami', 'jwilder/whoami', ['8000:8000'], '    environment:\n      VIRTUAL_HOST: whoami.example.com\n'),
);

// Look-alikes and ports meant for users.
const LOOK_ALIKES = file(
  service('docs', 'acme/kafka-connector-docs:1', ['8080:8080']),
  service('backup', 'prodrigestivill/postgres-backup-local:16', ['8081:8080']),
  service('zipkin-ui', 'ghcr.io/openzipkin/zipkin-ui:3', ['8082:80']),
  service('connect', 'acme/connect:2', ['8083:8083']),
  service('api', 'node:20-alpine', ['3002:3000'], '    command: sh -c "npx prisma migrate deploy && node server.js"\n'),
  service('grafana', 'grafana/grafana:11.2.0', ['3000:3000']),
);
const PUBLIC_APPS = file(
  service('kibana', 'docker.elastic.co/kibana/kibana:8.15.0', ['5601:5601']),
  service('nextcloud', 'nextcloud:29-apache', ['8080:80']),
  service('gitea', 'gitea/gitea:1.22', ['3001:3000', '2222:22']),
  service('ghost', 'ghost:5-alpine', ['2368:2368']),
  service('uptrace', 'uptrace/uptrace:1.7.6', ['14317:4317', '14318:80']),
  service('temporal', 'temporalio/auto-setup:1.25.1', ['7233:7233']),
  service('ui', 'temporalio/ui:2.31.2', ['8088:8080']),
  service('kong', 'kong:3.7', ['8000:8000', '8443:8443']),
  service('minio', 'minio/minio:latest', ['9000:9000']),
);
const MAIL_DNS_VPN = file(
  service('mail', 'ghcr.io/docker-mailserver/docker-mailserver:14', ['25:25', '587:587', '993:993']),
  service('pihole', 'pihole/pihole:2024.07.0', ['53:53/udp', '53:53/tcp', '8080:80']),
  service('wireguard', 'lscr.io/linuxserver/wireguard:latest', ['51820:51820/udp']),
  service('wg-easy', 'ghcr.io/wg-easy/wg-easy:14', ['51820:51820/udp', '127.0.0.1:51821:51821/tcp']),
  service('minecraft', 'itzg/minecraft-server:java21', ['25565:25565']),
);

ruleTester(exposedInternalService, {
  valid: [
    { name: 'bound to the loopback address', code: db('      - 127.0.0.1:5432:5432\n      - "[::1]:5433:5432"\n') },
    { name: 'bound to a private address', code: db('      - 10.0.0.5:5432:5432\n') },
    {
      name: 'expose: is for other services only',
      code: 'services:\n  db:\n    image: postgres:16\n    expose:\n      - "5432"\n',
    },
    {
      name: 'long syntax with host_ip',
      code: db('      - target: 5432\n        published: 5432\n        host_ip: 127.0.0.1\n'),
    },
    { name: 'an address from a variable the shell sets', code: db('      - ${BIND_ADDRESS}:5432:5432\n') },
    { name: 'the edge proxy itself', code: EDGE },
    {
      name: 'a web app with no proxy in front is the edge',
      code: 'services:\n  web:\n    image: ghcr.io/acme/web:3\n    ports:\n      - "8080:8080"\n',
    },
    {
      name: 'protocols a web proxy does not carry, of a service the proxy waits for: DNS, mail, UDP',
      code: `${EDGE_FOR('dns')}  dns:\n    image: acme/dns:1\n    ports:\n      - 53:53/udp\n      - "53:53/tcp"\n      - 25:25\n      - 993:993\n      - 3478:3478/udp\n`,
    },
    {
      name: 'a proxy with no published port is no edge',
      code: 'services:\n  parent:\n    image: nginx\n    depends_on: [app]\n  app:\n    image: acme/app:1\n    ports:\n      - 3000:3000\n',
    },
    {
      name: 'an Airflow "webserver" is an app, not a proxy',
      code: 'services:\n  webserver:\n    image: apache/airflow:2.9.0\n    ports:\n      - 8080:8080\n  app:\n    image: acme/app:1\n    ports:\n      - 3000:3000\n',
    },
    { name: '!reset drops inherited ports', code: 'services:\n  db:\n    image: postgres:16\n    ports: !reset []\n' },
    { name: "look-alikes: a family word in another product's name, Grafana on its own port", code: LOOK_ALIKES },
    { name: "a product's own web interface or API, meant for users", code: PUBLIC_APPS },
    { name: 'mail, DNS, VPN and game ports, and an admin UI on 127.0.0.1', code: MAIL_DNS_VPN },
    {
      name: 'internal families bound to the loopback address',
      code: file(
        service('kafka', 'bitnami/kafka:3.7', ['127.0.0.1:9092:9092']),
        service('prometheus', 'prom/prometheus:v2.54.1', ['127.0.0.1:9090:9090']),
      ),
    },
    {
      name: "Traefik's dashboard port without --api.insecure (a default of false)",
      code: file(
        service(
          'traefik',
          'traefik:v3.1',
          ['80:80', '8080:8080'],
          '    command: ["--api.insecure=${TRAEFIK_API_INSECURE:-false}", "--api.dashboard=true"]\n',
        ),
      ),
    },
    {
      name: 'a proxy that fronts nothing the file shows (a demo upstream) puts nothing behind it',
      code: file(
        service('nginx', 'nginx:stable', ['8443:443']),
        service('gatus', 'twinproduction/gatus:v5', ['8080:8080']),
      ),
    },
    {
      name: 'beside a proxy that fronts another service: a client of the proxy, and a product on its own port',
      code: file(
        '  frontend:\n    image: ghcr.io/acme/api:1\n',
        service('nginx', 'nginx:1.27', ['7233:7233'], '    depends_on: [frontend]\n'),
        service('ui', 'ghcr.io/acme/ui:1', ['8088:8080'], '    environment:\n      API_ADDRESS: nginx:7233\n'),
        service('grafana', 'grafana/grafana:11.2.0', ['3000:3000']),
      ),
    },
    {
      name: "a VPN gateway's ports for the apps on its network, beside a proxy that fronts nothing here",
      code: file(
        service('swag', 'lscr.io/linuxserver/swag:latest', ['443:443']),
        service('gluetun', 'qmcgaw/gluetun:v3', ['8888:8888/tcp', '8090:8090']),
        service('heimdall', 'lscr.io/linuxserver/heimdall:latest', ['8081:80']),
      ),
    },
    {
      name: "a proxy's own ports are not recognised by port (Caddy in front of Prometheus)",
      code: file(
        service('caddy', 'caddy:2.8', ['3000:3000', '9090:9090']),
        '  prometheus:\n    image: prom/prometheus:v2.54.1\n    expose: ["9090"]\n',
      ),
    },
    {
      name: 'traefik.enable=false routes nothing',
      code: file(
        service('traefik', 'traefik:v3.1', ['80:80']),
        service('app', 'ghcr.io/acme/app:1', ['3000:3000'], '    labels:\n      traefik.enable: "false"\n'),
      ),
    },
  ],
  invalid: [
    {
      name: 'a database on every interface, short syntax, quoted: the fix adds 127.0.0.1',
      code: db('      - "5432:5432" # for local tools\n'),
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 19,
          ...DB('port 5432'),
          message:
            'Service "db" publishes port 5432 on every network interface, and a database should not be reachable from other machines. Bind it to 127.0.0.1, or drop the port and let other services reach it over the Compose network.',
          severity: 'warning',
          fixes: [LOOPBACK],
        },
      ],
      output: db('      - "127.0.0.1:5432:5432" # for local tools\n'),
    },
    {
      name: 'a container port alone, 0.0.0.0 and [::]',
      code: db('      - 5433\n      - 0.0.0.0:5434:5432\n      - "[::]:5435:5432/tcp"\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 13, ...DB('container port 5433 on a random host port') },
        { line: 6, column: 9, endLine: 6, endColumn: 26, ...DB('port 5434') },
        { line: 7, column: 10, endLine: 7, endColumn: 28, ...DB('port 5435') },
      ],
      output: db('      - 127.0.0.1::5433\n      - 127.0.0.1:5434:5432\n      - "127.0.0.1:5435:5432/tcp"\n'),
    },
    {
      name: 'a flow list: plain items are quoted by the fix',
      code: 'services:\n  db:\n    image: postgres:16\n    ports: [5432, "6543:5432"]\n',
      errors: [
        { line: 4, column: 13, endLine: 4, endColumn: 17 },
        { line: 4, column: 20, endLine: 4, endColumn: 29 },
      ],
      output: 'services:\n  db:\n    image: postgres:16\n    ports: ["127.0.0.1::5432", "127.0.0.1:6543:5432"]\n',
    },
    {
      name: 'a port from a default, and an address from a default (reported, no fix)',
      code: db('      - ${DB_PORT:-5432}:5432\n      - ${BIND:-0.0.0.0}:5433:5432\n'),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 30, ...DB('port 5432'), fixes: [LOOPBACK] },
        { line: 6, column: 9, endLine: 6, endColumn: 35, ...DB('port 5433'), fixes: [] },
      ],
      output: db('      - 127.0.0.1:${DB_PORT:-5432}:5432\n      - ${BIND:-0.0.0.0}:5433:5432\n'),
    },
    {
      name: 'an address from .env',
      code: db('      - ${BIND}:5432:5432\n'),
      facts: { dotenv: { path: '/project/.env', text: 'BIND=0.0.0.0\n' } },
      errors: [{ line: 5, column: 9, endLine: 5, endColumn: 26, ...DB('port 5432'), fixes: [] }],
      output: null,
    },
    {
      name: 'a backend the edge proxy waits for, long syntax: host_ip is added',
      code: `${EDGE_FOR('backend')}  backend:\n    image: acme/backend:2\n    ports:\n      - target: 8080\n        published: 8080\n`,
      errors: [
        {
          line: 10,
          column: 20,
          endLine: 10,
          endColumn: 24,
          messageId: 'behindProxy',
          data: { service: 'backend', published: 'port 8080', proxy: 'proxy' },
          message:
            'Service "backend" publishes port 8080 on every network interface, and it sits behind the edge proxy "proxy", which is the one service meant to be reachable. Bind it to 127.0.0.1, or drop the port and let other services reach it over the Compose network.',
        },
      ],
      output: `${EDGE_FOR('backend')}  backend:\n    image: acme/backend:2\n    ports:\n      - target: 8080\n        published: 8080\n        host_ip: 127.0.0.1\n`,
    },
    {
      name: 'a port range of a service the edge proxy waits for',
      code: `${EDGE_FOR('media')}  media:\n    image: acme/media:1\n    ports:\n      - "9000-9010:9000-9010"\n`,
      errors: [
        {
          line: 9,
          column: 10,
          endLine: 9,
          endColumn: 29,
          messageId: 'behindProxy',
          data: { service: 'media', published: 'port 9000-9010', proxy: 'proxy' },
        },
      ],
      output: `${EDGE_FOR('media')}  media:\n    image: acme/media:1\n    ports:\n      - "127.0.0.1:9000-9010:9000-9010"\n`,
    },
    {
      name: 'long syntax with host_ip 0.0.0.0',
      code: db('      - target: 5432\n        host_ip: 0.0.0.0\n        published: "5432"\n'),
      errors: [{ line: 7, column: 21, endLine: 7, endColumn: 25 }],
      output: db('      - target: 5432\n        host_ip: 127.0.0.1\n        published: "5432"\n'),
    },
    {
      name: 'admin tools and caches, by image',
      code: 'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "5050:80"\n  cache:\n    image: redis:7\n    ports:\n      - 6379:6379\n',
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 17,
          ...INTERNAL('pgadmin', 'port 5050', DATA_ADMIN),
        },
        {
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 18,
          ...INTERNAL('cache', 'port 6379', 'a cache'),
        },
      ],
      output:
        'services:\n  pgadmin:\n    image: dpage/pgadmin4:8\n    ports:\n      - "127.0.0.1:5050:80"\n  cache:\n    image: redis:7\n    ports:\n      - 127.0.0.1:6379:6379\n',
    },
    {
      name: 'a database port on an image that does not say what it is',
      code: 'services:\n  kuma:\n    image: louislam/uptime-kuma:2\n    ports:\n      - "3307:3306"\n',
      errors: [
        {
          line: 5,
          column: 10,
          endLine: 5,
          endColumn: 19,
          ...INTERNAL('kuma', 'port 3307', 'a database'),
        },
      ],
      output: 'services:\n  kuma:\n    image: louislam/uptime-kuma:2\n    ports:\n      - "127.0.0.1:3307:3306"\n',
    },
    {
      name: 'brokers by image: registries, namespaces, forks and tags',
      code: BROKERS,
      errors: [
        internalAt(BROKERS, 'kafka', '9092:9092', BROKER),
        internalAt(BROKERS, 'broker', '9091:9091', BROKER),
        internalAt(BROKERS, 'zipkin-kafka', '19092:19092', BROKER),
        internalAt(BROKERS, 'redpanda', '18082:8082', BROKER),
        internalAt(BROKERS, 'pulsar', '6650:6650', BROKER),
        internalAt(BROKERS, 'nats', '4222:4222', BROKER),
        internalAt(BROKERS, 'activemq', '61616:61616', BROKER),
        internalAt(BROKERS, 'rabbitmq', '5672:5672', BROKER),
        internalAt(BROKERS, 'rabbitmq', '15672:15672', BROKER_ADMIN),
        internalAt(BROKERS, 'mqtt', '1883:1883', BROKER),
      ],
      output: bound(
        BROKERS,
        ['kafka', '9092:9092'],
        ['broker', '9091:9091'],
        ['zipkin-kafka', '19092:19092'],
        ['redpanda', '18082:8082'],
        ['pulsar', '6650:6650'],
        ['nats', '4222:4222'],
        ['activemq', '61616:61616'],
        ['rabbitmq', '5672:5672'],
        ['rabbitmq', '15672:15672'],
        ['mqtt', '1883:1883'],
      ),
    },
    {
      name: "Kafka's ecosystem (ZooKeeper, Schema Registry, Connect, REST Proxy, ksqlDB, Control Center), etcd, Consul",
      code: KAFKA_ECOSYSTEM,
      errors: [
        internalAt(KAFKA_ECOSYSTEM, 'zookeeper', '2181:2181', COORDINATION),
        internalAt(KAFKA_ECOSYSTEM, 'schema-registry', '8081:8081', KAFKA),
        internalAt(KAFKA_ECOSYSTEM, 'connect', '8083:8083', KAFKA),
        internalAt(KAFKA_ECOSYSTEM, 'debezium', '8084:8083', KAFKA),
        internalAt(KAFKA_ECOSYSTEM, 'rest-proxy', '8082:8082', KAFKA),
        internalAt(KAFKA_ECOSYSTEM, 'ksqldb', '8088:8088', KAFKA),
        internalAt(KAFKA_ECOSYSTEM, 'control-center', '9021:9021', NO_LOGIN),
        internalAt(KAFKA_ECOSYSTEM, 'etcd', '2379:2379', COORDINATION),
        internalAt(KAFKA_ECOSYSTEM, 'consul', '8500:8500', COORDINATION),
      ],
      output: bound(
        KAFKA_ECOSYSTEM,
        ['zookeeper', '2181:2181'],
        ['schema-registry', '8081:8081'],
        ['connect', '8083:8083'],
        ['debezium', '8084:8083'],
        ['rest-proxy', '8082:8082'],
        ['ksqldb', '8088:8088'],
        ['control-center', '9021:9021'],
        ['etcd', '2379:2379'],
        ['consul', '8500:8500'],
      ),
    },
    {
      name: 'search, metrics, log and trace stores',
      code: STORES,
      errors: [
        internalAt(STORES, 'elasticsearch', '9200:9200', SEARCH),
        internalAt(STORES, 'opensearch', '9201:9200', SEARCH),
        internalAt(STORES, 'prometheus', '9090:9090', MONITORING),
        internalAt(STORES, 'loki', '3100:3100', MONITORING),
        internalAt(STORES, 'tempo', '3200:3200', MONITORING),
        internalAt(STORES, 'mimir', '9009:9009', MONITORING),
        internalAt(STORES, 'pyroscope', '4040:4040', MONITORING),
        internalAt(STORES, 'graphite', '2003:2003', MONITORING),
        internalAt(STORES, 'influxdb', '8086:8086', 'a database'),
        internalAt(STORES, 'jaeger', '16686:16686', MONITORING),
        internalAt(STORES, 'zipkin', '9411:9411', MONITORING),
      ],
      output: bound(
        STORES,
        ['elasticsearch', '9200:9200'],
        ['opensearch', '9201:9200'],
        ['prometheus', '9090:9090'],
        ['loki', '3100:3100'],
        ['tempo', '3200:3200'],
        ['mimir', '9009:9009'],
        ['pyroscope', '4040:4040'],
        ['graphite', '2003:2003'],
        ['influxdb', '8086:8086'],
        ['jaeger', '16686:16686'],
        ['zipkin', '9411:9411'],
      ),
    },
    {
      name: "collectors' receivers, zpages and UI; Alloy's Faro receiver is for browsers",
      code: COLLECTORS,
      errors: [
        internalAt(COLLECTORS, 'otel', '4317:4317', COLLECTOR),
        internalAt(COLLECTORS, 'otel', '55679:55679', COLLECTOR),
        internalAt(COLLECTORS, 'otel', '13133:13133', COLLECTOR),
        internalAt(COLLECTORS, 'alloy', '12345:12345', COLLECTOR),
      ],
      output: bound(
        COLLECTORS,
        ['otel', '4317:4317'],
        ['otel', '55679:55679'],
        ['otel', '13133:13133'],
        ['alloy', '12345:12345'],
      ),
    },
    {
      name: "admin interfaces: only the admin port of a product whose other ports are public (NPM's 81, wg-easy's 51821, MinIO's console)",
      code: ADMIN_UIS,
      errors: [
        internalAt(ADMIN_UIS, 'portainer', '9443:9443', HOST_ADMIN),
        internalAt(ADMIN_UIS, 'dockge', '5001:5001', HOST_ADMIN),
        internalAt(ADMIN_UIS, 'dozzle', '8080:8080', HOST_ADMIN),
        internalAt(ADMIN_UIS, 'adminer', '8081:8080', DATA_ADMIN),
        internalAt(ADMIN_UIS, 'phpmyadmin', '8082:80', DATA_ADMIN),
        internalAt(ADMIN_UIS, 'mongo-express', '8083:8081', DATA_ADMIN),
        internalAt(ADMIN_UIS, 'redisinsight', '5540:5540', DATA_ADMIN),
        internalAt(ADMIN_UIS, 'npm', '81:81', "a proxy's admin interface"),
        internalAt(ADMIN_UIS, 'wg-easy', '51821:51821/tcp', "a VPN's admin interface"),
        internalAt(ADMIN_UIS, 'minio', '9001:9001', "an object store's admin console"),
        internalAt(ADMIN_UIS, 'namenode', '9870:9870', 'a Hadoop service with no authentication by default'),
        internalAt(ADMIN_UIS, 'namenode', '9000:9000', 'a Hadoop service with no authentication by default'),
      ],
      output: bound(
        ADMIN_UIS,
        ['portainer', '9443:9443'],
        ['dockge', '5001:5001'],
        ['dozzle', '8080:8080'],
        ['adminer', '8081:8080'],
        ['phpmyadmin', '8082:80'],
        ['mongo-express', '8083:8081'],
        ['redisinsight', '5540:5540'],
        ['npm', '81:81'],
        ['wg-easy', '51821:51821/tcp'],
        ['minio', '9001:9001'],
        ['namenode', '9870:9870'],
        ['namenode', '9000:9000'],
      ),
    },
    {
      name: "Traefik's insecure API, Kong's Admin API and Manager, Logstash's monitoring API, Flower, Watchtower's API",
      code: PROXY_ADMIN,
      errors: [
        internalAt(PROXY_ADMIN, 'traefik', '8080:8080', 'an API and dashboard with no login'),
        internalAt(PROXY_ADMIN, 'kong', '8001:8001', 'an admin API with no authentication by default'),
        internalAt(PROXY_ADMIN, 'kong', '8444:8444', 'an admin API with no authentication by default'),
        internalAt(PROXY_ADMIN, 'kong', '8002:8002', 'an admin API with no authentication by default'),
        internalAt(PROXY_ADMIN, 'logstash', '9600:9600', 'a monitoring API with no authentication'),
        internalAt(PROXY_ADMIN, 'flower', '5555:5555', 'a task queue monitor with no login by default'),
        internalAt(PROXY_ADMIN, 'airflow-flower', '5556:5555', 'a task queue monitor with no login by default'),
        internalAt(PROXY_ADMIN, 'watchtower', '8084:8080', 'an HTTP API that updates containers'),
      ],
      output: bound(
        PROXY_ADMIN,
        ['traefik', '8080:8080'],
        ['kong', '8001:8001'],
        ['kong', '8444:8444'],
        ['kong', '8002:8002'],
        ['logstash', '9600:9600'],
        ['flower', '5555:5555'],
        ['airflow-flower', '5556:5555'],
        ['watchtower', '8084:8080'],
      ),
    },
    {
      name: 'development tools left in: mail catchers, emulators, Prisma Studio, Squid, OpenLDAP, a test identity provider',
      code: DEV_TOOLS,
      errors: [
        internalAt(DEV_TOOLS, 'mailhog', '1025:1025', MAIL_CATCHER),
        internalAt(DEV_TOOLS, 'mailhog', '8025:8025', MAIL_CATCHER),
        internalAt(DEV_TOOLS, 'mailpit', '8026:8025', MAIL_CATCHER),
        internalAt(DEV_TOOLS, 'mailcatcher', '1080:1080', MAIL_CATCHER),
        internalAt(DEV_TOOLS, 'azurite', '10000:10000', EMULATOR),
        internalAt(DEV_TOOLS, 'dynamodb', '8000:8000', EMULATOR),
        internalAt(DEV_TOOLS, 'localstack', '4566:4566', EMULATOR),
        internalAt(DEV_TOOLS, 'studio', '5555:5555', 'a database browser with no login'),
        internalAt(DEV_TOOLS, 'squid', '3128:3128', "a forward proxy into the host's networks"),
        internalAt(DEV_TOOLS, 'ldap', '389:389', 'a directory server'),
        internalAt(DEV_TOOLS, 'idp', '8090:8080', 'a test identity provider with built-in users'),
      ],
      output: bound(
        DEV_TOOLS,
        ['mailhog', '1025:1025'],
        ['mailhog', '8025:8025'],
        ['mailpit', '8026:8025'],
        ['mailcatcher', '1080:1080'],
        ['azurite', '10000:10000'],
        ['dynamodb', '8000:8000'],
        ['localstack', '4566:4566'],
        ['studio', '5555:5555'],
        ['squid', '3128:3128'],
        ['ldap', '389:389'],
        ['idp', '8090:8080'],
      ),
    },
    {
      name: 'exporters and the Docker API',
      code: EXPORTERS,
      errors: [
        internalAt(EXPORTERS, 'node-exporter', '9100:9100', EXPORTER),
        internalAt(EXPORTERS, 'cadvisor', '8080:8080', EXPORTER),
        internalAt(EXPORTERS, 'exportarr', '9707:9707', EXPORTER),
        internalAt(EXPORTERS, 'pg-exporter', '9187:9187', EXPORTER),
        internalAt(EXPORTERS, 'dind', '2375:2375', 'an unencrypted Docker API'),
        internalAt(EXPORTERS, 'socket-proxy', '2376:2375', 'the Docker API'),
      ],
      output: bound(
        EXPORTERS,
        ['node-exporter', '9100:9100'],
        ['cadvisor', '8080:8080'],
        ['exportarr', '9707:9707'],
        ['pg-exporter', '9187:9187'],
        ['dind', '2375:2375'],
        ['socket-proxy', '2376:2375'],
      ),
    },
    {
      name: 'well-known ports alone, on an image that does not say what it is',
      code: BY_PORT,
      errors: [
        internalAt(BY_PORT, 'app', '40000:40000', DEBUGGER),
        internalAt(BY_PORT, 'app', '9229:9229', DEBUGGER),
        internalAt(BY_PORT, 'app', '9092:9092', BROKER),
        internalAt(BY_PORT, 'app', '2181:2181', COORDINATION),
        internalAt(BY_PORT, 'app', '16686:16686', MONITORING),
        internalAt(BY_PORT, 'app', '9411:9411', MONITORING),
        internalAt(BY_PORT, 'app', '9100:9100', EXPORTER),
        internalAt(BY_PORT, 'app', '5555:5555', 'a database browser with no login'),
        internalAt(BY_PORT, 'app', '8025:8025', MAIL_CATCHER),
        internalAt(BY_PORT, 'app', '2375:2375', 'an unencrypted Docker API'),
        internalAt(BY_PORT, 'app', '2376:2376', 'the Docker API'),
        internalAt(BY_PORT, 'app', '51821:51821', "a VPN's admin interface"),
      ],
      output: bound(
        BY_PORT,
        ...(
          [
            '40000:40000',
            '9229:9229',
            '9092:9092',
            '2181:2181',
            '16686:16686',
            '9411:9411',
            '9100:9100',
            '5555:5555',
            '8025:8025',
            '2375:2375',
            '2376:2376',
            '51821:51821',
          ] as const
        ).map((port): [string, string] => ['app', port]),
      ),
    },
    {
      name: "ports the service's own settings make metrics or admin endpoints: a variable's name, an environment variable, a label, a flag",
      code: CONFIGURED,
      errors: [
        {
          ...at(CONFIGURED, 'chat', '${METRICS_PORT:-9458}:${METRICS_PORT:-9458}'),
          ...INTERNAL('chat', 'port 9458', METRICS),
        },
        internalAt(CONFIGURED, 'history', '7234:7234', "a workflow engine's internal service"),
        internalAt(CONFIGURED, 'history', '8000:8000', METRICS),
        internalAt(CONFIGURED, 'vpn', '8320:8320', "a VPN gateway's control API"),
        internalAt(CONFIGURED, 'shop', '9464:9464', METRICS),
        internalAt(CONFIGURED, 'gateway', '8082:8082', METRICS),
      ],
      output: bound(
        CONFIGURED,
        ['chat', '${METRICS_PORT:-9458}:${METRICS_PORT:-9458}'],
        ['history', '7234:7234'],
        ['history', '8000:8000'],
        ['vpn', '8320:8320'],
        ['shop', '9464:9464'],
        ['gateway', '8082:8082'],
      ),
    },
    {
      name: "Traefik labels route a service through the file's Traefik: even Grafana's own port is a second door",
      code: ROUTED_IN_FILE,
      errors: [behindAt(ROUTED_IN_FILE, 'grafana', '3000:3000', 'traefik')],
      output: bound(ROUTED_IN_FILE, ['grafana', '3000:3000']),
    },
    {
      name: 'Traefik labels in a file without the proxy',
      code: ROUTED_ELSEWHERE,
      errors: [
        {
          ...at(ROUTED_ELSEWHERE, 'bazarr', '6767:6767'),
          messageId: 'routed',
          data: { service: 'bazarr', published: 'port 6767', proxy: 'Traefik' },
          message:
            'Service "bazarr" publishes port 6767 on every network interface, and its labels route it through Traefik, the edge proxy meant to be the one way in. Bind it to 127.0.0.1, or drop the port and let the proxy reach it over the Compose network.',
        },
      ],
      output: bound(ROUTED_ELSEWHERE, ['bazarr', '6767:6767']),
    },
    {
      name: 'a service that starts after the proxy without calling it sits behind it; its DNS ports are its own',
      code: STARTS_AFTER,
      errors: [behindAt(STARTS_AFTER, 'pihole', '8081:80/tcp', 'caddy', 'port 8081')],
      output: bound(STARTS_AFTER, ['pihole', '8081:80/tcp']),
    },
    {
      name: 'a proxy named frontend-proxy fronts its upstream, and then the other backends too',
      code: FRONTS_OTHERS,
      errors: [
        behindAt(FRONTS_OTHERS, 'frontend', '8081:8080', 'frontend-proxy'),
        behindAt(FRONTS_OTHERS, 'cart', '7070', 'frontend-proxy', 'container port 7070 on a random host port'),
      ],
      output: bound(FRONTS_OTHERS, ['frontend', '8081:8080'], ['cart', '7070']),
    },
    {
      name: 'a proxy whose configuration a helper writes, naming the upstream',
      code: CONFIG_WRITER,
      errors: [behindAt(CONFIG_WRITER, 'chat', '3000:3000', 'traefik')],
      output: bound(CONFIG_WRITER, ['chat', '3000:3000']),
    },
    {
      name: "nginx-proxy's VIRTUAL_HOST",
      code: VIRTUAL_HOST,
      errors: [behindAt(VIRTUAL_HOST, 'whoami', '8000:8000', 'nginx-proxy')],
      output: bound(VIRTUAL_HOST, ['whoami', '8000:8000']),
    },
  ],
});
