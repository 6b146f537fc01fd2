/** Parse the text form of a FileTree (src/components/mdx/FileTree.astro). Pure, unit-tested. */

export interface FileTreeNode {
  name: string;
  folder: boolean;
  note?: string;
  children: FileTreeNode[];
}

/**
 * One entry a line, two spaces of indent a level, "name/" for a folder, "  # note" for a note.
 * Blank lines and the common indent are ignored. Throws with `where` and the line number on a
 * tab, an odd indent, a jump of more than one level or an entry under a file.
 */
export function parseFileTree(text: string, where: string): FileTreeNode[] {
  const lines = text.split('\n').map((raw, i) => ({ raw: raw.trimEnd(), n: i + 1 })).filter((l) => l.raw.trim());
  if (!lines.length) throw new Error(`${where}: the tree is empty`);
  const base = Math.min(...lines.map((l) => l.raw.length - l.raw.trimStart().length));
  const root: FileTreeNode[] = [];
  const stack: FileTreeNode[] = [];
  for (const { raw, n } of lines) {
    if (raw.includes('\t')) throw new Error(`${where}: line ${n} is indented with a tab; use two spaces a level`);
    const indent = raw.length - raw.trimStart().length - base;
    if (indent % 2) throw new Error(`${where}: line ${n} ("${raw.trim()}") is indented by ${indent} spaces; use two spaces a level`);
    const depth = indent / 2;
    if (depth > stack.length) throw new Error(`${where}: line ${n} ("${raw.trim()}") is indented more than one level below the line before`);
    const [entry, ...note] = raw.trim().split(/\s+#\s+/);
    const node: FileTreeNode = { name: entry!.replace(/\/$/, ''), folder: entry!.endsWith('/'), children: [] };
    if (note.length) node.note = note.join(' # ');
    stack.length = depth;
    const parent = stack.at(-1);
    if (parent && !parent.folder) throw new Error(`${where}: line ${n} ("${node.name}") is under the file "${parent.name}"; end a folder's name with "/"`);
    (parent ? parent.children : root).push(node);
    stack.push(node);
  }
  return root;
}
