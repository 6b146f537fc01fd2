/**
 * Parse a YAML data file so that a syntax error names the file, line and column (the `yaml`
 * package's own message names neither the file nor, for some errors, the line). Used by the
 * command-reference loader in src/content.config.ts; tested with tests/fixtures/bad/yaml/.
 */
import { parseDocument } from 'yaml';

export class YamlFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlFileError';
  }
}

/** How many syntax errors a failed parse prints. */
export const MAX_ERRORS_SHOWN = 5;

/** The parsed value of `text`, or a YamlFileError listing every error as `file:line:col: ...`. */
export function parseYamlFile(text: string, file: string): unknown {
  // uniqueKeys (the default) turns a repeated key into an error instead of keeping the last value.
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const lines = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
      // The first line of the message; the rest is the yaml package's excerpt of the source.
      const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      return `${where}: YAML syntax error: ${first.length > 160 ? `${first.slice(0, 157)}...` : first}`;
    });
    // The parser's message for a tab in the indentation ("Unexpected scalar at node end") does not
    // say "tab": name the line.
    const tabs = text
      .split('\n')
      .flatMap((l, i) => (/^ *\t/.test(l) ? [`${file}:${i + 1}:1: YAML syntax error: line ${i + 1} is indented with a tab; YAML indents with spaces`] : []));
    if (!doc.errors.some((e) => /\btabs?\b/i.test(e.message))) lines.unshift(...tabs);
    // One mistake (a tab) can leave the parser lost for the rest of the file, thousands of errors
    // that all follow from the first: show the first few and say how many were left out.
    const shown = lines.slice(0, MAX_ERRORS_SHOWN);
    const more = lines.length - shown.length;
    const rest = more > 0 ? `\n  ...and ${more} more error(s) after these, most of them caused by the first: fix it and build again to see what is left.` : '';
    throw new YamlFileError(`${shown.join('\n')}${rest}\n  Fix the file (YAML indents with spaces, never tabs; each key once per entry) and build again.`);
  }
  return doc.toJS();
}
