import type { Fix, Rule } from '../../core/types';
import type { ComposeModel } from '../../formats/compose/model';
import { isRuntimeSocket } from '../../formats/compose/host-paths';
import { bindMounts, dotenvLookup } from '../../formats/compose/resolve';
import { readOnlyEdit } from '../utils/compose-edits';
import { reportOnce } from '../utils/report-once';

/** Host paths whose contents let a container take over or read out the host, even read-only. */
const ALWAYS: [pattern: RegExp, what: string][] = [
  [/^\/$/, "the host's whole filesystem"],
  [/^\/etc$/, "the host's configuration, /etc/shadow included"],
  [
    /^\/etc\/(?:shadow|gshadow|sudoers(?:\.d)?|ssh|kubernetes|docker)(?:\/.*)?$/,
    'host credentials or daemon configuration',
  ],
  [/^\/root(?:\/.*)?$/, "root's home folder"],
  [/^~$|^\/home(?:\/[^/]+)?$|^\/Users(?:\/[^/]+)?$/, 'a whole home folder, with its SSH keys and tokens'],
  [
    /(?:^~|^\/home\/[^/]+|^\/Users\/[^/]+)\/\.(?:ssh|aws|kube|docker|gnupg|config\/gcloud|azure|netrc)(?:\/.*)?$/,
    'credentials kept in a home folder',
  ],
  [/^\/proc(?:\/.*)?$/, "the host's /proc"],
  [/^\/sys(?:\/.*)?$/, "the host's /sys"],
  [/^\/dev$/, 'every host device, raw disks included'],
  [/^\/boot(?:\/.*)?$/, 'the kernel and boot loader'],
  [/^\/var\/lib\/(?:docker|containerd|containers|kubelet)(?:\/.*)?$/, "every container's files and secrets"],
];

/** Host paths that are harmless to read but let a writer plant code or erase traces. */
const WHEN_WRITABLE: [pattern: RegExp, what: string][] = [
  [/^\/(?:usr|bin|sbin|lib|lib32|lib64|opt)(?:\/.*)?$/, 'host programs and libraries'],
  [
    /^\/etc\/(?:passwd|group|cron\.d|crontab|systemd|init\.d|profile\.d|ld\.so\.preload)(?:\/.*)?$/,
    'host accounts or start-up files',
  ],
  [/^\/var\/(?:log|spool\/cron)(?:\/.*)?$/, 'host logs or scheduled jobs'],
];

/** The host path to judge: `$HOME` and `${HOME}` as `~` (the shell sets them, not .env), trailing slashes dropped. */
function hostPath(written: string, resolved: string): string {
  const home = /^(?:\$\{HOME\}|\$HOME)(?=\/|$)/.exec(written);
  const path = home ? `~${written.slice(home[0].length)}` : resolved;
  let end = path.length;
  while (end > 1 && path[end - 1] === '/') end--;
  return path.slice(0, end);
}

export const sensitiveHostMount: Rule<ComposeModel> = {
  meta: {
    id: 'compose/sensitive-host-mount',
    kind: 'compose',
    defaultSeverity: 'error',
    description: 'A sensitive host path (/, /etc, /proc, /var/lib/docker, ~/.ssh…) is bind-mounted into a container.',
    messages: {
      writableMount: 'Service "{{service}}" mounts {{path}} ({{what}}) writable: the container can change the host.',
      readOnlyMount:
        'Service "{{service}}" mounts {{path}} ({{what}}) read-only: the container can still read everything in it.',
    },
    fixable: 'review',
  },
  check(model, context) {
    const report = reportOnce(context);
    const lookup = dotenvLookup(context.facts);
    for (const service of model.services) {
      for (const mount of bindMounts(model, service, lookup)) {
        const path = hostPath(mount.written, mount.source);
        // Runtime sockets and their folders are compose/docker-socket's.
        if (isRuntimeSocket(path)) continue;
        const always = ALWAYS.find(([pattern]) => pattern.test(path));
        const writable = mount.readOnly ? undefined : WHEN_WRITABLE.find(([pattern]) => pattern.test(path));
        const match = always ?? writable;
        if (!match) continue;
        if (mount.readOnly) {
          report({
            messageId: 'readOnlyMount',
            data: { service: service.name, path: mount.written, what: match[1] },
            start: mount.start,
            end: mount.end,
            severity: 'warning',
          });
          continue;
        }
        const edit = readOnlyEdit(model, mount);
        const fixes: Fix[] = edit
          ? [
              {
                title: mount.short ? 'Mount it read-only (":ro")' : 'Mount it read-only (read_only: true)',
                edits: [edit],
                preferred: true,
                needsReview: true,
              },
            ]
          : [];
        report({
          messageId: 'writableMount',
          data: { service: service.name, path: mount.written, what: match[1] },
          start: mount.start,
          end: mount.end,
          fixes,
        });
      }
    }
  },
};
