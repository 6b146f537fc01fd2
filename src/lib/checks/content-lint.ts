/**
 * Checks on chapter sources that Markdown itself would let through. Each problem names the file,
 * the line and what to do. Pure: the build step (src/integrations/lint-content.ts) and the unit
 * tests call the same function.
 */

/** Code-fence languages the site highlights. Anything else fails the build. */
export const CODE_LANGUAGES = [
  'bash',
  'sh',
  'shell',
  'console',
  'dockerfile',
  'yaml',
  'yml',
  'json',
  'python',
  'ini',
  'text',
  'plaintext',
] as const;

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
  code: string;
}

const FENCE = /^(\s*)(`{3,}|~{3,})\s*([^\s`]*)\s*(.*)$/;

/** Split a Markdown/MDX source into its fenced code blocks. */
export function codeFences(source: string): CodeFence[] {
  const lines = source.split('\n');
  const fences: CodeFence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i] ?? '');
    if (!open) continue;
    const marker = open[2] ?? '```';
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j] ?? '';
      if (l.trim().startsWith(marker[0]!.repeat(marker.length)) && l.trim().replace(/[`~]/g, '') === '') break;
      body.push(l);
    }
    fences.push({ lang: (open[3] ?? '').toLowerCase(), meta: open[4] ?? '', line: i + 1, code: body.join('\n') });
    i = j;
  }
  return fences;
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

const HEADING = /^(#{2,3})\s+(.*?)\s*$/;
const EXPLICIT_ID = /\{#([A-Za-z][\w-]*)[^}]*\}\s*$/;

export interface HeadingInfo {
  depth: number;
  id: string | undefined;
  text: string;
  line: number;
}

/** h2/h3 headings outside code fences, with their explicit `{#id}` if any. */
export function headings(source: string): HeadingInfo[] {
  const out: HeadingInfo[] = [];
  const lines = source.split('\n');
  let fence: string | undefined;
  lines.forEach((l, i) => {
    const f = FENCE.exec(l);
    if (f) {
      const marker = f[2]!;
      if (!fence) fence = marker;
      else if (l.trim() === fence || l.trim().startsWith(fence)) fence = undefined;
      return;
    }
    if (fence) return;
    const h = HEADING.exec(l);
    if (!h) return;
    const idMatch = EXPLICIT_ID.exec(h[2]!);
    out.push({
      depth: h[1]!.length,
      id: idMatch?.[1],
      text: h[2]!.replace(EXPLICIT_ID, '').trim(),
      line: i + 1,
    });
  });
  return out;
}

/** Prose outside fences, with inline code spans kept: used for the dash check. */
function proseLines(source: string): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  let inFence = false;
  let inFrontmatter = false;
  source.split('\n').forEach((l, i) => {
    if (i === 0 && l.trim() === '---') {
      inFrontmatter = true;
      return;
    }
    if (inFrontmatter) {
      if (l.trim() === '---') inFrontmatter = false;
      return;
    }
    if (FENCE.test(l)) {
      inFence = !inFence;
      return;
    }
    if (!inFence) out.push({ text: l, line: i + 1 });
  });
  return out;
}

/** Could this line be the text of a setext heading (not a list item, quote, table, tag or import)? */
function isParagraphText(text: string): boolean {
  const t = text.trim();
  return t !== '' && !/^([-*+]\s|\d+[.)]\s|>|\||<|#|import\s|export\s|\{|[-=]+$)/.test(t);
}

/** Lint one chapter source. `file` is used only in the messages. */
export function lintChapter(file: string, source: string): LintProblem[] {
  const problems: LintProblem[] = [];
  const allowed = new Set<string>(CODE_LANGUAGES);
  for (const fence of codeFences(source)) {
    if (!fence.lang) {
      problems.push({
        file,
        line: fence.line,
        message: `code fence has no language; write one of: ${CODE_LANGUAGES.join(', ')}`,
      });
    } else if (!allowed.has(fence.lang)) {
      problems.push({
        file,
        line: fence.line,
        message: `unknown code-fence language "${fence.lang}"; use one of: ${CODE_LANGUAGES.join(', ')}`,
      });
    }
    if (ASCII_LANGUAGES.has(fence.lang)) {
      for (const m of lintCopyableCode(fence.code, fence.lang)) problems.push({ file, line: fence.line, message: m });
    }
  }

  const seen = new Map<string, number>();
  for (const h of headings(source)) {
    if (!h.id) {
      problems.push({
        file,
        line: h.line,
        message: `heading "${h.text}" has no explicit id; write it as \`${'#'.repeat(h.depth)} ${h.text} {#some-id}\` so links to it keep working`,
      });
      continue;
    }
    const first = seen.get(h.id);
    if (first) {
      problems.push({ file, line: h.line, message: `duplicate heading id "#${h.id}" (first used on line ${first}); ids must be unique on a page` });
    } else seen.set(h.id, h.line);
  }

  const prose = proseLines(source);
  prose.forEach(({ text, line }, i) => {
    // A setext heading: a paragraph line underlined with === or ---; it would get an automatic id.
    const prev = prose[i - 1];
    if (/^ {0,3}(=+|-+)\s*$/.test(text) && prev && prev.line === line - 1 && isParagraphText(prev.text)) {
      const depth = text.trim().startsWith('=') ? 1 : 2;
      const title = prev.text.trim();
      problems.push({
        file,
        line: prev.line,
        message:
          `heading "${title}" is underlined (setext); write it as \`## ${title} {#some-id}\` so it gets a stable id` +
          (depth === 1 ? ' (a chapter has one h1, its title: use ## or ###)' : ''),
      });
    }
    const tag = RAW_TAGS.exec(text.replace(/`[^`]*`/g, ''));
    if (tag) {
      problems.push({
        file,
        line,
        message: `raw <${tag[1]!.toLowerCase()}> in a chapter: the site's CSP blocks it; use a component from ~/components/mdx, or show it in a code fence`,
      });
    }
  });

  for (const { text, line } of prose) {
    // A flag typed with a smart dash (–privileged, —rm) or an inline code span with non-ASCII.
    const dash = /(?:^|[\s(`"'])([\u2013\u2014\u2212]{1,2}[a-z][a-z-]*)/i.exec(text);
    if (dash) {
      problems.push({ file, line, message: `"${dash[1]}" looks like a flag typed with a smart dash; write it with ASCII hyphens (--flag) in backticks` });
    }
    for (const span of text.matchAll(/`([^`]+)`/g)) {
      const bad = firstNonAscii(span[1]!);
      if (bad) problems.push({ file, line, message: `inline code \`${span[1]}\` contains a ${bad.name}; code must be plain ASCII` });
    }
  }
  return problems;
}

/** Format problems grouped per file, as the build prints them. */
export function formatProblems(problems: LintProblem[]): string {
  const byFile = new Map<string, LintProblem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  return [...byFile]
    .map(([file, ps]) => `${file}\n${ps.map((p) => `  ${file}:${p.line}  ${p.message}`).join('\n')}`)
    .join('\n');
}
