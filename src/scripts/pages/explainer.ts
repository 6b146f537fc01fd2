/**
 * The /explain/ page: `<explain-output>` wraps the form and the result, and touches nothing
 * outside itself. It reads ?cmd= (or the form), runs the explainer on the embedded model and
 * lists the risks, then every part with its problems and a link to the reference. Enter submits,
 * Shift+Enter adds a line. Loaded only by src/pages/explain.astro.
 */
import { explain, type ExplainData, type Part } from '~/lib/docker/explain.ts';
import { completeModel, flagsFileId, type ModelFlag } from '~/lib/docker/model.ts';

const KIND_LABEL: Record<Part['kind'], string> = {
  prompt: 'prompt',
  sudo: 'runs as root',
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
                .then((r) => (r.ok ? (r.json() as Promise<ModelFlag[]>) : Promise.reject(new Error(String(r.status)))))
                .then((flags) => {
                  data = { ...data, model: completeModel(data.model, { [name]: flags }) };
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

      const render = (cmd: string) => {
        out.replaceChildren();
        if (!cmd.trim()) return;
        const result = explain(cmd, data);
        if (result.incomplete && data.flagsUrl && !failed) {
          out.append(el('p', 'explain-loading', `Loading the flags of ${result.incomplete.join(', ')}\u2026`));
          void loadFlags(result.incomplete).then(() => render(cmd));
          return;
        }
        if (result.incomplete) out.append(el('p', 'explain-truncated', 'The flag list of this command could not be loaded (offline, before the course was saved for offline use?): its flags may show as unknown.'));
        if (result.truncated) out.append(el('p', 'explain-truncated', result.truncated));
        if (result.risks.length) {
          const box = el('section', 'explain-risks');
          box.setAttribute('aria-labelledby', 'explain-risks');
          const h = el('h2', undefined, 'Risky parts of this command');
          h.id = 'explain-risks';
          const ul = el('ul');
          for (const r of result.risks) {
            const li = el('li', undefined, r.text);
            if (r.anchor) {
              const a = el('a', undefined, 'Read more');
              a.href = link(r.anchor);
              li.append(' ', a);
            }
            ul.append(li);
          }
          box.append(h, ul);
          out.append(box);
        }
        const heading = el('h2', undefined, 'What each part does');
        heading.id = 'explanation';
        out.append(heading);
        if (result.error) out.append(el('p', 'explain-error', result.error));
        const list = el('ol', 'explain-parts');
        for (const p of result.parts) {
          const error = p.problems.some((x) => x.severity === 'error');
          const warning = !error && p.problems.some((x) => x.severity === 'warning');
          const li = el('li', `explain-part${error ? ' explain-part-unknown' : warning ? ' explain-part-warning' : ''}`);
          li.dataset['kind'] = p.kind;
          const body = el('div', 'explain-part-body');
          const kind = el('p', 'explain-kind', KIND_LABEL[p.kind]);
          if (['flag', 'global-flag', 'command', 'argument', 'variable'].includes(p.kind) && p.label !== p.text && p.label !== 'argument') kind.textContent += `: ${p.label}`;
          body.append(kind, el('p', undefined, p.explanation));
          if (p.from) body.append(el('p', 'explain-from', `part of ${p.from}`));
          for (const problem of p.problems) {
            if (problem.message === p.explanation || /explain/.test(problem.code)) continue;
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
        url.searchParams.set('cmd', input.value.trim());
        history.replaceState(null, '', url);
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
