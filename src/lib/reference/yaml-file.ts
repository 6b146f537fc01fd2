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
      return `${where}: YAML syntax error: ${first}`;
    });
    // The parser's message for a tab in the indentation ("Unexpected scalar at node end") does not
    // say "tab": name the line.
    const tabs = text.split('\n').flatMap((l, i) => (/^ *\t/.test(l) ? [`${file}:${i + 1}:1: YAML syntax error: line ${i + 1} is indented with a tab; YAML indents with spaces`] : []));
    if (!doc.errors.some((e) => /\btabs?\b/i.test(e.message))) lines.unshift(...tabs);
    throw new YamlFileError(`${lines.join('\n')}\n  Fix the file (YAML indents with spaces, never tabs; each key once per entry) and build again.`);
  }
  return doc.toJS();
}
