/**
 * Every content rule the build enforces, over the chapters and the command reference, as one list
 * of problems naming the file and the line: the per-chapter lint (content-lint.ts), the docker
 * lines against both CLI versions (docker-lines.ts), the course rules (course-rules.ts) and the
 * reference's image tags (image-tags.ts), the statements and tags of content/reference/known-wrong.yaml
 * (known-wrong.ts). src/integrations/lint-content.ts runs it when the build
 * starts; tests run it on fixture chapter folders.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { COMMANDS_FILE, mistakesOf } from '../docker/model.ts';
import { checkLine } from '../docker/check.ts';
import { aliasAnchors, REFERENCE_CHAPTER, referenceAnchors } from '../reference/commands.ts';
import { chapterIds, lintChapter, type LintProblem } from './content-lint.ts';
import { checkCourse, type ChapterSource } from './course-rules.ts';
import { checkChapterDockerLines, modelFromDisk, referenceFromDisk } from './docker-lines.ts';
import { imageTagProblems, strings } from './image-tags.ts';
import { checkKnownWrong, parseKnownWrong } from './known-wrong.ts';

export interface ContentCheckOptions {
  /** The project root (content/reference/ and src/pages/ are read from here). */
  root: string;
  /** The chapters folder. @default `<root>/content/chapters` */
  chaptersDir?: string;
  /** Today as YYYY-MM-DD, for end-of-life dates. @default today (UTC) */
  today?: string;
}

/** The `order` of a chapter's frontmatter, when it is a number (the schema reports the rest). */
function orderOf(source: string): number | undefined {
  const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1];
  if (front === undefined) return undefined;
  try {
    const order = (parseYaml(front) as { order?: unknown } | null)?.order;
    return typeof order === 'number' ? order : undefined;
  } catch {
    return undefined;
  }
}

/** Check the chapters and the reference; returns the problems and how many chapters were read. */
export function checkContent(opts: ContentCheckOptions): { problems: LintProblem[]; chapters: number } {
  const { root } = opts;
  const dir = opts.chaptersDir ?? join(root, 'content', 'chapters');
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const rel = (p: string) => relative(root, p);
  const problems: LintProblem[] = [];
  const names = readdirSync(dir).sort();
  for (const f of names.filter((n) => /\.(md|markdown)$/.test(n))) {
    problems.push({
      file: rel(join(dir, f)),
      line: 1,
      message: `chapters are MDX files: rename it to ${f.replace(/\.\w+$/, '.mdx')} (only content/chapters/*.mdx is built; this file would be left out of the site)`,
    });
  }
  const chapters: ChapterSource[] = names
    .filter((n) => n.endsWith('.mdx'))
    .map((f) => {
      const source = readFileSync(join(dir, f), 'utf8');
      return { file: rel(join(dir, f)), slug: f.slice(0, -4), source, order: orderOf(source) };
    });
  for (const c of chapters) problems.push(...lintChapter(c.file, c.source));

  const realSlugs = readdirSync(join(root, 'content', 'chapters'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.slice(0, -4));
  const commands = referenceFromDisk(root, [...new Set([...realSlugs, ...chapters.map((c) => c.slug)])]);
  const index = modelFromDisk(root, commands);
  for (const c of chapters) problems.push(...checkChapterDockerLines(c.file, c.source, index));

  // The reference's wrong spellings: a listed command spelling the CLI accepts after all (an alias) is not a mistake.
  const mistakes = mistakesOf(index.model)
    .map((m) => m.wrong)
    .filter((w) => !w.startsWith('docker') || checkLine(w, index, { source: 'mistake' }).length > 0);
  const referencePage = join(root, 'content', 'chapters', `${REFERENCE_CHAPTER}.mdx`);
  const anchors = new Set([
    ...referenceAnchors(commands),
    ...[...aliasAnchors(commands).values()].flat().map((a) => a.id),
    ...(existsSync(referencePage) ? chapterIds(readFileSync(referencePage, 'utf8')).keys() : []),
  ]);
  const pagesDir = join(root, 'src', 'pages');
  const pages = readdirSync(pagesDir).flatMap((f) => (/^[a-z][a-z0-9-]*\.astro$/.test(f) ? [f.slice(0, -6)] : /^[a-z][a-z0-9-]*$/.test(f) ? [f] : []));
  problems.push(...checkCourse(chapters, { referenceSlug: REFERENCE_CHAPTER, mistakes, pages, referenceAnchors: anchors, today }));

  // Image tags in every text field of the reference, located by the entry's first line that shows the tag.
  const yamlLines = readFileSync(join(root, COMMANDS_FILE), 'utf8').split('\n');
  for (const c of commands) {
    const start = Math.max(
      0,
      yamlLines.findIndex((l) => new RegExp(`^\\s*-?\\s*id:\\s*['"]?${c.id}['"]?\\s*$`).test(l)),
    );
    for (const { path, text } of strings(c)) {
      for (const m of imageTagProblems(text, today)) {
        const tag = m.split(' ')[0]!;
        const at = yamlLines.findIndex((l, i) => i >= start && l.includes(tag));
        problems.push({ file: COMMANDS_FILE, line: (at < 0 ? start : at) + 1, message: `"${c.id}" ${path}: ${m}` });
      }
    }
  }
  // Statements and tags listed with their sources in content/reference/known-wrong.yaml.
  const knownWrongFile = join(root, 'content', 'reference', 'known-wrong.yaml');
  if (existsSync(knownWrongFile)) {
    const knownWrong = parseKnownWrong(readFileSync(knownWrongFile, 'utf8'), rel(knownWrongFile));
    for (const c of chapters) problems.push(...checkKnownWrong(c.file, c.source, knownWrong, today));
  }
  // Each file's problems in line order, as an author fixes them.
  const order = new Map<string, number>();
  for (const p of problems) if (!order.has(p.file)) order.set(p.file, order.size);
  problems.sort((a, b) => order.get(a.file)! - order.get(b.file)! || a.line - b.line);
  return { problems, chapters: chapters.length };
}
