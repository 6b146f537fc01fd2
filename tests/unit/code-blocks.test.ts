/**
 * Code blocks as a student sees and copies them: file titles from the fence meta, diff and
 * highlight markers (rendered with the site's own Shiki transformers), what the copy button of
 * a shell, Dockerfile or YAML block copies.
 */
import { codeToHtml } from 'shiki';
import { describe, expect, it } from 'vitest';
import { codeTransformers, metaTitle } from '~/lib/markdown/code-meta.ts';
import { COPY_BUTTON_LANGUAGES, SHELL_LANGUAGES, copyText, explainableCommand, htmlToText } from '~/lib/text/copy-text.ts';

/** Highlight like the Markdown pipeline (astro.config.mjs) and return the `<pre>`'s inner HTML and attributes. */
async function render(code: string, lang: string, meta = '') {
  const html = await codeToHtml(code, {
    lang,
    meta: { __raw: meta },
    themes: { light: 'github-light-default', dark: 'github-dark-default' },
    defaultColor: false,
    transformers: codeTransformers(),
  });
  const open = /^<pre([^>]*)>/.exec(html)![1]!;
  return { inner: html.replace(/^<pre[^>]*>|<\/pre>$/g, ''), pre: open };
}
const copied = async (code: string, lang: string, meta = '') => copyText(htmlToText((await render(code, lang, meta)).inner), lang);

const DIFF = `FROM python:3.12-slim
WORKDIR /app
# [!code --:2]
COPY . .
RUN pip install -r requirements.txt
# [!code ++:3]
COPY requirements.txt .
RUN pip install -r requirements.txt
COPY . .
# [!code highlight]
CMD ["python3", "app.py"]`;

describe('diff and highlight markers', () => {
  it('mark added, removed and highlighted lines, and leave no marker in the HTML', async () => {
    const { inner, pre } = await render(DIFF, 'dockerfile');
    expect(pre).toMatch(/class="[^"]*\bhas-diff\b/);
    expect(inner.match(/class="line diff remove"/g)).toHaveLength(2);
    expect(inner.match(/class="line diff add"/g)).toHaveLength(3);
    expect(inner.match(/class="line highlighted"/g)).toHaveLength(1);
    expect(inner).not.toContain('[!code');
  });

  it('copy the "after" version: no markers, no removed lines', async () => {
    expect(await copied(DIFF, 'dockerfile')).toBe(
      'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python3", "app.py"]',
    );
  });

  it('work in YAML, including a removed first line', async () => {
    const yaml = '# [!code --]\nversion: "3"\nservices:\n  # [!code ++]\n  web:\n    image: nginx:1.27';
    expect(await copied(yaml, 'yaml')).toBe('services:\n  web:\n    image: nginx:1.27');
  });

  it('highlight lines named in the meta ({2})', async () => {
    const { inner, pre } = await render('FROM a\nRUN b\nCMD ["c"]', 'dockerfile', 'title="Dockerfile" {2}');
    expect(pre).toMatch(/class="[^"]*\bhas-highlighted\b/);
    const lines = inner.split('\n');
    expect(lines[1]).toMatch(/class="line highlighted"/);
    expect(lines[0]).not.toMatch(/highlighted/);
  });
});

describe('file titles from the fence meta', () => {
  it('reads title="..." (and single quotes) and puts it on the <pre>', async () => {
    expect(metaTitle('title="Dockerfile" {3}')).toBe('Dockerfile');
    expect(metaTitle("{1} title='compose.yaml'")).toBe('compose.yaml');
    expect(metaTitle('{1,2}')).toBeUndefined();
    expect(metaTitle(undefined)).toBeUndefined();
    expect((await render('FROM a', 'dockerfile', 'title="Dockerfile"')).pre).toContain('data-title="Dockerfile"');
    expect((await render('FROM a', 'dockerfile')).pre).not.toContain('data-title');
  });
  it('rejects an empty or unquoted title with what to write', () => {
    expect(() => metaTitle('title=""')).toThrow(/title must be a non-empty quoted string, e\.g\. title="Dockerfile"/);
    expect(() => metaTitle('title=Dockerfile')).toThrow(/non-empty quoted string/);
  });
});

describe('copy buttons', () => {
  it('go on shell blocks and on the files a student pastes (Dockerfile, YAML), not on output or JSON', () => {
    for (const lang of ['bash', 'console', 'dockerfile', 'yaml', 'yml']) expect(COPY_BUTTON_LANGUAGES.has(lang), lang).toBe(true);
    for (const lang of ['text', 'json', 'python', 'ini']) expect(COPY_BUTTON_LANGUAGES.has(lang), lang).toBe(false);
  });
  it('copy a Dockerfile or YAML file whole, with its indentation and continuation lines', async () => {
    const df = 'FROM ubuntu:24.04\nRUN apt-get update && \\\n    apt-get install -y curl\n';
    expect(await copied(df, 'dockerfile')).toBe('FROM ubuntu:24.04\nRUN apt-get update && \\\n    apt-get install -y curl');
    const y = 'services:\n  bot:\n    image: "duckietown/dt-core:ente-arm64v8"\n    network_mode: host';
    expect(await copied(y, 'yaml')).toBe(y);
  });
  it('offer "Explain" only for shell blocks', () => {
    expect(SHELL_LANGUAGES.has('dockerfile')).toBe(false);
    expect(SHELL_LANGUAGES.has('yaml')).toBe(false);
    // A Dockerfile line never starts with `docker`, so even the helper would find nothing.
    expect(explainableCommand(copyText('RUN docker --version', 'dockerfile'))).toBeUndefined();
  });
});
