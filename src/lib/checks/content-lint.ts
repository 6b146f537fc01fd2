/**
 * Checks on chapter sources that Markdown itself would let through. Each problem names the file,
 * the line and what to do. Pure: the build step (src/integrations/lint-content.ts) and the unit
 * tests call the same function.
 */

/** Code-fence languages the site highlights. Anything else fails the build. */
export const CODE_LANGUAGES = ['bash', 'sh', 'shell', 'console', 'dockerfile', 'yaml', 'yml', 'json', 'python', 'ini', 'text', 'plaintext'] as const;

/** Languages whose blocks are commands a student copies into a terminal. */
export const COPYABLE_LANGUAGES = new Set(['bash', 'sh', 'shell', 'console']);

/**
 * Languages a student copies into a terminal or a file (a Dockerfile, compose.yaml): their code
 * must be plain ASCII. Prompt checks apply to the shell languages only.
 */
export const ASCII_LANGUAGES = new Set([...COPYABLE_LANGUAGES, 'dockerfile', 'yaml', 'yml']);

/** `user@host:path$ ` or `root@pi:~# `: a prompt copied from a terminal. */
const USER_HOST_PROMPT = /^\s*([\w.-]+@[\w.-]+:[^\s#$]*[#$] )/;
/** `# docker ps`: a root shell's prompt before a command (pasted, it is only a comment). */
const ROOT_PROMPT = /^\s*# (?:sudo|docker|dockerd|apt|apt-get|systemctl|usermod|newgrp)(?:\s|$)/;

/** Tags an author must not write into a chapter: the CSP blocks them, or they load another origin. */
const RAW_TAGS = /<(script|iframe|object|embed)\b/i;

export interface LintProblem {
  file: string;
  line: number;
  message: string;
}

export interface CodeFence {
  lang: string;
  meta: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** 1-based line of the closing fence, or of the file's last line when the fence is never closed. */
  endLine: number;
  code: string;
  /** Whether a closing fence ends the block (an unclosed fence runs to the end of the file). */
  closed: boolean;
  /** The opening fence's marker (```, ````, ~~~). */
  marker: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

/** The last sources split, so the rules that each need a chapter's fences share one scan. */
const fenceCache = new Map<string, CodeFence[]>();

/** Split a Markdown/MDX source into its fenced code blocks (CommonMark: a closing fence has no info string). */
export function codeFences(source: string): CodeFence[] {
  const cached = fenceCache.get(source);
  if (cached) return cached.map((f) => ({ ...f }));
  const fences = scanFences(source);
  if (fenceCache.size >= 8) fenceCache.delete(fenceCache.keys().next().value!);
  fenceCache.set(source, fences);
  return fences.map((f) => ({ ...f }));
}

function scanFences(source: string): CodeFence[] {
  const lines = source.split('\n');
  const fences: CodeFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.includes('```') && !line.includes('~~~')) continue;
    const open = FENCE.exec(line);
    if (!open) continue;
    const marker = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (l.trim().startsWith(marker[0]!.repeat(marker.length)) && l.trim().replace(/[`~]/g, '') === '') break;
      body.push(l);
    }
    const closed = j < lines.length;
    fences.push({
      lang: (open[3] ?? '').toLowerCase(),
      meta: open[4] ?? '',
      line: i + 1,
      endLine: closed ? j + 1 : lines.length,
      code: body.join('\n'),
      closed,
      marker,
    });
    i = j;
  }
  return fences;
}

/** 0-based indexes of the lines that are frontmatter or inside (or fencing) a code block. */
function nonProseLines(source: string): Set<number> {
  const out = new Set<number>();
  const lines = source.split('\n');
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
    for (let i = 0; i <= (end < 0 ? lines.length - 1 : end); i++) out.add(i);
  }
  for (const f of codeFences(source)) for (let i = f.line - 1; i < f.endLine; i++) out.add(i);
  return out;
}

/**
 * A fence whose code block swallows what follows: never closed, or still open where another
 * fence with a language or a heading with an id starts (Markdown would show the rest of the
 * chapter, its headings and components, as code). Returns the message, or undefined.
 */
export function unclosedFence(fence: CodeFence): string | undefined {
  const close = '`'.repeat(3);
  if (!fence.closed)
    return `the code block opened here is never closed: add a line with ${close} after its last line (the rest of the chapter would be shown as code)`;
  const lines = fence.code.split('\n');
  // Only a fence the block's own closing fence could have closed (same character, at least as long).
  const opener = lines.findIndex((l) => {
    const m = /^\s*(`{3,}|~{3,})\s*[A-Za-z]/.exec(l);
    return m !== null && m[1]![0] === fence.marker[0] && m[1]!.length >= fence.marker.length;
  });
  const heading = lines.findIndex((l) => /^#{1,6}\s.*\{#[^}]*\}\s*$/.test(l));
  const at = [opener, heading].filter((i) => i >= 0).sort((a, b) => a - b)[0];
  if (at === undefined) return undefined;
  const what = at === opener ? `another code block (${lines[at]!.trim()})` : `a heading (${lines[at]!.trim()})`;
  return `the code block opened here is never closed: line ${fence.line + 1 + at} starts ${what} inside it; add a line with ${close} where this block ends`;
}

/** Characters that look like ASCII but break a pasted command. */
const LOOKALIKES: Record<string, string> = {
  '\u2013': 'en dash (–)',
  '\u2014': 'em dash (—)',
  '\u2212': 'minus sign (−)',
  '\u00a0': 'no-break space',
  '\u202f': 'narrow no-break space',
  '\u200b': 'zero-width space',
  '\u200c': 'zero-width non-joiner',
  '\u200d': 'zero-width joiner',
  '\ufeff': 'byte-order mark',
  '\u2018': 'curly quote (‘)',
  '\u2019': 'curly quote (’)',
  '\u201c': 'curly quote (“)',
  '\u201d': 'curly quote (”)',
};

/** Describe the first non-ASCII character in `text`, or return undefined when it is all ASCII. */
export function firstNonAscii(text: string): { index: number; name: string } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c.charCodeAt(0) > 0x7e || (c.charCodeAt(0) < 0x20 && c !== '\n' && c !== '\t')) {
      const code = `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      return { index: i, name: `${LOOKALIKES[c] ?? 'non-ASCII character'} ${code}` };
    }
  }
  return undefined;
}

/**
 * Check copyable code: ASCII only; in shell blocks no prompt that the copy would carry along:
 * `$ ` in `bash`/`sh` (use `console` for prompt + output), `user@host:~$ ` or `root@pi:~# `, and a
 * root prompt `# docker ...` (pasted, it is a comment and the command never runs).
 */
export function lintCopyableCode(code: string, lang: string): string[] {
  const problems: string[] = [];
  const bad = firstNonAscii(code);
  if (bad) {
    const before = code.slice(0, bad.index);
    const line = before.split('\n').length;
    const what = COPYABLE_LANGUAGES.has(lang) ? 'commands' : `${lang} code`;
    problems.push(`line ${line} of the code has a ${bad.name}; ${what} must be plain ASCII so it pastes and runs as written`);
  }
  if (!COPYABLE_LANGUAGES.has(lang)) return problems;
  const lines = code.split('\n');
  if (lang !== 'console') {
    const prompt = lines.findIndex((l) => /^\s*\$ /.test(l));
    if (prompt >= 0) {
      problems.push(
        `line ${prompt + 1} of the code starts with a "$ " prompt; remove it, or mark the block \`console\` so the prompt and the output are not copied`,
      );
    }
  }
  lines.forEach((l, i) => {
    const userHost = USER_HOST_PROMPT.exec(l);
    if (userHost) {
      problems.push(
        `line ${i + 1} of the code starts with a "${userHost[1]}" prompt; ` +
          (lang === 'console' ? 'write "$ " instead (the copy button copies only "$ " lines)' : 'remove it, or mark the block `console` and write "$ "'),
      );
    } else if (ROOT_PROMPT.test(l)) {
      problems.push(
        `line ${i + 1} of the code starts with a "# " root prompt before a command; pasted, it is only a comment and the command never runs: ` +
          'remove the prompt (write sudo where root is needed), or reword the comment',
      );
    }
  });
  return problems;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
/** The attribute block at the end of a heading: `{#id}`, `{#id .class}`. */
const ATTRIBUTES = /[ \t]*\{([^{}]*)\}[ \t]*$/;
/** What a heading, Figure or Tabs id must look like: short, lower case, starting with a letter. */
export const ID_FORM = /^[a-z][a-z0-9-]{1,30}$/;

export interface HeadingInfo {
  depth: number;
  /** The `#id` of the attribute block, as written (may be malformed), or undefined. */
  id: string | undefined;
  text: string;
  line: number;
  /** The attribute block as written (`{#id}`), or undefined. */
  attributes?: string | undefined;
}

/** Headings (# to ######) outside frontmatter and code fences, with their `{#id}` if any. */
export function headings(source: string): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  const skip = nonProseLines(source);
  source.split('\n').forEach((l, i) => {
    if (skip.has(i)) return;
    const h = HEADING.exec(l);
    if (!h) return;
    const raw = h[2] ?? '';
    const attrs = ATTRIBUTES.exec(raw);
    const id = attrs?.[1]!
      .trim()
      .split(/\s+/)
      .find((t) => t.startsWith('#'))
      ?.slice(1);
    out.push({ depth: h[1]!.length, id, text: raw.replace(ATTRIBUTES, '').trim(), line: i + 1, ...(attrs ? { attributes: attrs[0].trim() } : {}) });
  });
  return out;
}

/** A valid id made from a heading's text: `Images & layers` → `images-layers`. */
export function suggestId(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/`[^`]*`/g, (m) => m.slice(1, -1))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
  return slug.slice(0, 30).replace(/-+$/, '') || 'section';
}

/** Why `id` is not a valid id ("upper-case letters"), or undefined when it is. */
export function idProblem(id: string): string | undefined {
  if (ID_FORM.test(id)) return undefined;
  if (id === '') return 'it is empty';
  if (/[A-Z]/.test(id)) return 'it has upper-case letters';
  if (/^[0-9]/.test(id)) return 'it starts with a digit';
  if (/_/.test(id)) return 'it has "_"';
  if (!/^[a-z]/.test(id)) return 'it does not start with a letter';
  if (id.length > 31) return `it is ${id.length} characters long (at most 31)`;
  if (id.length < 2) return 'it is one character';
  return 'it has characters other than a-z, 0-9 and "-"';
}

/** A component tag in a chapter's prose, e.g. `<Tabs id="install" label="OS">`, with its attributes. */
export interface ComponentTag {
  name: string;
  line: number;
  /** Attribute → value (`number={2}` gives "2"; a bare attribute gives ""). */
  attrs: Map<string, string>;
}

const TAG_ATTR = /([A-Za-z_:][\w:.-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|\{([^{}]*)\}))?/g;

/** Every `<Name ...>` tag of the given component names outside code (a tag may span lines). */
export function componentTags(source: string, names: readonly string[]): ComponentTag[] {
  const skip = nonProseLines(source);
  const lines = source.split('\n');
  const prose = lines.map((l, i) => (skip.has(i) ? '' : l.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length)))).join('\n');
  const lineAt = (index: number) => prose.slice(0, index).split('\n').length;
  const out: ComponentTag[] = [];
  const open = new RegExp(`<(${names.join('|')})(?=[\\s/>])((?:[^>"'{}]|"[^"]*"|'[^']*'|\\{[^{}]*\\})*)>`, 'g');
  for (const m of prose.matchAll(open)) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').replace(/\/\s*$/, '').matchAll(TAG_ATTR)) attrs.set(a[1]!, (a[2] ?? a[3] ?? a[4] ?? '').trim());
    out.push({ name: m[1]!, line: lineAt(m.index), attrs });
  }
  return out;
}

/** Ids a chapter gives its elements: headings, figures, tab groups and their panels. */
export function chapterIds(source: string): Map<string, number> {
  const ids = new Map<string, number>();
  const add = (id: string | undefined, line: number) => {
    if (id && !ids.has(id)) ids.set(id, line);
  };
  for (const h of headings(source)) add(h.id, h.line);
  const tags = componentTags(source, ['Figure', 'Tabs', 'TabItem']);
  let group: string | undefined;
  for (const t of tags) {
    if (t.name === 'Figure') add(t.attrs.get('id'), t.line);
    else if (t.name === 'Tabs') add((group = t.attrs.get('id')), t.line);
    else if (group) {
      const value =
        t.attrs.get('value') ??
        (t.attrs.get('label') ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '');
      add(`${group}-${value}`, t.line);
      add(`${group}-${value}-tab`, t.line);
    }
  }
  return ids;
}

/** Prose outside frontmatter and fences, with inline code spans kept. */
function proseLines(source: string): Array<{ text: string; line: number }> {
  const skip = nonProseLines(source);
  return source.split('\n').flatMap((text, i) => (skip.has(i) ? [] : [{ text, line: i + 1 }]));
}

/** Could this line be the text of a setext heading (not a list item, quote, table, tag or import)? */
function isParagraphText(text: string): boolean {
  const t = text.trim();
  return t !== '' && !/^([-*+]\s|\d+[.)]\s|>|\||<|#|import\s|export\s|\{|[-=]+$)/.test(t);
}

/** The largest chapter source the build takes: the whole course offline is budgeted at 6 MB. */
export const MAX_CHAPTER_BYTES = 200_000;

/** Lint one chapter source. `file` is used only in the messages. */
export function lintChapter(file: string, source: string): LintProblem[] {
  const problems: LintProblem[] = [];
  const report = (line: number, message: string) => problems.push({ file, line, message });
  const bytes = Buffer.byteLength(source);
  if (bytes > MAX_CHAPTER_BYTES) {
    report(
      1,
      `the chapter is ${Math.round(bytes / 1000).toLocaleString('en')} KB; a chapter may be at most ${MAX_CHAPTER_BYTES / 1000} KB of source: split it into several chapters (every page is precached for offline reading)`,
    );
    return problems;
  }
  const allowed = new Set<string>(CODE_LANGUAGES);
  for (const fence of codeFences(source)) {
    const unclosed = unclosedFence(fence);
    if (unclosed) {
      // Its "code" is the rest of the chapter: checking it as code would only mislead.
      report(fence.line, unclosed);
      continue;
    }
    if (!fence.lang) {
      report(fence.line, `code fence has no language; write one of: ${CODE_LANGUAGES.join(', ')}`);
    } else if (!allowed.has(fence.lang)) {
      report(fence.line, `unknown code-fence language "${fence.lang}"; use one of: ${CODE_LANGUAGES.join(', ')}`);
    }
    if (ASCII_LANGUAGES.has(fence.lang)) {
      for (const m of lintCopyableCode(fence.code, fence.lang)) report(fence.line, m);
    }
  }

  const seen = new Map<string, number>();
  for (const h of headings(source)) {
    const hashes = '#'.repeat(h.depth);
    if (h.depth === 1) {
      report(h.line, `heading "${h.text}" is a second title (#): the frontmatter title is the chapter's one h1; use ## or ###`);
      continue;
    }
    if (!h.attributes || h.id === undefined) {
      report(h.line, `heading "${h.text}" has no explicit id; write it as \`${hashes} ${h.text} {#${suggestId(h.text)}}\` so links to it keep working`);
      continue;
    }
    const extra = h.attributes
      .slice(1, -1)
      .trim()
      .split(/\s+/)
      .filter((t) => !t.startsWith('#') && !t.startsWith('.') && !t.includes('='));
    if (extra.length) {
      report(
        h.line,
        `heading "${h.text}": ${h.attributes} is not one id (an id has no spaces; "${extra.join(' ')}" would be dropped); write \`{#${suggestId(`${h.id} ${extra.join(' ')}`)}}\``,
      );
      continue;
    }
    const why = idProblem(h.id);
    if (why) {
      report(
        h.line,
        `heading "${h.text}": id "${h.id}" is not valid (${why}); ids are 2 to 31 lower-case letters, digits and "-", starting with a letter, e.g. {#${suggestId(h.text)}}`,
      );
      continue;
    }
    const first = seen.get(h.id);
    if (first) report(h.line, `duplicate heading id "#${h.id}" (first used on line ${first}); ids must be unique on a page`);
    else seen.set(h.id, h.line);
  }

  lintComponents(source, seen, report);

  const prose = proseLines(source);
  const body = source.replace(/^---\n[\s\S]*?\n---(\n|$)/, '');
  if (!body.split('\n').some((text) => text.trim() && !/^\s*(import|export)\s/.test(text))) {
    report(
      1,
      'the chapter has no content after its frontmatter; write it, or remove the file (an empty chapter would still be listed in the sidebar and search)',
    );
  }
  prose.forEach(({ text, line }, i) => {
    // A setext heading: a paragraph line underlined with === or ---; it would get an automatic id.
    const prev = prose[i - 1];
    if (/^ {0,3}(=+|-+)\s*$/.test(text) && prev && prev.line === line - 1 && isParagraphText(prev.text)) {
      const depth = text.trim().startsWith('=') ? 1 : 2;
      const title = prev.text.trim();
      report(
        prev.line,
        `heading "${title}" is underlined (setext); write it as \`## ${title} {#some-id}\` so it gets a stable id` +
          (depth === 1 ? ' (a chapter has one h1, its title: use ## or ###)' : ''),
      );
    }
    const code = text.replace(/`[^`]*`/g, '');
    const tag = RAW_TAGS.exec(code);
    if (tag) {
      report(line, `raw <${tag[1]!.toLowerCase()}> in a chapter: the site's CSP blocks it; use a component from ~/components/mdx, or show it in a code fence`);
    }
    for (const img of code.matchAll(/<img\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
      const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|\{)/i.exec(img[1] ?? '');
      if (!alt) report(line, 'raw <img> without alt text: add alt="what the image shows" (alt="" only for a purely decorative image)');
    }
    for (const img of code.matchAll(/!\[([^\]]*)\]\(/g)) {
      if (!img[1]!.trim()) report(line, 'image without alt text: write ![what the image shows](...)');
    }
    // Markdown links, href attributes and autolinks (<http://...>).
    for (const link of code.matchAll(/\]\(\s*<?([^)\s>]+)|\bhref\s*=\s*\{?\s*["'`]([^"'`]*)|<([a-z][a-z0-9+.-]*:[^>\s]+)>/gi)) {
      const href = (link[1] ?? link[2] ?? link[3] ?? '').trim();
      if (/^javascript:/i.test(href.replace(/[\s\u0000-\u001f]/g, ''))) {
        report(line, `link to "${href}": javascript: links run code and are blocked by the CSP; link to a page or use a component`);
      } else if (/^http:\/\//i.test(href)) {
        report(line, `link to "${href}" uses http://; link with https:// (a student's browser would warn, or the link would be intercepted)`);
      }
    }
  });

  for (const { text, line } of prose) {
    // A flag typed with a smart dash (–privileged, —rm) or an inline code span with non-ASCII.
    const dash = /(?:^|[\s(`"'])([\u2013\u2014\u2212]{1,2}[a-z][a-z-]*)/i.exec(text);
    if (dash) {
      report(line, `"${dash[1]}" looks like a flag typed with a smart dash; write it with ASCII hyphens (--flag) in backticks`);
    }
    for (const span of text.matchAll(/`([^`]+)`/g)) {
      const bad = firstNonAscii(span[1]!);
      if (bad) report(line, `inline code \`${span[1]}\` contains a ${bad.name}; code must be plain ASCII`);
    }
  }
  return problems.sort((a, b) => a.line - b.line);
}

/**
 * Author components: Tabs, TabItem and FileTree need a label (their accessible name); Figure and
 * Tabs ids follow the heading-id form and are unique beside the heading ids; figures are numbered
 * 1, 2, 3... in order; a self-check question is asked once (progress counts the questions).
 */
function lintComponents(source: string, headingIds: Map<string, number>, report: (line: number, message: string) => void): void {
  const ids = new Map(headingIds);
  const claim = (id: string, line: number, what: string) => {
    const first = ids.get(id);
    if (first !== undefined && first !== line) report(line, `${what} id "${id}" is already used on line ${first}; ids must be unique on a page`);
    else ids.set(id, line);
  };
  let figure = 0;
  let group: string | undefined;
  const questions = new Map<string, number>();
  for (const t of componentTags(source, ['Tabs', 'TabItem', 'FileTree', 'Figure', 'SelfCheck'])) {
    const label = t.attrs.get('label');
    if ((t.name === 'Tabs' || t.name === 'TabItem' || t.name === 'FileTree') && !label) {
      const example =
        t.name === 'Tabs'
          ? '<Tabs id="install" label="Operating system">'
          : t.name === 'TabItem'
            ? '<TabItem label="Ubuntu">'
            : '<FileTree label="The project folder">';
      report(t.line, `<${t.name}> has no label: it is the accessible name screen readers announce; write ${example}`);
    }
    if (t.name === 'Tabs' || t.name === 'Figure') {
      const id = t.attrs.get('id');
      const why = id === undefined ? 'it is missing' : idProblem(id);
      if (why) report(t.line, `<${t.name}> id "${id ?? ''}" is not valid (${why}); ids are 2 to 31 lower-case letters, digits and "-", starting with a letter`);
      else claim(id!, t.line, `<${t.name}>`);
      if (t.name === 'Tabs') group = why ? undefined : id;
    }
    if (t.name === 'TabItem' && group) {
      const value =
        t.attrs.get('value') ??
        (label ?? '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '');
      claim(`${group}-${value}`, t.line, 'tab panel');
    }
    if (t.name === 'Figure') {
      figure++;
      const n = t.attrs.get('number');
      if (n !== String(figure))
        report(
          t.line,
          `<Figure> number={${n ?? ''}}: this is figure ${figure} of the chapter; number the figures 1, 2, 3... in order (write number={${figure}})`,
        );
    }
    if (t.name === 'SelfCheck') {
      const q = (t.attrs.get('question') ?? '').trim();
      const first = questions.get(q.toLowerCase());
      if (first !== undefined)
        report(
          t.line,
          `self-check question "${q}" is already asked on line ${first}; ask each question once (the chapter counts as done when every question is answered)`,
        );
      else questions.set(q.toLowerCase(), t.line);
    }
  }
}

/** Format problems grouped per file, as the build prints them. */
export function formatProblems(problems: LintProblem[]): string {
  const byFile = new Map<string, LintProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  return [...byFile].map(([file, ps]) => `${file}\n${ps.map((p) => `  ${file}:${p.line}  ${p.message}`).join('\n')}`).join('\n');
}
