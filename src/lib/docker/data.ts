/**
 * The product data of content/reference/, loaded at build and test time through Vite: the CLI 28.2
 * `--help` captures (docker-help/, refreshed by refresh-docker-help.sh), the generated tables
 * (cli/*.tsv) and the command reference. Never import this from browser code: it embeds every
 * capture. The explainer page builds its data here and ships the JSON model.
 */
import { assembleSources, type Source } from './sources.ts';

const captures = import.meta.glob<string>('../../../content/reference/docker-help/*.txt', { query: '?raw', import: 'default', eager: true });
const tables = import.meta.glob<string>('../../../content/reference/cli/*.tsv', { query: '?raw', import: 'default', eager: true });
import versionText from '../../../content/reference/docker-help/VERSION?raw';

const rel = (p: string) => p.replace(/^(\.\.\/)+/, '');

/** The client version the captures were made with, e.g. "Docker version 28.2.2, build e6534b4". */
export const CAPTURE_VERSION = versionText.trim();

let parsedSources: readonly Source[] | undefined;

/**
 * Every source, Engine ones oldest first (captures, then the Engine table), then the plugin tables.
 * Parsed once a process: every page's footer, the explainer and the reference share the result.
 */
export function loadSources(): readonly Source[] {
  const files = (glob: Record<string, string>) => Object.entries(glob).map(([file, text]) => ({ file: rel(file), text }));
  parsedSources ??= Object.freeze(assembleSources(files(captures), files(tables), versionText));
  return parsedSources;
}

/** Labels of every source, without building the model (for the footer). */
export function sourceLabels(): { engines: string[]; plugins: Partial<Record<'compose' | 'buildx', string>> } {
  const sources = loadSources();
  const plugins: Partial<Record<'compose' | 'buildx', string>> = {};
  for (const s of sources) if (s.product !== 'engine') plugins[s.product] = s.label;
  return { engines: sources.filter((s) => s.product === 'engine').map((s) => s.label), plugins };
}
