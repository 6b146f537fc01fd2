/**
 * The docker CLI as captured in tests/fixtures/docker-help/ (see refresh-docker-help.sh there),
 * loaded at build/test time through Vite. Never import this from client code: it embeds every
 * help text. `checkDockerCommandLine` is the one-line check other tests reuse.
 */
import { buildCli, checkCommandLine, parseHelp, type DockerCli } from './docker-cli.ts';

const texts = import.meta.glob<string>('../../tests/fixtures/docker-help/*.txt', { query: '?raw', import: 'default', eager: true });
import version from '../../tests/fixtures/docker-help/VERSION?raw';

/** The docker client version the fixtures were captured from, e.g. "Docker version 28.2.2, build e6534b4". */
export const DOCKER_HELP_VERSION = version.trim();

/** The CLI built from every fixture file. */
export const dockerCli: DockerCli = buildCli(
  Object.entries(texts).map(([path, text]) => {
    try {
      return parseHelp(text);
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`);
    }
  }),
);

/**
 * Check a docker command line against the captured CLI. Returns problems, each naming `source`
 * (e.g. "content/chapters/x.mdx:12"), the command and the flag; an empty list when it is fine.
 */
export function checkDockerCommandLine(line: string, source: string): string[] {
  return checkCommandLine(line, source, dockerCli);
}
