/**
 * Rules over the course as a whole, each problem naming the chapter file and line:
 * - every teaching chapter ends with a hands-on section, then two or three self-check questions;
 * - no chapter states a known-wrong fact (each may appear only in a sentence that corrects it);
 * - no code block uses a spelling the reference lists as a mistake (`--port`);
 * - no image tag is past its end of life, and Duckietown tags name the CPU architecture;
 * - links between chapters are relative and land on a chapter and an id that exist;
 * - sidebar orders are unique.
 * Pure: src/integrations/lint-content.ts runs it when the build starts; tests pass tiny courses.
 */
import { chapterIds, codeFences, headings, unclosedFence, type LintProblem } from './content-lint.ts';
import { imageTagProblemsAt } from './image-tags.ts';

export interface ChapterSource {
  /** `content/chapters/security.mdx` */
  file: string;
  /** `security` */
  slug: string;
  source: string;
  /** The frontmatter's order, when it is a number. */
  order?: number | undefined;
}

export interface CourseOptions {
  /** The chapter generated from the reference (`commands`): not a teaching chapter. */
  referenceSlug: string;
  /** Spellings the reference lists as mistakes that the CLI really rejects (`--port`, `docker image details`). */
  mistakes: readonly string[];
  /** Other pages a chapter may link to (`explain`, `card`, `links`, `search`). */
  pages: readonly string[];
  /** Anchors of the reference page (`docker-run`, `docker-run-publish`). */
  referenceAnchors: ReadonlySet<string>;
  /** Today as YYYY-MM-DD, for end-of-life dates. */
  today: string;
}

/** Words that mark a sentence as correcting a wrong statement rather than making it. */
const CORRECTION = /\b(not|no|never|wrong|unknown|instead|rejects|myth|does not|is not|isn't|nothing)\b|what is wrong/i;

/** Statements known to be wrong, from the seed chapters and the old Duckietown pages. */
export const WRONG_STATEMENTS: ReadonlyArray<{ what: string; re: RegExp }> = [
  {
    what: 'containers described as virtual machines',
    re: /\bcontainers?\b[^.]*\b(is|are)\b (a |just )?(lightweight |small |mini |tiny )?(virtual machines?|VMs?)\b/i,
  },
  { what: 'Docker described as a lightweight VM', re: /\bDocker\b[^.]*\bis\b[^.]*\b(lightweight|small|mini) (VM|virtual machine)/i },
  { what: 'containers partitioning the hardware', re: /partition(s|ing)? (the )?hardware/i },
  { what: 'Docker needing a hypervisor on Linux', re: /\bDocker\b[^.]*\b(needs|requires|runs on|uses) (a |an )?hypervisor\b/i },
  { what: 'a --port flag', re: /--port\b/ },
  { what: '-d as --device', re: /`-d`[^.]{0,12}`--device`|`--device`[^.]{0,6}\(`-d`\)|-d, --device/ },
  { what: '-H as --hostname', re: /`-H`[^.]{0,12}`--hostname`|`--hostname`[^.]{0,6}\(`-H`\)|-H, --hostname|--hostname duckiebot/ },
  { what: 'docker image details', re: /docker image details/ },
  { what: 'system prune removing volumes by default', re: /system prune(?! -a| --volumes)[^.]*(remove|delete)s?\b[^.]*volumes(?! unless)/i },
  { what: 'system prune removing every unused image by default', re: /system prune(?! -a)[^.]*(remove|delete)s?\b[^.]*\b(all|every) (unused )?images?\b/i },
  { what: 'attach opening a shell', re: /\battach\b[^.]*\b(opens?|gives you|starts?) (a |an )?(new )?(shell|terminal|bash)/i },
  { what: '"just pull again" as an update', re: /(just|simply) pull(ing)?( the (container )?image| it)? again|as easy as pulling/i },
  { what: 'latest meaning the newest version', re: /`?latest`?[^.]*\b(always )?(points?|pointing) to the (latest|newest|most recent)/i },
  { what: 'one image for laptop and robot (ignores the CPU architecture)', re: /\bsame image works\b[^.]*\bon the (robot|Jetson|Duckiebot)\b/i },
  { what: 'ros:noetic as a tag to use (ROS Noetic reached end of life in May 2025)', re: /\bros:noetic\b/ },
  { what: '"keep Docker updated" against the course\'s version pin', re: /\bkeep docker (updated|up to date)\b/i },
  { what: 'a "random" container ID as hostname', re: /\brandom container ID\b/i },
];

/** Lines of prose (frontmatter and code blocks blanked, numbering kept). */
function proseOf(source: string): string[] {
  const lines = source.split('\n');
  for (const f of codeFences(source)) for (let i = f.line - 1; i < f.endLine && i < lines.length; i++) lines[i] = '';
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    for (let i = 0; i <= end; i++) lines[i] = '';
  }
  return lines;
}

/** Sentences of the prose with the line each starts on and the sentence after it. */
export function sentences(source: string): Array<{ sentence: string; line: number; next: string }> {
  const out: Array<{ sentence: string; line: number; next: string }> = [];
  const lines = proseOf(source);
  let para: Array<{ text: string; line: number }> = [];
  const flush = () => {
    if (!para.length) return;
    let flat = '';
    const starts: Array<{ at: number; line: number }> = [];
    for (const p of para) {
      if (flat) flat += ' ';
      starts.push({ at: flat.length, line: p.line });
      flat += p.text.trim().replace(/\s+/g, ' ');
    }
    const bounds = [0, ...[...flat.matchAll(/(?<=[.!?:])\s+(?=[A-Z`(*"])/g)].map((m) => m.index + m[0].length)];
    const parts = bounds.map((b, i) => flat.slice(b, bounds[i + 1]).trim());
    // Bounds and line starts both increase: walk them together.
    let k = 0;
    parts.forEach((s, i) => {
      while (k + 1 < starts.length && starts[k + 1]!.at <= bounds[i]!) k++;
      out.push({ sentence: s, line: starts[k]!.line, next: parts[i + 1] ?? '' });
    });
    para = [];
  };
  lines.forEach((text, i) => {
    if (text.trim()) para.push({ text, line: i + 1 });
    else flush();
  });
  flush();
  return out;
}

/** Structure of a teaching chapter: ..., Hands-on, Self-check with two or three answered questions. */
function structureProblems(c: ChapterSource): LintProblem[] {
  const out: LintProblem[] = [];
  const report = (line: number, message: string) => out.push({ file: c.file, line, message });
  const h2 = headings(c.source).filter((h) => h.depth === 2);
  const last = h2.at(-1);
  const handsOn = h2.at(-2);
  if (h2.length < 3 || last?.id !== 'self-check' || handsOn?.id !== 'hands-on') {
    report(
      last?.line ?? 1,
      'a chapter ends with two sections: `## Hands-on {#hands-on}` (something to do), then `## Self-check {#self-check}` (two or three <SelfCheck> questions), after at least one section of its own',
    );
    return out;
  }
  const lines = c.source.split('\n');
  const selfCheck = lines.slice(last.line).join('\n');
  const questions = [...selfCheck.matchAll(/<SelfCheck\b[^>]*\bquestion="([^"]*)"[^>]*>([\s\S]*?)<\/SelfCheck>/g)];
  if (questions.length < 2 || questions.length > 3) report(last.line, `the self-check has ${questions.length} question(s); ask two or three`);
  for (const q of questions) {
    const line = last.line + selfCheck.slice(0, q.index).split('\n').length;
    if (!q[1]!.trim().endsWith('?')) report(line, `self-check question "${q[1]}" does not end with "?"`);
    if (q[2]!.trim().length <= 20) report(line, `self-check question "${q[1]}" has no answer: write the answer between <SelfCheck ...> and </SelfCheck>`);
  }
  const handsOnText = lines.slice(handsOn.line, last.line - 1).join('\n');
  if (!/```(bash|console)|^\d+\. /m.test(handsOnText))
    report(handsOn.line, 'the hands-on section has nothing to do: give it a bash or console block or numbered steps');
  return out;
}

/** Check the whole course. */
export function checkCourse(chapters: readonly ChapterSource[], opts: CourseOptions): LintProblem[] {
  const problems: LintProblem[] = [];
  const bySlug = new Map(chapters.map((c) => [c.slug, c]));
  const ids = new Map<string, ReadonlyMap<string, number>>();
  const idsOf = (slug: string) => {
    let m = ids.get(slug);
    if (!m) ids.set(slug, (m = chapterIds(bySlug.get(slug)?.source ?? '')));
    return m;
  };
  const escape = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const mistakeRe = opts.mistakes.length ? new RegExp(`(?:^|\\s)(?:${opts.mistakes.map(escape).join('|')})(?=\\s|=|$)`, 'm') : undefined;

  const byOrder = new Map<number, string[]>();
  for (const c of chapters) if (c.order !== undefined) byOrder.set(c.order, [...(byOrder.get(c.order) ?? []), c.file]);
  for (const c of chapters) {
    const report = (line: number, message: string) => problems.push({ file: c.file, line, message });
    const others = c.order === undefined ? [] : byOrder.get(c.order)!.filter((f) => f !== c.file);
    if (others.length) {
      const line = c.source.split('\n').findIndex((l) => /^order:/.test(l)) + 1;
      report(line, `order ${c.order} is also the order of ${others.join(', ')}; each chapter needs its own place in the sidebar`);
    }

    // Image tags anywhere after the frontmatter (prose and code), found in one pass over the text.
    const front = /^---\n[\s\S]*?\n---(\n|$)/.exec(c.source)?.[0].length ?? 0;
    for (const { index, message } of imageTagProblemsAt(c.source.slice(front), opts.today)) {
      report(c.source.slice(0, front + index).split('\n').length, message);
    }

    // Links: relative, to a chapter or page that exists, and to an id on it.
    proseOf(c.source).forEach((text, i) => {
      for (const m of text.replace(/`[^`]*`/g, '').matchAll(/\]\(\s*<?([^)\s>]+)/g)) {
        const href = m[1]!;
        if (/^[a-z][a-z0-9+.-]*:/i.test(href)) continue;
        const where = (message: string) => report(i + 1, `link to "${href}": ${message}`);
        const form = /^(?:\.\.\/([a-z0-9-]+)\/)?(?:#(.*))?$/.exec(href);
        if (!form || (form[1] === undefined && form[2] === undefined)) {
          where(
            'links between pages are relative, "../chapter/" or "../chapter/#section-id" (or "#section-id" on this page), so the site also works under a sub-path',
          );
          continue;
        }
        const page = form[1] ?? c.slug;
        const anchor = form[2];
        if (page === opts.referenceSlug) {
          if (anchor && !opts.referenceAnchors.has(anchor))
            where(`the command reference has no #${anchor} (a command is its words joined with "-", e.g. #docker-run-publish)`);
        } else if (bySlug.has(page)) {
          if (anchor !== undefined && !idsOf(page).has(anchor)) where(`${bySlug.get(page)!.file} has no heading, figure or tab with id "${anchor}"`);
        } else if (!opts.pages.includes(page)) {
          where(`there is no chapter "${page}" (content/chapters/${page}.mdx) and no page /${page}/`);
        }
      }
    });

    // The command reference (or a copy of it, as the bench makes) is generated, not taught.
    if (c.slug === opts.referenceSlug || /<CommandReference\b/.test(c.source)) continue;
    // An unclosed fence or an empty chapter is reported by the lint; its structure would only repeat it.
    const body = c.source.replace(/^---\n[\s\S]*?\n---(\n|$)/, '');
    const readable = !codeFences(c.source).some((f) => unclosedFence(f)) && body.split('\n').some((l) => l.trim() && !/^\s*(import|export)\s/.test(l));
    if (readable) problems.push(...structureProblems(c));
    for (const { sentence, line, next } of sentences(c.source)) {
      for (const { what, re } of WRONG_STATEMENTS) {
        if (re.test(sentence) && !CORRECTION.test(sentence) && !CORRECTION.test(next)) {
          report(line, `states a known-wrong fact (${what}): "${sentence}"; correct it, or say in the sentence or the next one that it is wrong`);
        }
      }
    }
    if (mistakeRe) {
      for (const f of codeFences(c.source)) {
        if (f.lang === 'text' || !f.closed) continue;
        const m = mistakeRe.exec(f.code);
        if (m) report(f.line, `the code block uses "${m[0].trim()}", listed as a mistake in content/reference/commands.yaml`);
      }
    }
  }
  return problems;
}
