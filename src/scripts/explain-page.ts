/**
 * The /explain/ page: reads ?cmd= (or the form), runs the parser on the embedded data and lists
 * every part with a link to the reference. Loaded only by src/pages/explain.astro.
 */
import { explain, type ExplainData, type Part } from '~/lib/explain.ts';

const KIND_LABEL: Record<Part['kind'], string> = {
  sudo: 'runs as root',
  program: 'program',
  'global-flag': 'global option',
  command: 'command',
  flag: 'flag',
  value: 'flag value',
  image: 'image',
  argument: 'argument',
  'inner-command': 'command in the container',
  separator: 'end of flags',
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
      const data = JSON.parse(document.getElementById('explain-data')!.textContent!) as ExplainData;
      const form = document.querySelector<HTMLFormElement>('.explain-form')!;
      const input = form.querySelector('textarea')!;
      const out = this.querySelector<HTMLElement>('[data-explain-result]')!;
      const link = (anchor: string) => `${data.referenceUrl}#${anchor}`;

      const render = (cmd: string) => {
        out.replaceChildren();
        if (!cmd.trim()) return;
        const result = explain(cmd, data);
        const heading = el('h2', undefined, 'What each part does');
        heading.id = 'explanation';
        out.append(heading);
        if (result.error) out.append(el('p', 'explain-error', result.error));
        const list = el('ol', 'explain-parts');
        for (const p of result.parts) {
          const unknown = p.kind === 'unknown-flag' || p.kind === 'unknown-command';
          const li = el('li', `explain-part${unknown ? ' explain-part-unknown' : ''}`);
          li.dataset['kind'] = p.kind;
          const body = el('div', 'explain-part-body');
          const kind = el('p', 'explain-kind', KIND_LABEL[p.kind]);
          if (['flag', 'global-flag', 'command', 'argument'].includes(p.kind) && p.label !== p.text && p.label !== 'argument') kind.textContent += `: ${p.label}`;
          body.append(kind, el('p', undefined, p.explanation));
          if (p.from) body.append(el('p', 'explain-from', `part of ${p.from}`));
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
    }
  },
);
