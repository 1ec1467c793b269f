import { isPair } from 'yaml';
import type { Rule } from '../../core/types';
import { type ComposeModel } from '../../formats/compose/model';
import { findPair, seqItems, stringRef } from '../../formats/compose/yaml';
import { removeSequenceItem } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

/** Capabilities that hand a container control over the host or other containers, and why. */
const DANGEROUS: Record<string, string> = {
  ALL: 'every capability, the same as privileged without the devices',
  SYS_ADMIN: 'mount filesystems, use namespaces and much more: the usual way out of a container',
  SYS_MODULE: 'load kernel modules, which run with full control of the host',
  SYS_PTRACE: 'trace and inject code into other processes, and read their memory',
  SYS_RAWIO: 'raw access to devices and I/O ports',
  SYS_BOOT: 'reboot the host',
  SYS_TIME: "set the host's clock, which breaks certificate and token expiry checks",
  NET_ADMIN: "change the host's network: interfaces, routes and firewall rules",
  DAC_READ_SEARCH: 'read any file on the filesystems it sees, past permissions (the "shocker" escape)',
  BPF: 'load eBPF programs into the kernel',
  PERFMON: 'observe the kernel and other processes through perf events',
  MAC_ADMIN: 'change AppArmor or SELinux policy',
  MAC_OVERRIDE: 'override AppArmor or SELinux policy',
  SYSLOG: 'read the kernel log, which leaks kernel addresses',
  LINUX_IMMUTABLE: 'change immutable and append-only files',
  CHECKPOINT_RESTORE: 'checkpoint and restore other processes',
};

export const dangerousCapability: Rule<ComposeModel> = {
  meta: {
    id: 'compose/dangerous-capability',
    kind: 'compose',
    defaultSeverity: 'error',
    description:
      'cap_add grants a capability (ALL, SYS_ADMIN, SYS_MODULE, NET_ADMIN…) that reaches past the container.',
    messages: {
      dangerous: 'Service "{{service}}" adds {{capability}}: {{risk}}.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    for (const service of model.services) {
      const pair = findPair(model.doc, service.map, 'cap_add');
      if (!pair || !isPair(pair)) continue;
      const items = seqItems(model.doc, pair.value as never);
      const named = items.map((item) => {
        const ref = stringRef(model.text, item);
        return { item, ref, name: ref?.value.trim().toUpperCase().replace(/^CAP_/, '') ?? '' };
      });
      // When every entry goes, each fix empties the list, so that any of them applied together agree.
      const all = named.every(({ name }) => DANGEROUS[name] !== undefined);
      for (const { item, ref, name } of named) {
        const why = DANGEROUS[name];
        if (!ref || !why) continue;
        const removal = removeSequenceItem(model.text, pair, item, all);
        report({
          messageId: 'dangerous',
          data: { service: service.name, capability: name, risk: why },
          start: ref.start,
          end: ref.end,
          fixes: removal
            ? [{ title: `Remove ${ref.value.trim()} from cap_add`, edits: [removal], needsReview: true }]
            : [],
        });
      }
    }
  },
};
