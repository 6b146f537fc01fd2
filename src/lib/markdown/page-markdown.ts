/**
 * A chapter as clean Markdown, made from its built HTML (the article's title, lead and prose: the
 * same content the page shows) with Turndown, for pasting into an assistant or a learning
 * platform. Components become their Markdown equivalents:
 *
 * - headings keep their anchors: `## Title {#anchor}` (the syntax the chapters' sources use);
 * - code blocks become fenced blocks with their language, a title as a bold line above;
 * - tabs become one headed section per panel (the page renders them so without JavaScript);
 * - a diagram becomes its text description (the SVG's title and desc);
 * - a callout becomes a block quote with its title in bold;
 * - self-check questions stay where they are, numbered, their answers go to "Answers" at the end;
 * - exercises become numbered tasks, their solutions under "Answers" too;
 * - a glossary term link becomes its word; links point at the full address of the HTML page;
 * - page furniture (copy buttons, `#` links, the table of contents, forms, print-only lines) goes.
 *
 * Pure: the caller passes the HTML and the page's address (src/integrations/markdown-pages.ts).
 */
import TurndownService from 'turndown';

export interface PageMarkdownInput {
  /** The page's built HTML (the whole document). */
  html: string;
  /** The page's full address, e.g. https://example.edu/docker-basics/compose/: links are made absolute against it. */
  url: string;
}

/** What is dropped whole: controls and page furniture, never content. */
const DROP = ['script', 'style', 'template', 'nav', 'form', 'button', 'copy-button', 'self-check-mark', 'input', 'label'];
const DROP_CLASSES = ['anchor-link', 'page-markdown', 'code-actions', 'print-only', 'sr-only', 'tab-list', 'exercise-solved', 'page-meta', 'toc-bar'];

const hasClass = (node: Node, c: string) => node.nodeType === 1 && (node as Element).classList.contains(c);
/** The nearest ancestor with class `c` (Turndown's DOM, domino, has no `closest`). */
function up(node: Node | null, c: string): Element | null {
  for (let n = node; n; n = n.parentNode) if (hasClass(n, c)) return n as Element;
  return null;
}
const text = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The inner HTML of the chapter's article: from its `<article ... data-pagefind-body>` to `</article>`. */
export function articleHtml(html: string): string {
  const start = html.search(/<article\b[^>]*\bdata-pagefind-body\b[^>]*>/);
  const end = html.indexOf('</article>', start);
  if (start === -1 || end === -1) throw new Error('page-markdown: the page has no <article data-pagefind-body> (is it a chapter?)');
  return html.slice(html.indexOf('>', start) + 1, end);
}

function fence(code: string): string {
  let f = '```';
  while (code.includes(f)) f += '`';
  return f;
}

/** The Markdown of one chapter page. */
export function pageMarkdown({ html, url }: PageMarkdownInput): string {
  const answers: string[] = [];
  let questions = 0;
  let exercises = 0;
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' });
  const absolute = (href: string) => {
    try {
      return new URL(href, url).href;
    } catch {
      return href;
    }
  };

  // Turndown tries the rules added last first: general rules first, the specific ones after.
  td.remove(DROP as Array<keyof HTMLElementTagNameMap>);
  td.addRule('link', {
    filter: (n) => n.nodeName === 'A' && !!(n as Element).getAttribute('href'),
    replacement: (content, node) => {
      const href = (node as Element).getAttribute('href')!;
      const to = href.startsWith('#') ? href : absolute(href);
      return content.trim() ? `[${content}](${to})` : '';
    },
  });
  td.addRule('table', {
    filter: 'table',
    replacement: (content, node) => {
      // A table laid out with headings or code blocks in its cells (the reference's flags) cannot be
      // a Markdown table: its rows become blocks, one after another.
      if ((node as Element).querySelector('h2, h3, h4, h5, h6, pre')) return `\n\n${content}\n\n`;
      const rows = Array.from((node as Element).querySelectorAll('tr')).map((tr) =>
        Array.from(tr.children).map((cell) =>
          td
            .turndown((cell as HTMLElement).innerHTML)
            .replace(/\n+/g, ' ')
            .replace(/\|/g, '\\|')
            .trim(),
        ),
      );
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((r) => r.length));
      const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => r[i] ?? '').join(' | ')} |`;
      return `\n\n${[line(rows[0]!), `|${' --- |'.repeat(width)}`, ...rows.slice(1).map(line)].join('\n')}\n\n`;
    },
  });
  td.addRule('table-parts', {
    filter: ['thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
    replacement: (content, node) => (node.nodeName === 'THEAD' ? '' : `\n\n${content}\n\n`),
  });
  td.addRule('details', {
    filter: (n) => n.nodeName === 'DETAILS',
    replacement: (content) => `\n\n${content.trim()}\n\n`,
  });
  td.addRule('summary', { filter: 'summary', replacement: (content) => `\n\n**${text(content)}**\n\n` });
  td.addRule('figcaption', { filter: 'figcaption', replacement: (content) => `\n\n*${text(content)}*\n\n` });
  td.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const level = Number(node.nodeName[1]);
      const id = (node as Element).getAttribute('id');
      const title = text(content);
      return `\n\n${'#'.repeat(level)} ${title}${id && id !== '_top' ? ` {#${id}}` : ''}\n\n`;
    },
  });
  td.addRule('code-block', {
    filter: (n) => n.nodeName === 'PRE',
    replacement: (_, node) => {
      const pre = node as Element;
      const holder = up(pre, 'code-block');
      const lang = holder?.getAttribute('data-lang') ?? pre.getAttribute('data-language') ?? '';
      const title = holder?.querySelector('figcaption')?.textContent;
      const code = (pre.textContent ?? '').replace(/\n+$/, '');
      const f = fence(code);
      return `\n\n${title ? `**${text(title)}**\n\n` : ''}${f}${lang === 'plaintext' ? 'text' : lang}\n${code}\n${f}\n\n`;
    },
  });
  td.addRule('diagram', {
    filter: (n) => n.nodeName.toLowerCase() === 'svg',
    replacement: (_, node) => {
      const el = node as Element;
      const title = text(el.querySelector('title')?.textContent);
      const desc = text(el.querySelector('desc')?.textContent);
      return title || desc ? `\n\n*Diagram: ${title}.* ${desc}\n\n` : '';
    },
  });
  td.addRule('callout', {
    filter: (n) => hasClass(n, 'callout') && n.nodeName !== 'P',
    replacement: (_, node) => {
      const el = node as Element;
      const title = el.querySelector('.callout-title');
      const bodyEl = el.querySelector('.aside-body') ?? el;
      const body = td.turndown((bodyEl as HTMLElement).innerHTML).trim();
      const lines = `${title ? `**${text(title.textContent)}**\n\n` : ''}${body}`.split('\n');
      return `\n\n${lines.map((l) => (l ? `> ${l}` : '>')).join('\n')}\n\n`;
    },
  });
  td.addRule('self-check', {
    filter: (n) => hasClass(n, 'self-check'),
    replacement: (_, node) => {
      const el = node as Element;
      questions++;
      const question = el.querySelector('.self-check-question') as HTMLElement | null;
      const q = question ? td.turndown(question.innerHTML).trim() : '';
      const body = el.querySelector('.self-check-body') as HTMLElement | null;
      answers.push(`**Question ${questions}.** ${body ? td.turndown(body.innerHTML).trim() : ''}`);
      return `\n\n**Question ${questions}.** ${q}\n\n`;
    },
  });
  td.addRule('exercise', {
    filter: (n) => n.nodeName.toLowerCase() === 'docker-exercise',
    replacement: (_, node) => {
      const el = node as Element;
      exercises++;
      const task = el.querySelector('.exercise-task') as HTMLElement | null;
      const solution = el.getAttribute('data-solution');
      if (solution) answers.push(`**Exercise ${exercises}.** \`${solution}\``);
      return `\n\n**Exercise ${exercises}.** ${task ? td.turndown(task.innerHTML).trim() : ''}\n\n`;
    },
  });
  td.addRule('code-title', { filter: (n) => hasClass(n, 'code-title'), replacement: () => '' });
  td.addRule('term', { filter: (n) => n.nodeName === 'A' && hasClass(n, 'term'), replacement: (content) => content });
  td.addRule('furniture', { filter: (n) => DROP_CLASSES.some((c) => hasClass(n, c)), replacement: () => '' });

  let md = td.turndown(articleHtml(html)).trim();
  if (answers.length) md += `\n\n## Answers\n\n${answers.join('\n\n')}`;
  return `${md.replace(/\n{3,}/g, '\n\n')}\n`;
}
