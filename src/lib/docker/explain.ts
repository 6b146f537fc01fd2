/**
 * The explainer: the tokens of a line (tokenize.ts), each described in a sentence, with its
 * problems (the same the checker reports), its reference anchor, and a summary of the risky
 * parts at the top. Pure, no DOM: /explain/ runs it in the browser on the model embedded at build
 * time, tests/unit/explain.test.ts in Node. Input is capped (LIMITS) so any paste stays fast.
 */
import { describeImage, describeValue, type RiskId } from './describe.ts';
import { indexModel, versionsPhrase, type Model, type ModelCommand, type ModelFlag, type ModelIndex } from './model.ts';
import { tokenize, type Edit, type Limits, type Problem, type Segment, type Suggestion, type Token, type TokenKind } from './tokenize.ts';
import { segmentRisks } from './risks.ts';
import { flagLabel } from './word-shapes.ts';
import { CLI_VARIABLES } from './variables.ts';
import type { ValueKind } from './kinds.ts';

export interface ExplainData {
  /** URL of the reference page (base path included), e.g. `/docker-basics/commands/`. */
  referenceUrl: string;
  model: Model;
  /** URL of the folder of the commands' full flag lists (`<flagsUrl><docker-run>.json`, see splitModel), for commands the model marks `partial`. */
  flagsUrl?: string;
}

export type PartKind = TokenKind;

export interface Part {
  /** The text as the CLI sees it (for a bundled flag, just its letter: `-t` out of `-itd`). */
  text: string;
  kind: PartKind;
  /** Short name of what it is: `-p, --publish`, `image`, `docker run`. */
  label: string;
  /** What it does, in a sentence or two. */
  explanation: string;
  /** Reference anchor (`docker-run-publish`); the page turns it into a link. */
  anchor?: string;
  /** The word the part was split from (`-itd`, `--name=bot`). */
  from?: string;
  caution?: string;
  /** Problems of the part: errors (docker or the shell would not do what is written) and warnings. */
  problems: Array<Pick<Problem, 'code' | 'severity' | 'message' | 'suggestion'>>;
  /** The first problem's suggestion, if any ("did you mean"). */
  suggestion?: Suggestion;
}

export interface Risk {
  id: RiskId;
  text: string;
  /** Reference anchor to read more. */
  anchor?: string;
  /** Index in Explanation.parts of the part that causes it. */
  part?: number;
}

/** One line of the verdict: a problem, said once, linked to its part. */
export interface VerdictLine {
  text: string;
  /** Index in Explanation.parts. */
  part: number;
}

/** What the line as a whole will do wrong, above the parts. */
export interface Verdict {
  /** Errors: docker or the shell would not do what is written. Each said once. */
  problems: VerdictLine[];
  /** The line repaired (a typo'd flag or command, a flag after the image, an unclosed quote), when every problem can be. */
  fix?: string;
}

export interface Explanation {
  verdict: Verdict;
  parts: Part[];
  /** The risky parts of the line, for the summary at the top. */
  risks: Risk[];
  /** Canonical name of the first docker command, when one was recognised. */
  command?: string;
  /** Every docker command of the line (`docker ps -a && docker images` has two). */
  commands: string[];
  /** Set when the line is not a docker command at all. */
  error?: string;
  /** Set when the input was cut: "Only the first 4000 characters were explained ...". */
  truncated?: string;
  /** Commands of the line whose full flag list is not loaded yet (load ExplainData.flagsUrl, then explain again). */
  incomplete?: string[];
}

/** What the explainer processes at most (issue: hostile pastes must not freeze the page). */
export const LIMITS: Limits = { chars: 4000, tokens: 250 };

/** The most characters of a line the page writes into its address (?cmd=): nginx answers 414, Node 431 to long ones. */
export const URL_CHARS = 1000;

/** The line as the address keeps it: whole when short, else cut at the last line end or space before URL_CHARS. */
export function capForUrl(line: string): { text: string; cut: boolean } {
  const t = line.trim();
  if (t.length <= URL_CHARS) return { text: t, cut: false };
  const head = t.slice(0, URL_CHARS);
  const at = Math.max(head.lastIndexOf('\n'), head.lastIndexOf(' '));
  return { text: (at > URL_CHARS / 2 ? head.slice(0, at) : head).trimEnd(), cut: true };
}

/**
 * The value kind of a flag: the one the reference declares, else the one its name implies for
 * the flags whose meaning is the same in every command (`-f, --file` of Compose and build,
 * `--platform` of build and pull), so their values are read in context too.
 */
const KIND_BY_NAME: Readonly<Record<string, ValueKind>> = { '--file': 'file', '--platform': 'platform', '--restart': 'restart', '--env': 'env' };
const kindOf = (f: ModelFlag): ValueKind | undefined => f.value ?? KIND_BY_NAME[f.long];

/**
 * Cautions of the reference that hold only with another flag on the line: -p's "ignored under
 * --network host" is said when the host network is there (and then by the verdict's risk).
 */
const CAUTION_NEEDS: Record<string, (seg: Segment) => boolean> = {
  '--publish': () => false,
  '--publish-all': () => false,
};

const indexes = new WeakMap<Model, ModelIndex>();
const indexOf = (m: Model) => {
  let i = indexes.get(m);
  if (!i) indexes.set(m, (i = indexModel(m)));
  return i;
};

const OPERATORS: Record<string, string> = {
  '&&': 'Run the next command only if the one before succeeded.',
  '||': 'Run the next command only if the one before failed.',
  ';': 'Then run the next command.',
  '|': 'Pipe: the output of the command before becomes the input of the next.',
  '&': 'Run the command before in the background of your shell.',
};

/** Programs that run the docker command after them (tokenize.ts RUNNERS); their manual pages say so. */
const RUNNER_MEANINGS: Readonly<Record<string, string>> = {
  xargs: 'xargs runs the docker command after it with the words it reads from its input (the output of the command before the pipe) added at the end.',
  watch: 'watch runs the docker command after it every 2 seconds (or every -n seconds) and shows its latest output.',
  time: 'time runs the docker command after it and then prints how long it took.',
  nohup: 'nohup runs the docker command after it so that it keeps running when you close the terminal.',
};

/** The versions the explainer knows, for the page's footnote. */
export const explainVersions = (data: ExplainData): string => versionsPhrase(data.model);

/** Explain a docker command line, part by part. */
export function explain(input: string, data: ExplainData, limits: Limits = LIMITS): Explanation {
  const index = indexOf(data.model);
  if (!input.trim())
    return { verdict: { problems: [] }, parts: [], risks: [], commands: [], error: 'Paste a docker command, e.g. docker run --rm ubuntu:22.04 ls' };
  const { segments, truncated, text } = tokenize(input, index, limits);
  const parts: Part[] = [];
  const risks: Risk[] = [];
  const addRisk = (r: Risk) => {
    if (!risks.some((x) => x.id === r.id && x.text === r.text)) risks.push(r);
  };
  const commands: string[] = [];
  const partOf = new Map<Token, number>();
  const problems: VerdictLine[] = [];
  const edits: Edit[] = [];
  let repairable = true;
  for (const seg of segments) {
    if (seg.docker && seg.command) commands.push(seg.command);
    const hostNetwork = seg.tokens.some((t) => t.kind === 'value' && (t.flag?.of ?? t.flag?.long) === '--network' && t.text === 'host');
    for (let k = 0; k < seg.tokens.length; k++) {
      const t = seg.tokens[k]!;
      const at = parts.length;
      partOf.set(t, at);
      // A variable in front of docker is read by the docker client: its global options are the match.
      const cmd = t.command ? index.byName.get(t.command) : t.kind === 'variable' ? index.byName.get('docker') : undefined;
      const part = describeToken(t, cmd, seg.tokens[k - 1], seg.docker, (r) => addRisk({ ...r, part: at }), seg);
      if (seg.nested && t.kind === 'program') part.explanation = `Run first by your shell, to fill in the $( ) of the command: ${part.explanation}`;
      const long = t.flag?.of ?? t.flag?.long;
      if (t.kind === 'flag' && long && long in CAUTION_NEEDS && !hostNetwork) delete part.caution;
      parts.push(part);
      for (const p of t.problems) {
        if (p.severity !== 'error') continue;
        const said = p.message.replace(/; did you mean .*$/, '.');
        if (!problems.some((x) => x.text === said)) problems.push({ text: said, part: at });
        if (p.fix && !seg.nested) edits.push(...p.fix);
        else repairable = false;
      }
    }
    if (!seg.nested)
      for (const r of segmentRisks(seg, index)) {
        const flag = r.token.flag
          ? r.token.flag.of
            ? index.byName.get(seg.command!)?.flags.find((f) => f.long === r.token.flag!.of)
            : r.token.flag
          : undefined;
        const anchor = flag?.anchor ?? (r.token.command ? index.byName.get(r.token.command)?.anchor : undefined);
        addRisk({ id: r.id, text: r.text, ...(anchor ? { anchor } : {}), part: partOf.get(r.token)! });
      }
  }
  const verdict: Verdict = { problems };
  if (problems.length && repairable && edits.length) {
    const fixed = repair(applyEdits(text, edits), index, limits);
    if (fixed) verdict.fix = fixed;
  }
  const out: Explanation = { verdict, parts, risks, commands };
  const incomplete = [...new Set(segments.flatMap((s) => s.tokens.map((t) => t.command).filter((n): n is string => !!n && !!index.byName.get(n)?.partial)))];
  if (incomplete.length) out.incomplete = incomplete;
  if (commands[0]) out.command = commands[0];
  if (!segments.some((s) => s.docker)) {
    const first = parts[0];
    const mistake = first?.problems.find((p) => p.code === 'not-docker');
    out.error = mistake
      ? `${first!.text} is not the docker command.`
      : `This is not a docker command: it starts with "${first?.text ?? ''}" instead of "docker".`;
  }
  if (truncated) {
    out.truncated =
      truncated.what === 'characters'
        ? `Only the first ${truncated.limit} characters were explained (the line has ${input.length}).`
        : `Only the first ${truncated.limit} parts were explained; the rest of the line was not read.`;
  }
  return out;
}

/**
 * The repaired line, offered only when it is one: walked again, it has no error left. A repair
 * can reveal the next problem (`docker rnu Ubuntu -it bash`: once run is a command, Ubuntu is its
 * image), so it is repaired again, a few rounds at most.
 */
function repair(line: string | undefined, index: ModelIndex, limits: Limits): string | undefined {
  for (let round = 0; line !== undefined && round < 3; round++) {
    const edits: Edit[] = [];
    const { segments, text } = tokenize(line, index, limits);
    for (const seg of segments)
      for (const t of seg.tokens)
        for (const p of t.problems) {
          if (p.severity !== 'error') continue;
          if (!p.fix || seg.nested) return undefined;
          edits.push(...p.fix);
        }
    if (!edits.length) return line;
    line = applyEdits(text, edits);
  }
  return undefined;
}

/** Apply edits (non-overlapping) to the text; undefined when two overlap. Prompts (`$ `) are dropped, line ends kept. */
function applyEdits(text: string, edits: Edit[]): string | undefined {
  const sorted = [...edits].sort((a, b) => b.at - a.at || b.end - a.end);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) return undefined;
    out = out.slice(0, e.at) + e.text + out.slice(e.end);
    limit = e.at;
  }
  return out.replace(/^([ \t]*)\$[ \t]+/gm, '$1').trim();
}

function describeToken(t: Token, cmd: ModelCommand | undefined, prev: Token | undefined, docker: boolean, addRisk: (r: Risk) => void, seg?: Segment): Part {
  const part: Part = {
    text: t.text,
    kind: t.kind,
    label: t.text,
    explanation: '',
    problems: t.problems.map(({ code, severity, message, suggestion }) => ({ code, severity, message, ...(suggestion ? { suggestion } : {}) })),
  };
  // A part of a huge word (`-itditd...`) names the start of it only: the page stays light.
  if (t.raw && t.raw !== t.text) part.from = t.raw.length > 40 ? `${t.raw.slice(0, 40)}\u2026` : t.raw;
  const suggestion = t.problems.find((p) => p.suggestion)?.suggestion;
  if (suggestion) part.suggestion = suggestion;
  const anchor = (a?: string) => {
    if (a) part.anchor = a;
  };
  const flagOf = (f: ModelFlag): ModelFlag => (f.of ? (cmd?.flags.find((x) => x.long === f.of) ?? f) : f);
  const error = t.problems.find((p) => p.severity === 'error');
  switch (t.kind) {
    case 'runner':
      part.label = t.text;
      part.explanation =
        RUNNER_MEANINGS[t.text] ??
        (prev?.kind === 'runner' && !t.text.startsWith('-')
          ? `A value of the option before it (${prev.text}).`
          : `An option of ${seg?.tokens[0]?.text ?? 'the program before docker'}.`);
      break;
    case 'sudo':
      part.label = 'sudo';
      part.explanation =
        t.text === 'sudo' ? 'Run as root. Not needed if your user is in the docker group (which is itself root-equivalent).' : 'An option of sudo.';
      break;
    case 'variable': {
      const eq = t.text.indexOf('=');
      const name = t.text.slice(0, eq);
      const value = t.text.slice(eq + 1);
      const known = CLI_VARIABLES[name];
      const flag = known?.flag ? cmd?.flags.find((f) => f.long === known.flag) : undefined;
      part.label = name;
      part.explanation = known
        ? `Sets ${name}, for this command only: ${known.meaning}${flag ? ` (as ${flagLabel(flag)} does)` : ''}.`
        : `Sets the environment variable ${name} to "${value}" for this command only (not one the Docker CLI reference lists).`;
      anchor(flag?.anchor);
      const sudoAfter = !!seg && seg.tokens.indexOf(t) < seg.tokens.findIndex((x) => x.kind === 'sudo');
      if (sudoAfter) part.explanation += ` But sudo comes after it, and sudo starts docker with a reset environment: docker does not see ${name}.`;
      else if (name === 'DOCKER_HOST' && value) {
        const d = describeValue('host', value, name);
        part.explanation += ` ${d.text}`;
        if (d.risk) addRisk({ ...d.risk, ...(flag?.anchor ? { anchor: flag.anchor } : {}) });
      }
      break;
    }
    case 'program':
      part.label = 'docker';
      part.explanation = 'The Docker client. It sends the command to the Docker daemon, which does the work.';
      anchor(cmd?.anchor);
      break;
    case 'command': {
      part.label = cmd?.name ?? t.text;
      const group = !cmd?.args.length && !cmd?.summary;
      part.explanation =
        cmd?.summary ??
        (group ? `${cmd?.name ?? t.text}: the next word says which command.` : `${cmd?.name}; see \`${cmd?.name} --help\` (not described in the reference).`);
      anchor(cmd?.anchor);
      break;
    }
    case 'global-flag':
    case 'flag': {
      const f = t.flag!;
      const shown = flagOf(f);
      part.label = flagLabel(shown);
      const meaning = shown.meaning ?? `A flag of ${cmd?.name}; see \`${cmd?.name} --help\`.`;
      part.explanation = f.of
        ? `${t.text} is the old, hidden spelling of ${f.of}. ${meaning}`
        : f.hidden
          ? `${meaning} (A hidden flag: --help does not list it.)`
          : meaning;
      if (t.raw && /^-[A-Za-z]{2,8}$/.test(t.raw) && prev?.raw !== t.raw && cmd?.topics?.['bundled-flags']) {
        part.explanation += ` (${t.raw} is ${[...t.raw.slice(1)].map((c) => `-${c}`).join(' ')} written together.)`;
      }
      anchor(shown.anchor ?? cmd?.anchor);
      if (shown.caution) part.caution = shown.caution;
      if (shown.risk)
        addRisk({ id: shown.long === '--privileged' ? 'privileged' : 'flag', text: shown.risk, ...(shown.anchor ? { anchor: shown.anchor } : {}) });
      break;
    }
    case 'value': {
      const f = t.flag ? flagOf(t.flag) : undefined;
      part.label = f ? `value of ${t.flag!.long}` : 'value';
      if (!t.text && error) {
        part.label = `missing value of ${f?.long ?? 'the flag'}`;
        part.explanation = error.message;
        break;
      }
      const d = describeValue(f ? kindOf(f) : undefined, t.text, f?.long ?? 'the flag', { command: cmd?.name ?? '', next: nextCommandWords(seg, t) });
      part.explanation = prev?.kind === 'unknown-flag' ? `Probably meant as the value of ${f?.long}: ${d.text}` : d.text;
      if (d.caution) part.caution = d.caution;
      const topic = d.risk?.id === 'docker-socket' ? cmd?.topics?.['docker-socket'] : undefined;
      anchor(topic ?? f?.anchor ?? cmd?.anchor);
      if (d.risk) addRisk({ ...d.risk, ...((topic ?? f?.anchor) ? { anchor: topic ?? f!.anchor! } : {}) });
      break;
    }
    case 'image':
      part.label = 'image';
      part.explanation = error ? error.message : t.subst ? 'The image name comes from the command your shell runs here.' : describeImage(t.text);
      anchor(cmd?.anchor);
      break;
    case 'inner-command':
      part.label = 'command inside the container';
      part.explanation = error
        ? error.message
        : `${t.text} runs inside the container${cmd?.name.endsWith(' run') ? " instead of the image's default command" : ''}.`;
      anchor(cmd?.anchor);
      break;
    case 'inner-argument':
      part.label = 'argument';
      part.explanation = 'An argument of the command run inside the container (docker does not read it).';
      break;
    case 'argument':
      part.label = t.arg?.name ?? 'argument';
      part.explanation = t.arg?.meaning ?? `An argument of ${cmd?.name ?? 'the command'}${t.arg ? ` (${t.arg.name})` : ''}.`;
      anchor(cmd?.anchor);
      break;
    case 'separator':
      part.label = '--';
      part.explanation = 'End of flags: everything after it is an argument.';
      break;
    case 'placeholder':
      part.label = 'placeholder';
      part.explanation = t.text === '...' || t.text === '\u2026' ? 'The rest of the command is left out.' : 'A placeholder: put your own value here.';
      break;
    case 'operator':
      part.label = 'shell operator';
      part.explanation = `${OPERATORS[t.text] ?? 'A shell operator.'} Your shell reads it; docker does not see it.`;
      break;
    case 'redirect':
      part.label = 'redirect';
      part.explanation = t.problems[0]?.message ?? 'A redirect of your shell.';
      break;
    case 'comment':
      part.label = 'comment';
      part.explanation = 'A comment: the shell ignores it.';
      break;
    case 'unknown-flag':
      part.label = 'unknown flag';
      part.explanation = error?.message.replace(/; did you mean .*$/, '.') ?? 'Unknown flag.';
      break;
    case 'unknown-command':
      part.label = docker ? 'unknown command' : 'not the docker CLI';
      part.explanation = docker
        ? (error?.message.replace(/; did you mean .*$/, '').replace(/^unknown docker command (.*)$/, '$1 is not a docker command.') ?? '')
        : (error?.message ?? '');
      break;
    default:
      part.label = 'not explained';
      part.explanation = docker ? 'Not explained: the command before it is unknown.' : 'Not a docker command: your shell runs it.';
  }
  for (const p of t.problems) {
    if (p.code === 'host-command' && !/^docker\b/.test((t.subst ?? []).join(' ').trim()))
      addRisk({ id: 'host-command', text: `Your shell runs \`${(t.subst ?? []).join('; ').trim()}\` on your computer before docker starts.` });
  }
  return part;
}

/** The subcommand words after a token (`up -d` after `-f robot.yaml` in `docker compose -f robot.yaml up -d`). */
function nextCommandWords(seg: Segment | undefined, t: Token): string | undefined {
  if (!seg) return undefined;
  const after = seg.tokens.slice(seg.tokens.indexOf(t) + 1).filter((x) => x.kind === 'command');
  return after.length ? after.at(-1)!.command : undefined;
}
