/**
 * What a policy promises about how the software is deployed, read from its sentences and list
 * items: "Backend and frontend run as non-root users", "Only nginx exposes ports to the host",
 * "Containers use read-only root filesystems where possible". Each promise has a kind, the services
 * it names (none: every service) and whether it is hedged ("where possible"), which lowers the
 * severity of a broken one. rules/utils/promises.ts checks them against the Compose files.
 */
import type { DeploymentPromise, PromiseKind, Sentence } from './model';
import { trimEndOf } from '../../core/text';
import { isNegated } from './negation';

interface PromisePhrase {
  kind: PromiseKind;
  /** The words that state the promise. */
  pattern: RegExp;
  /** Words that must also be in the sentence (the thing the promise is about). */
  about?: RegExp;
  /** The phrase says "not" itself ("never as root"): a negation before it does not turn it around. */
  negative?: boolean;
}

const SOCKET = /\bdocker(?:\.sock|'s)? (?:daemon )?socket\b|\bdocker\.sock\b|\bcontainer runtime socket\b/i;

/**
 * One row per way of saying a promise (one long alternation is slow to prove free of backtracking);
 * the first that matches a sentence decides its kind.
 */
const PHRASES: readonly PromisePhrase[] = [
  { kind: 'non-root', pattern: /\bnon-?root\b|\bunprivileged users?\b|\brootless\b/i },
  {
    kind: 'non-root',
    pattern: /\b(?:never|not|no (?:container|service)s?) (?:run(?:s|ning)? )?as root\b/i,
    negative: true,
  },
  {
    kind: 'non-root',
    pattern: /\brun(?:s|ning)? as (?:an? )?(?:dedicated|regular|separate) users?\b|\bas user \d+\b/i,
  },
  {
    kind: 'read-only-root',
    pattern: /\bread-?only (?:root )?(?:file ?systems?|containers?)\b|\bimmutable (?:root )?file ?systems?\b/i,
  },
  {
    kind: 'no-privileged',
    pattern: /\bno privileged containers?\b|\b(?:never|not) (?:run )?(?:in )?privileged\b|\bwithout privileged mode\b/i,
    negative: true,
  },
  {
    kind: 'capabilities-dropped',
    pattern:
      /\bdrop(?:s|ped|ping)? (?:all )?(?:linux |kernel )?capabilities\b|\bcap_drop\b|\bwith no (?:extra |added )?capabilities\b/i,
  },
  { kind: 'no-new-privileges', pattern: /\bno-new-privileges\b|\bno new privileges\b/i },
  { kind: 'socket-proxy', pattern: /\bproxy\b/i, about: SOCKET },
  {
    kind: 'no-socket',
    pattern:
      /\b(?:never|not|no) (?:mount(?:ed)?|expose[ds]?|access|share[ds]?|give[ns]?|hand(?:ed)?)\b|\bno access\b|\bwithout (?:access to )?the\b/i,
    about: SOCKET,
    negative: true,
  },
  { kind: 'socket-read-only', pattern: /\bread-?only\b|:ro\b/i, about: SOCKET },
  {
    kind: 'only-publishes',
    pattern:
      /\bonly ([A-Za-z][\w.-]*(?:(?:, | and | & |\/)[A-Za-z][\w.-]*){0,4}) (?:exposes?|publish(?:es)?|listens? on|opens?|binds?) (?:any |its |their )?(?:ports?|to the host|on the host|publicly)/i,
  },
  {
    kind: 'internal-not-published',
    pattern: /\binternal services? (?:[\w'-]+ ){0,6}(?:isolated|internal|private) (?:docker )?networks?\b/i,
  },
  {
    kind: 'internal-not-published',
    pattern:
      /\b(?:databases?|redis|postgres(?:ql)?|internal services?) (?:are|is) not (?:exposed|published|reachable)\b/i,
  },
  {
    kind: 'no-default-credentials',
    pattern: /\bchange (?:the |all |any )?default (?:[\w-]+ ){0,4}(?:credentials|passwords?|secrets)\b/i,
  },
  { kind: 'no-default-credentials', pattern: /\bno default (?:credentials|passwords?)\b/i },
  {
    kind: 'no-default-credentials',
    pattern:
      /\b(?:update|change|set) (?:the |your )?(?:postgres(?:ql)?|redis|mysql|mariadb|mongo(?:db)?|database|db|admin) password\b/i,
  },
  {
    kind: 'no-default-credentials',
    pattern: /\bgenerate (?:a )?(?:strong|random|unique) (?:jwt |session |signing )?(?:secret|key|password)s?\b/i,
  },
  {
    kind: 'no-default-credentials',
    pattern: /\bsecrets? (?:are )?generated (?:at|on|during) (?:install|first start|setup)\b/i,
  },
  { kind: 'production-certificates', pattern: /\bLETSENCRYPT_STAGING=false\b/i },
  { kind: 'production-certificates', pattern: /\b(?:real|production|trusted) (?:TLS )?certificates?\b/i },
  {
    kind: 'production-certificates',
    pattern:
      /\bstaging (?:CA |mode |server )?(?:is |stays )?(?:turned |switched |set )?(?:to )?(?:off|false|disabled)\b/i,
  },
  {
    kind: 'pinned-images',
    pattern:
      /\bimages? (?:are |is )?pinned\b|\bpin(?:ned|s)? (?:the |all )?(?:image )?(?:versions|tags|digests)\b|\bnever (?:use )?(?:the )?:?latest\b/i,
    negative: true,
  },
];

/**
 * The promises whose subject names the services they hold for ("The worker runs as…"). The others are
 * about the deployment as a whole: "The Let's Encrypt staging mode is off" names no service.
 */
const ABOUT_SERVICES: ReadonlySet<PromiseKind> = new Set([
  'non-root',
  'read-only-root',
  'no-privileged',
  'capabilities-dropped',
  'no-new-privileges',
  'no-socket',
  'socket-read-only',
  'socket-proxy',
]);

/** A short topic before a colon that opens a list item: "Non-root Containers: ". */
const LABEL = /^[^:.]{1,40}: /;

/** Words that hedge a promise: it holds in general, not for every container. */
const HEDGE =
  /\bwhere(?:ver)? (?:possible|feasible|practical|supported)\b|\bwhen(?:ever)? possible\b|\bif possible\b|\bas (?:far|much) as possible\b|\b(?:most|some|many) (?:of (?:the|our) )?(?:containers|services|images)\b|\bby default\b|\b(?:aim|try|strive)s? to\b|\btypically\b|\busually\b/i;

/** Words of a subject that name no service: "the", "all", "containers", "our". */
const NOT_SERVICES = new Set(
  `the a an all our its their your every each container containers service services image images app apps application
  applications we it they this these those and or of in on with by for to both also other default internal production
  docker compose stack deployment deployments official`.split(/\s+/),
);

/** Words that end a sentence's subject: "Backend and frontend | run as…", "The agent | requires…". */
const SUBJECT_END =
  /^(?:run|runs|running|use|uses|using|reach|reaches|require|requires|need|needs|get|gets|has|have|is|are|be|must|should|will|can|may|only|never|do|does|expose|exposes|publish|publishes|mount|mounts|access|accesses|talk|talks|connect|connects|listen|listens|set|sets|change|ensure|make)$/;

/** The services a promise names as its subject, before its verb: "Backend and frontend run…", "The agent requires…". */
function namedServices(clause: string): string[] {
  const names: string[] = [];
  for (const raw of clause.toLowerCase().split(/[^a-z0-9_.-]+/)) {
    // Dots and dashes around a word are punctuation ("api.", "--worker").
    const word = trimEndOf(raw.replace(/^[.-]+/, ''), '.-');
    if (SUBJECT_END.test(word)) break;
    if (word.length > 1 && !NOT_SERVICES.has(word) && !names.includes(word)) names.push(word);
  }
  return names;
}

/** The promise a sentence makes, if any. */
function promiseIn(sentence: Sentence): DeploymentPromise | undefined {
  const { plain } = sentence;
  // A list item often opens with its topic ("Non-root Containers: Backend and frontend run as…"):
  // the promise, and the services it names, are in what follows the label.
  const label = LABEL.exec(plain);
  const body = label ? plain.slice(label[0].length) : plain;
  for (const phrase of PHRASES) {
    if (phrase.about && !phrase.about.test(body)) continue;
    const match = phrase.pattern.exec(body);
    if (!match) continue;
    if (!phrase.negative && isNegated(body, match.index)) continue;
    let services: string[] = [];
    if (phrase.kind === 'only-publishes') {
      services = match[1].split(/, | and | & |\//).map((name) => name.toLowerCase());
    } else if (ABOUT_SERVICES.has(phrase.kind)) {
      // The subject: the words of the clause before the phrase ("Backend and frontend run as non-root users").
      const before = body.slice(0, match.index);
      const clause = before.slice(Math.max(before.lastIndexOf(':'), before.lastIndexOf(';')) + 1);
      services = namedServices(clause.replace(SOCKET, ' '));
    }
    return {
      kind: phrase.kind,
      services,
      hedged: HEDGE.test(plain),
      start: sentence.start,
      end: sentence.end,
      text: plain,
    };
  }
  return undefined;
}

/**
 * The deployment promises of a policy, from its sentences and list items. A promise said again
 * ("Change default credentials" above "Update PostgreSQL password") is kept once, where it is first made.
 */
/** The promise each paragraph sentence makes, in order; the same promise may come more than once. */
export function promiseCandidates(sentences: readonly Sentence[]): DeploymentPromise[] {
  const promises: DeploymentPromise[] = [];
  for (const sentence of sentences) {
    // Headings name topics, and table cells list things (an image tag "2-rootless"), not promises.
    if (sentence.block.type !== 'paragraph') continue;
    const promise = promiseIn(sentence);
    if (promise) promises.push(promise);
  }
  return promises;
}

/** The first of each promise: the same kind for the same services counts once. */
export function firstOfEachPromise(candidates: readonly DeploymentPromise[]): DeploymentPromise[] {
  const made = new Set<string>();
  return candidates.filter((promise) => {
    const key = `${promise.kind} ${[...promise.services].sort().join(',')}`;
    if (made.has(key)) return false;
    made.add(key);
    return true;
  });
}
