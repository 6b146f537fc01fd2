/**
 * `<docker-exercise>`: checks the student's line by meaning with the one docker model
 * (src/lib/exercises/check.ts), says what is right or what to fix in the status region (read out
 * by screen readers), links the line to the explainer, and records a solved exercise with the
 * chapter's self-check progress on this device (never sent anywhere). Loaded on first focus by
 * ../components/exercise-start.ts. The model: /explain/model.json, then the full flag list of each
 * command a line or an answer uses, each fetched once a page and cached by the offline worker.
 */
import { completeModel, flagsFileId, indexModel, type CommandDetails, type Model, type ModelIndex } from '../../lib/docker/model.ts';
import { MAX_ANSWER_CHARS, checkAnswer, commandsOf, canonicalCommand } from '../../lib/exercises/check.ts';
import type { Step } from '../../lib/exercises/schema.ts';
import { PROGRESS_KEY, parseProgress } from '../../lib/site/progress.ts';
import progressUrl from './self-check-progress.ts?lazy-url';

const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
let model: Promise<Model> | undefined;
const flagLists = new Map<string, Promise<CommandDetails | undefined>>();
let index: ModelIndex | undefined;

const getJson = <T>(url: string): Promise<T> => fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(`${url}: ${r.status}`))));

/** The model with the full flags of `names` put in (each list fetched once). */
async function modelWith(names: readonly string[]): Promise<ModelIndex> {
  let m = await (model ??= getJson<Model>(`${base}explain/model.json`));
  const wanted = names.filter((n) => m.commands.find((c) => c.name === n)?.partial);
  if (!wanted.length && index) return index;
  const lists = await Promise.all(
    wanted.map((n) => {
      let p = flagLists.get(n);
      if (!p) flagLists.set(n, (p = getJson<CommandDetails>(`${base}explain/flags/${flagsFileId(n)}.json`).catch(() => undefined)));
      return p.then((l) => [n, l] as const);
    }),
  );
  m = completeModel(m, Object.fromEntries(lists.filter((e): e is readonly [string, CommandDetails] => !!e[1])));
  model = Promise.resolve(m);
  return (index = indexModel(m));
}

function record(ex: HTMLElement): void {
  const chapter = ex.dataset['chapter'] ?? '';
  const id = ex.dataset['progressId'] ?? '';
  try {
    const p = parseProgress(localStorage.getItem(PROGRESS_KEY));
    if (p[chapter]?.includes(id)) return;
    p[chapter] = [...(p[chapter] ?? []), id];
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(p));
  } catch {
    return;
  }
  // The sidebar's progress (and Reset) lives in the self-check chunk: load it, then tell it.
  void import(/* @vite-ignore */ progressUrl).then(() => document.dispatchEvent(new Event(PROGRESS_KEY)));
}

const para = (text: string, className?: string) => {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
};

customElements.define(
  'docker-exercise',
  class extends HTMLElement {
    connectedCallback() {
      const form = this.querySelector('form')!;
      const input = form.querySelector('input')!;
      const status = this.querySelector<HTMLElement>('[data-status]')!;
      const answers = JSON.parse(this.querySelector('[data-answers]')!.textContent!) as Step[][];
      const answerCommands = (core: ModelIndex) => answers.flat().map((s) => canonicalCommand(s.command, core) ?? s.command);
      // The chunk arrives on first focus: fetch the model and the answers' flags now, so that the
      // first check does not wait for them.
      void modelWith([])
        .then((core) => modelWith(answerCommands(core)))
        .catch(() => undefined);
      const check = async () => {
        const line = input.value.slice(0, MAX_ANSWER_CHARS);
        let idx: ModelIndex;
        try {
          const core = await modelWith([]);
          idx = await modelWith([...commandsOf(line, core), ...answerCommands(core)]);
        } catch {
          status.replaceChildren(
            para('The checker could not load its data (offline on a page not saved yet?). Reload the page and try again, or open the solution.'),
          );
          return;
        }
        const v = checkAnswer(line, { answers }, idx);
        const parts: HTMLElement[] = [];
        if (v.ok) {
          parts.push(para('Right: that line does what the task asks.', 'exercise-verdict'));
          this.dataset['state'] = 'solved';
          this.querySelector<HTMLElement>('[data-solved-label]')!.hidden = false;
          record(this);
        } else {
          this.dataset['state'] = 'wrong';
          parts.push(para(v.feedback[0]!.reason === 'empty' ? v.feedback[0]!.message : `Not yet: ${v.feedback[0]!.message}`, 'exercise-verdict'));
          if (v.feedback.length > 1) {
            const ul = document.createElement('ul');
            for (const f of v.feedback.slice(1, 4)) ul.append(Object.assign(document.createElement('li'), { textContent: f.message }));
            parts.push(ul);
          }
        }
        for (const n of v.notes) parts.push(para(n));
        if (line.trim()) {
          const a = document.createElement('a');
          a.href = `${base}explain/?cmd=${encodeURIComponent(line)}`;
          a.textContent = 'Explain my line';
          const p = para('');
          p.append(a);
          parts.push(p);
        }
        status.replaceChildren(...parts);
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void check();
      });
      if ('pending' in this.dataset) {
        delete this.dataset['pending'];
        void check();
      }
    }
  },
);
