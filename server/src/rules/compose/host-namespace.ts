import type { Rule } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { overriddenLater } from '../../formats/compose/project';
import { getNode, stringRef } from '../../formats/compose/yaml';
import { reportOnce } from '../utils/report-once';

/** Keys that share one of the host's namespaces when set to `host`, and what the container then sees. */
const NAMESPACES: [key: string, what: string][] = [
  [
    'network_mode',
    "the host's network: it can bind any host port, reach services that listen on localhost only, and sniff traffic",
  ],
  ['pid', "the host's processes: it can see them, their command lines and environments, and signal them"],
  ['ipc', "the host's shared memory and IPC objects"],
  ['uts', "the host's hostname, which it can change"],
  ['userns_mode', 'no user namespace: root in the container is root on the host'],
  ['cgroup', "the host's cgroup namespace"],
];

export const hostNamespace: Rule<ComposeModel> = {
  meta: {
    id: 'compose/host-namespace',
    kind: 'compose',
    defaultSeverity: 'error',
    description:
      "A service shares one of the host's namespaces (network_mode, pid, ipc, uts, userns_mode or cgroup: host).",
    messages: {
      hostNamespace: 'Service "{{service}}" sets {{key}}: host, so it shares {{shared}}.',
    },
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      for (const [key, what] of NAMESPACES) {
        const ref = stringRef(model.text, getNode(model.doc, service.map, key));
        if (!ref || ref.value.trim() !== 'host' || overriddenLater(model, service, key)) continue;
        report({
          messageId: 'hostNamespace',
          data: { service: service.name, key, shared: what },
          start: ref.start,
          end: ref.end,
        });
      }
    }
  },
};
