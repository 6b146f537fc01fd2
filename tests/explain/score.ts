/**
 * Scores the explainer against the probe tables (tests/explain/probes.yaml, holdout.yaml): each
 * entry's expectations checked on what the page shows, the verdict and the parts. A bad entry
 * fails naming the file, the entry and the field.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { explain, type ExplainData, type Explanation } from '~/lib/docker/explain.ts';
import { indexModel } from '~/lib/docker/model.ts';

export interface Probe {
  line: string;
  source: string;
  problems?: number;
  risks?: string[];
  noRisks?: string[];
  fix?: string;
  commands?: string[];
  says?: string[];
  notSays?: string[];
}

const FIELDS = new Set(['line', 'source', 'problems', 'risks', 'noRisks', 'fix', 'commands', 'says', 'notSays']);
const LISTS = ['risks', 'noRisks', 'commands', 'says', 'notSays'] as const;

/** Read and check a probe file. */
export function loadProbes(file: string): Probe[] {
  const raw = parse(readFileSync(file, 'utf8')) as unknown;
  if (!Array.isArray(raw)) throw new Error(`${file}: expected a list of probes`);
  return raw.map((e: Record<string, unknown>, i) => {
    const where = `${file}: entry ${i + 1}${typeof e?.['line'] === 'string' ? ` (${JSON.stringify(e['line'].slice(0, 50))})` : ''}`;
    if (!e || typeof e !== 'object') throw new Error(`${where}: expected a mapping`);
    for (const k of Object.keys(e)) if (!FIELDS.has(k)) throw new Error(`${where}: unknown field "${k}" (expected one of ${[...FIELDS].join(', ')})`);
    if (typeof e['line'] !== 'string' || !e['line'].trim()) throw new Error(`${where}: "line" must be a non-empty string`);
    if (typeof e['source'] !== 'string' || !e['source'].trim()) throw new Error(`${where}: "source" must say where the line was found`);
    if (e['problems'] !== undefined && !Number.isInteger(e['problems'])) throw new Error(`${where}: "problems" must be a whole number`);
    if (e['fix'] !== undefined && typeof e['fix'] !== 'string') throw new Error(`${where}: "fix" must be a string`);
    for (const k of LISTS) {
      const v = e[k];
      if (v !== undefined && !(Array.isArray(v) && v.every((x) => typeof x === 'string'))) throw new Error(`${where}: "${k}" must be a list of strings`);
    }
    for (const k of ['says', 'notSays'] as const)
      for (const re of (e[k] as string[] | undefined) ?? []) {
        try {
          new RegExp(re, 'i');
        } catch (err) {
          throw new Error(`${where}: "${k}" has a bad regular expression ${JSON.stringify(re)}: ${(err as Error).message}`, { cause: err });
        }
      }
    const p = e as unknown as Probe;
    return { ...p, line: p.line.replace(/\n$/, '') };
  });
}

/** Everything the page shows for a line, as text: the verdict, then every part. */
export function shownText(r: Explanation): string {
  const v = r.verdict;
  return [
    ...(v ? [...v.problems.map((x) => x.text), v.fix ?? ''] : []),
    ...r.risks.map((x) => x.text),
    ...r.parts.flatMap((p) => [p.label, p.explanation, p.caution ?? '', ...p.problems.map((x) => x.message)]),
    r.error ?? '',
  ].join('\n');
}

/** The ways a probe fails (empty: it passes). */
export function misses(probe: Probe, data: ExplainData): string[] {
  const r = explain(probe.line, data);
  const out: string[] = [];
  const problems = r.verdict?.problems.length ?? NaN;
  if (probe.problems !== undefined && problems !== probe.problems)
    out.push(`problems: ${problems}, expected ${probe.problems} (${r.verdict?.problems.map((x) => x.text).join(' | ')})`);
  const ids = r.risks.map((x) => x.id as string);
  for (const id of probe.risks ?? []) if (!ids.includes(id)) out.push(`risk ${id} missing (risks: ${ids.join(', ') || 'none'})`);
  if (probe.risks?.length === 0 && ids.length) out.push(`expected no risks, got ${ids.join(', ')}`);
  for (const id of probe.noRisks ?? []) if (ids.includes(id)) out.push(`risk ${id} should not be listed`);
  const texts = [...(r.verdict?.problems ?? []), ...r.risks].map((x) => x.text);
  const twice = texts.filter((t, i) => texts.indexOf(t) !== i);
  if (twice.length) out.push(`said twice in the verdict: ${twice.join(' | ')}`);
  if (probe.fix !== undefined && r.verdict?.fix !== probe.fix) out.push(`fix: ${JSON.stringify(r.verdict?.fix)}, expected ${JSON.stringify(probe.fix)}`);
  // A command may be named by any of its spellings (`docker ps` is `docker container ls`).
  const canonical = (name: string) => indexModel(data.model).byName.get(name)?.name ?? name;
  if (probe.commands && JSON.stringify(r.commands) !== JSON.stringify(probe.commands.map(canonical)))
    out.push(`commands: ${JSON.stringify(r.commands)}, expected ${JSON.stringify(probe.commands)}`);
  const text = shownText(r);
  for (const re of probe.says ?? []) if (!new RegExp(re, 'i').test(text)) out.push(`does not say /${re}/`);
  for (const re of probe.notSays ?? []) if (new RegExp(re, 'i').test(text)) out.push(`says /${re}/`);
  return out;
}
