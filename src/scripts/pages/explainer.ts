/**
 * The /explain/ page: `<explain-output>` wraps the form and the result, and touches nothing
 * outside itself. It reads ?cmd= (or the form), runs the explainer on the embedded model and
 * lists the risks, then every part with its problems and a link to the reference. Enter submits,
 * Shift+Enter adds a line. Loaded only by src/pages/explain.astro.
 */
import { capForUrl, explain, URL_CHARS, type ExplainData, type Explanation, type Part } from '~/lib/docker/explain.ts';
import { completeModel, flagsFileId, type CommandDetails } from '~/lib/docker/model.ts';

const KIND_LABEL: Record<Part['kind'], string> = {
  prompt: 'prompt',
  sudo: 'runs as root',
  runner: 'runs the next command',
  variable: 'environment variable',
  program: 'program',
  'global-flag': 'global option',
  command: 'command',
  flag: 'flag',
  value: 'flag value',
  image: 'image',
  argument: 'argument',
  'inner-command': 'command in the container',
  'inner-argument': 'argument in the container',
  separator: 'end of flags',
  placeholder: 'placeholder',
  operator: 'shell operator',
  redirect: 'shell redirect',
  comment: 'comment',
  'unknown-flag': 'Unknown flag',
  'unknown-command': 'Unknown command',
  other: 'not explained',
};

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** A problem as said once: without "did you mean" (the suggestion says it) and the final full stop. */
const said = (m: string) => m.replace(/; did you mean .*$/, '').replace(/\.$/, '');

const count = (n: number, one: string) => `${n === 0 ? 'no' : n} ${one}${n === 1 ? '' : 's'}`;

/** Id of a part's list item, which the verdict links to. */
const partId = (i: number) => `explain-part-${i + 1}`;

/**
 * The verdict, above the parts: how many problems and risks, each in one line linking to its
 * part, and the repaired line with a Copy button (the site's delegated <copy-button>, src/scripts/boot/copy-buttons.ts).
 */
function verdictOf(result: Explanation, link: (anchor: string) => string): HTMLElement {
  const { problems, fix } = result.verdict;
  const box = el('section', `explain-verdict${problems.length ? ' explain-verdict-problems' : result.risks.length ? ' explain-verdict-risks' : ''}`);
  box.setAttribute('aria-labelledby', 'explain-verdict');
  const h = el('h2');
  h.id = 'explain-verdict';
  const total = count(problems.length, 'problem');
  h.textContent = `${total[0]!.toUpperCase()}${total.slice(1)}, ${count(result.risks.length, 'risk')}`;
  box.append(h);
  const list = (title: string, lines: Array<{ text: string; part?: number | undefined; anchor?: string | undefined }>) => {
    if (!lines.length) return;
    const sub = el('h3', 'explain-verdict-sub', title);
    sub.id = `explain-verdict-${title.toLowerCase()}`;
    const ul = el('ul', 'explain-verdict-list');
    ul.setAttribute('aria-labelledby', sub.id);
    box.append(sub);
    for (const line of lines) {
      const li = el('li');
      if (line.part !== undefined) {
        const a = el('a', undefined, line.text);
        a.href = `#${partId(line.part)}`;
        li.append(a);
      } else li.append(line.text);
      if (line.anchor) {
        const more = el('a', 'explain-more', 'Read more');
        more.href = link(line.anchor);
        more.append(el('span', 'sr-only', ' in the reference'));
        li.append(' ', more);
      }
      ul.append(li);
    }
    box.append(ul);
  };
  list('Problems', problems);
  if (fix) {
    const p = el('p', 'explain-fix-label', 'The line repaired:');
    p.id = 'explain-fix-label';
    const code = el('pre', 'explain-fix');
    code.append(el('code', undefined, fix));
    code.setAttribute('aria-labelledby', 'explain-fix-label');
    const copy = el('copy-button' as 'div');
    copy.dataset['copy'] = fix;
    const button = el('button', 'button button-sm code-action', 'Copy');
    button.type = 'button';
    button.append(el('span', 'sr-only', ' the repaired line'));
    const status = el('span', 'sr-only');
    status.setAttribute('aria-live', 'polite');
    copy.append(button, status);
    box.append(p, code, copy);
  }
  list('Risks', result.risks);
  return box;
}

customElements.define(
  'explain-output',
  class extends HTMLElement {
    connectedCallback() {
      let data = JSON.parse(this.querySelector('#explain-data')!.textContent!) as ExplainData;
      // A command's full flag list is loaded once, when a line first uses it (splitModel).
      const loading = new Map<string, Promise<void>>();
      let failed = false;
      const loadFlags = (names: string[]) =>
        Promise.all(
          names.map((name) => {
            let p = loading.get(name);
            if (!p) {
              p = fetch(`${data.flagsUrl}${flagsFileId(name)}.json`)
                .then((r) => (r.ok ? (r.json() as Promise<CommandDetails>) : Promise.reject(new Error(String(r.status)))))
                .then((details) => {
                  data = { ...data, model: completeModel(data.model, { [name]: details }) };
                })
                .catch(() => {
                  failed = true;
                });
              loading.set(name, p);
            }
            return p;
          }),
        );
      const form = this.querySelector<HTMLFormElement>('form')!;
      const input = form.querySelector('textarea')!;
      const out = this.querySelector<HTMLElement>('[data-explain-result]')!;
      const link = (anchor: string) => `${data.referenceUrl}#${anchor}`;

      // Said above the result while it stays on screen: the address kept less than the line.
      let addressNote = '';
      const render = (cmd: string) => {
        out.replaceChildren();
        if (!cmd.trim()) return;
        if (addressNote) out.append(el('p', 'explain-truncated', addressNote));
        const result = explain(cmd, data);
        if (result.incomplete && data.flagsUrl && !failed) {
          out.append(el('p', 'explain-loading', `Loading the flags of ${result.incomplete.join(', ')}\u2026`));
          void loadFlags(result.incomplete).then(() => render(cmd));
          return;
        }
        if (result.incomplete)
          out.append(
            el(
              'p',
              'explain-truncated',
              'The flag list of this command could not be loaded (offline, before the course was saved for offline use?): its flags may show as unknown.',
            ),
          );
        if (result.truncated) out.append(el('p', 'explain-truncated', result.truncated));
        // Not a docker line: no verdict, unless it has a problem to repair (docker-compose up).
        if (!result.error || result.verdict.problems.length) out.append(verdictOf(result, link));
        const heading = el('h2', undefined, 'What each part does');
        heading.id = 'explanation';
        out.append(heading);
        if (result.error) out.append(el('p', 'explain-error', result.error));
        const list = el('ol', 'explain-parts');
        for (const [i, p] of result.parts.entries()) {
          const error = p.problems.some((x) => x.severity === 'error');
          const warning = !error && p.problems.some((x) => x.severity === 'warning');
          const li = el('li', `explain-part${error ? ' explain-part-unknown' : warning ? ' explain-part-warning' : ''}`);
          li.dataset['kind'] = p.kind;
          li.id = partId(i);
          li.tabIndex = -1;
          const body = el('div', 'explain-part-body');
          const kind = el('p', 'explain-kind', KIND_LABEL[p.kind]);
          if (['flag', 'global-flag', 'command', 'argument', 'variable'].includes(p.kind) && p.label !== p.text && p.label !== 'argument')
            kind.textContent += `: ${p.label}`;
          body.append(kind, el('p', undefined, p.explanation));
          if (p.from) body.append(el('p', 'explain-from', `part of ${p.from}`));
          for (const problem of p.problems) {
            // Said once: a problem that is the part's explanation is not repeated under it.
            if (said(problem.message) === said(p.explanation)) continue;
            const para = el('p', `explain-problem explain-problem-${problem.severity}`);
            para.append(el('strong', undefined, problem.severity === 'error' ? 'Problem: ' : 'Note: '), problem.message.replace(/; did you mean .*$/, '.'));
            body.append(para);
          }
          if (p.caution) {
            const c = el('p', 'explain-caution');
            c.append(el('strong', undefined, 'Caution: '), p.caution);
            body.append(c);
          }
          if (p.suggestion) {
            const s = el('p', 'explain-suggestion', 'Did you mean ');
            const target = p.suggestion.anchor ? el('a') : el('span');
            if (target instanceof HTMLAnchorElement) target.href = link(p.suggestion.anchor!);
            target.append(el('code', undefined, p.suggestion.text));
            s.append(target, '?');
            if (p.suggestion.note) s.append(` ${p.suggestion.note}`);
            body.append(s);
          }
          if (p.anchor) {
            const a = el('a', 'explain-ref', 'In the reference');
            a.href = link(p.anchor);
            a.append(el('span', 'sr-only', `: ${p.label}`));
            body.append(a);
          }
          li.append(el('code', undefined, p.text || '(missing)'), body);
          list.append(li);
        }
        out.append(list);
      };

      const initial = new URLSearchParams(location.search).get('cmd') ?? '';
      input.value = initial;
      render(initial);
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        const url = new URL(location.href);
        // The address keeps at most URL_CHARS characters (a long paste made a 45 KB address that servers refuse).
        const kept = capForUrl(input.value);
        url.searchParams.set('cmd', kept.text);
        history.replaceState(null, '', url);
        addressNote = kept.cut
          ? `The address of this page keeps only the first ${URL_CHARS} characters of the line, so a link to it explains less than this.`
          : '';
        render(input.value);
        out.querySelector('h2')?.scrollIntoView({ block: 'nearest' });
      });
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          form.requestSubmit();
        }
      });
    }
  },
);
