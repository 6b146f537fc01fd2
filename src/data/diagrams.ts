/**
 * Typed data for the chapter diagrams, drawn as SVG by src/components/mdx/StackDiagram.astro and
 * FlowDiagram.astro. One source: the components, the chapters (by name) and the unit tests read
 * these objects. Each diagram is validated when it is drawn; a bad one fails the build with a
 * message naming the diagram and what to fix (see `stackProblems` and `flowProblems`).
 *
 * Colours are not data: each `kind` maps to a CSS custom property (`--dg-<kind>`) defined with
 * light-dark() in the components, so diagrams follow the theme and print light.
 */

/** What a box in a layer diagram stands for. Each kind has its own colour. */
export const LAYER_KINDS = [
  /** The physical machine: CPU, memory, devices (or a cloud VM). */
  'infrastructure',
  /** The host operating system and its kernel. */
  'kernel',
  /** Docker Engine (dockerd, containerd, runc). */
  'engine',
  /** A hypervisor (type 1 or type 2). */
  'hypervisor',
  /** A guest operating system with its own kernel, inside a VM. */
  'guest-os',
  /** Binaries and libraries: the user space an application needs. */
  'libs',
  /** An application process. */
  'app',
  /** A read-only image layer. */
  'image-layer',
  /** A container's thin writable layer. */
  'writable',
  /** A running container (a Compose service). */
  'container',
  /** A Docker network or the host's network stack. */
  'network',
  /** A bind mount: a host path the user chose, mounted into a container. */
  'bind-mount',
  /** A named volume: storage that Docker manages. */
  'volume',
  /** A tmpfs mount: files kept in memory only (drawn dashed: it does not last). */
  'tmpfs',
  /** The host's disk, where bind mounts and volumes keep their data. */
  'host-disk',
  /** The host's memory, where tmpfs keeps its data (drawn dashed: it does not last). */
  'memory',
  /** A host device or socket handed to a container. */
  'device',
] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

/** One box in a layer diagram. */
export interface StackCell {
  /** What the box stands for; picks its colour. */
  kind: LayerKind;
  /** Text in the box. Short: it must fit the box at the diagram's font size (the build checks). */
  label: string;
  /** Columns the box spans. @default 1 */
  span?: number;
  /** Rows the box spans, downwards. @default 1 */
  rowSpan?: number;
}

/** A layer diagram: rows of boxes, drawn top to bottom on a grid of `columns` columns. */
export interface StackDiagramData {
  /** Accessible name of the SVG (its <title>). */
  title: string;
  /** Longer text alternative (its <desc>): say what the picture shows, row by row. */
  description: string;
  /** Number of grid columns; every row must cover all of them. */
  columns: number;
  /** Rows from top to bottom. */
  rows: StackCell[][];
}

/** What a node in a flow diagram stands for. Each kind has its own colour. */
export const FLOW_KINDS = ['client', 'daemon', 'runtime', 'process', 'image', 'state', 'removed'] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** One box in a flow diagram. Nodes are drawn top to bottom in the order given. */
export interface FlowNode {
  /** Unique within the diagram; edges refer to it. Lower-case letters, digits and dashes. */
  id: string;
  kind: FlowKind;
  /** Bold first line. */
  label: string;
  /** Optional smaller second line. */
  detail?: string;
}

/**
 * An arrow. An edge from a node to the next one is drawn straight down with its label beside it;
 * any other edge (back to an earlier node, or skipping nodes) is drawn in a lane on the right,
 * with its label next to the node it leaves. At most one such lane edge may leave a node.
 */
export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
}

export interface FlowDiagramData {
  /** Accessible name of the SVG (its <title>). */
  title: string;
  /** Longer text alternative (its <desc>). */
  description: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/* ------------------------------------------------------------------------------------------ */
/* Geometry shared by the components and the checks (SVG user units; the viewBox is WIDTH wide). */

export const WIDTH = 320;
/** Font size of layer-diagram labels. */
export const FONT = 13;
/** Font sizes of flow-diagram labels and details/edge labels. */
export const FLOW_FONT = 14;
export const SMALL_FONT = 12;
/** Conservative average glyph width of the system sans-serif, as a fraction of the font size. */
export const GLYPH = 0.6;
export const STACK_ROW_HEIGHT = 44;
export const STACK_PAD = 2;
export const STACK_GAP = 4;

/** Greedy word wrap of `text` into lines of at most `width` user units at `size`. */
export function wrap(text: string, width: number, size = FONT): string[] {
  const max = Math.max(1, Math.floor(width / (size * GLYPH)));
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (next.length <= max || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Longest line of `lines` in user units at `size`. */
export function textWidth(lines: string[], size = FONT): number {
  return Math.max(0, ...lines.map((l) => l.length * size * GLYPH));
}

export interface PlacedCell extends StackCell {
  row: number;
  col: number;
  span: number;
  rowSpan: number;
}

/** Place the cells of a layer diagram on its grid (HTML-table rules). Throws on a bad grid. */
export function placeStack(name: string, data: StackDiagramData): PlacedCell[] {
  const problems = stackProblems(name, data);
  if (problems.length) throw new Error(problems.join('\n'));
  return layoutStack(data).cells;
}

function layoutStack(data: StackDiagramData): { cells: PlacedCell[]; problems: string[] } {
  const cols = data.columns;
  const taken: boolean[][] = data.rows.map(() => Array.from({ length: cols }, () => false));
  const cells: PlacedCell[] = [];
  const problems: string[] = [];
  data.rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (c < cols && taken[r]![c]) c++;
      const span = cell.span ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (c + span > cols) {
        problems.push(`row ${r + 1}: "${cell.label}" does not fit: the row already uses ${c} of ${cols} columns and the box spans ${span}`);
        return;
      }
      if (r + rowSpan > data.rows.length) {
        problems.push(`row ${r + 1}: "${cell.label}" has rowSpan ${rowSpan} but only ${data.rows.length - r} rows are left`);
        return;
      }
      for (let rr = r; rr < r + rowSpan; rr++)
        for (let cc = c; cc < c + span; cc++) {
          if (taken[rr]![cc]) problems.push(`row ${rr + 1}, column ${cc + 1}: "${cell.label}" overlaps another box`);
          taken[rr]![cc] = true;
        }
      cells.push({ ...cell, row: r, col: c, span, rowSpan });
      c += span;
    }
    const free = taken[r]!.filter((t) => !t).length;
    if (free) problems.push(`row ${r + 1} leaves ${free} of ${cols} columns empty; make the boxes span all ${cols} columns`);
  });
  return { cells, problems };
}

/** Geometry of a placed stack cell. */
export function stackCellBox(cell: PlacedCell, columns: number) {
  const colW = (WIDTH - 2 * STACK_PAD) / columns;
  const x = STACK_PAD + cell.col * colW + STACK_GAP / 2;
  const y = STACK_PAD + cell.row * STACK_ROW_HEIGHT + STACK_GAP / 2;
  const w = cell.span * colW - STACK_GAP;
  const h = cell.rowSpan * STACK_ROW_HEIGHT - STACK_GAP;
  return { x, y, w, h };
}

/** Everything wrong with a layer diagram, as author-facing messages (empty when it is fine). */
export function stackProblems(name: string, data: StackDiagramData): string[] {
  const at = `Diagram "${name}" (src/data/diagrams.ts)`;
  const out: string[] = [];
  if (!data.title?.trim()) out.push(`${at}: title is empty; it is the SVG's accessible name`);
  if (!data.description?.trim()) out.push(`${at}: description is empty; describe the picture for screen readers`);
  if (!Number.isInteger(data.columns) || data.columns < 1 || data.columns > 6)
    out.push(`${at}: columns must be a whole number from 1 to 6 (received ${data.columns})`);
  if (!data.rows?.length) out.push(`${at}: rows is empty; a layer diagram needs at least one row of boxes`);
  if (out.length) return out;
  data.rows.forEach((row, r) => {
    if (!row.length) out.push(`${at}: row ${r + 1} is empty`);
    for (const cell of row) {
      if (!(LAYER_KINDS as readonly string[]).includes(cell.kind))
        out.push(`${at}: row ${r + 1}: unknown kind "${cell.kind}" for "${cell.label}"; expected one of ${LAYER_KINDS.join(', ')}`);
      if (!cell.label?.trim()) out.push(`${at}: row ${r + 1}: a box has an empty label`);
      for (const k of ['span', 'rowSpan'] as const) {
        const v = cell[k];
        if (v !== undefined && (!Number.isInteger(v) || v < 1)) out.push(`${at}: row ${r + 1}: "${cell.label}" has ${k} ${v}; use a whole number of 1 or more`);
      }
    }
  });
  if (out.length) return out;
  const { cells, problems } = layoutStack(data);
  out.push(...problems.map((p) => `${at}: ${p}`));
  for (const cell of cells) {
    const box = stackCellBox(cell, data.columns);
    const lines = wrap(cell.label, box.w - 8);
    const maxLines = Math.floor((box.h - 6) / (FONT * 1.2));
    if (lines.length > maxLines || textWidth(lines) > box.w - 4)
      out.push(
        `${at}: the label "${cell.label}" does not fit its box (${Math.round(box.w)} units wide, room for ${maxLines} line(s)); shorten it or widen the box with span`,
      );
  }
  return out;
}

/** Everything wrong with a flow diagram, as author-facing messages (empty when it is fine). */
export function flowProblems(name: string, data: FlowDiagramData): string[] {
  const at = `Diagram "${name}" (src/data/diagrams.ts)`;
  const out: string[] = [];
  if (!data.title?.trim()) out.push(`${at}: title is empty; it is the SVG's accessible name`);
  if (!data.description?.trim()) out.push(`${at}: description is empty; describe the picture for screen readers`);
  if (!data.nodes?.length || data.nodes.length < 2) out.push(`${at}: a flow diagram needs at least two nodes`);
  if (out.length) return out;
  const ids = new Set<string>();
  for (const n of data.nodes) {
    if (!/^[a-z][a-z0-9-]*$/.test(n.id)) out.push(`${at}: node id "${n.id}" must be lower-case letters, digits and dashes`);
    if (ids.has(n.id)) out.push(`${at}: duplicate node id "${n.id}"`);
    ids.add(n.id);
    if (!(FLOW_KINDS as readonly string[]).includes(n.kind))
      out.push(`${at}: node "${n.id}": unknown kind "${n.kind}"; expected one of ${FLOW_KINDS.join(', ')}`);
    if (!n.label?.trim()) out.push(`${at}: node "${n.id}" has an empty label`);
    if (textWidth(wrap(n.label, FLOW_NODE_W - 12, FLOW_FONT), FLOW_FONT) > FLOW_NODE_W - 8 || wrap(n.label, FLOW_NODE_W - 12, FLOW_FONT).length > 1)
      out.push(`${at}: node "${n.id}": label "${n.label}" is too long for one line in the box; shorten it or move words to detail`);
    if (n.detail !== undefined && (!n.detail.trim() || n.detail.length * SMALL_FONT * GLYPH > FLOW_NODE_W - 8))
      out.push(
        `${at}: node "${n.id}": detail "${n.detail}" must be non-empty and fit one line (at most ${Math.floor((FLOW_NODE_W - 8) / (SMALL_FONT * GLYPH))} characters)`,
      );
  }
  const lanesFrom = new Set<string>();
  const index = new Map(data.nodes.map((n, i) => [n.id, i]));
  for (const e of data.edges ?? []) {
    const f = index.get(e.from);
    const t = index.get(e.to);
    if (f === undefined) out.push(`${at}: edge from unknown node "${e.from}"; nodes are ${[...ids].join(', ')}`);
    if (t === undefined) out.push(`${at}: edge to unknown node "${e.to}"; nodes are ${[...ids].join(', ')}`);
    if (f === undefined || t === undefined) continue;
    if (f === t) out.push(`${at}: edge from "${e.from}" to itself`);
    else if (t !== f + 1) {
      if (lanesFrom.has(e.from)) out.push(`${at}: more than one lane edge leaves "${e.from}"; only one fits`);
      lanesFrom.add(e.from);
    }
  }
  return out;
}

/** Box width of a flow node (user units). */
export const FLOW_NODE_W = 190;

/* ------------------------------------------------------------------------------------------ */
/* The diagrams. */

const app = (n: string): StackCell => ({ kind: 'app', label: `App ${n}` });
const libs: StackCell = { kind: 'libs', label: 'Bins/Libs' };

export const stackDiagrams = {
  /** Chapter 1, figure 1a. */
  containers: {
    title: 'Using containers',
    description:
      'Three containers, each an application with its own binaries and libraries, run directly on the host operating system kernel. ' +
      'Docker Engine runs beside them on the same kernel and starts and manages them. At the bottom is the infrastructure. No guest operating system is present.',
    columns: 4,
    rows: [
      [app('A'), app('B'), app('C'), { kind: 'engine', label: 'Docker Engine', rowSpan: 2 }],
      [libs, libs, libs],
      [{ kind: 'kernel', label: 'Host OS: one shared Linux kernel', span: 4 }],
      [{ kind: 'infrastructure', label: 'Infrastructure (CPU, memory, devices)', span: 4 }],
    ],
  },
  /** Chapter 1, figure 1b. */
  vms: {
    title: 'Using virtual machines',
    description:
      'Three virtual machines, each with an application, its binaries and libraries, and a complete guest operating system with its own kernel, ' +
      'run on a hypervisor. A type 1 hypervisor runs on the infrastructure directly; a type 2 hypervisor runs as a program on a host operating system.',
    columns: 3,
    rows: [
      [app('A'), app('B'), app('C')],
      [libs, libs, libs],
      [
        { kind: 'guest-os', label: 'Guest OS + kernel' },
        { kind: 'guest-os', label: 'Guest OS + kernel' },
        { kind: 'guest-os', label: 'Guest OS + kernel' },
      ],
      [{ kind: 'hypervisor', label: 'Hypervisor (type 1, or type 2 on a host OS)', span: 3 }],
      [{ kind: 'infrastructure', label: 'Infrastructure (CPU, memory, devices)', span: 3 }],
    ],
  },
  /** Chapter 2: image layers and the writable container layers. */
  layers: {
    title: 'Image layers and container layers',
    description:
      'Two containers made from one image. Each container has its own thin writable layer on top. ' +
      'Below them, shared by both, are the read-only image layers, from the top: COPY . /code, RUN pip3 install, COPY requirements.txt, RUN apt-get install, and the layers of the base image from FROM ubuntu:22.04.',
    columns: 2,
    rows: [
      [
        { kind: 'writable', label: 'Container A: writable layer' },
        { kind: 'writable', label: 'Container B: writable layer' },
      ],
      [{ kind: 'image-layer', label: 'COPY . /code', span: 2 }],
      [{ kind: 'image-layer', label: 'RUN pip3 install -r requirements.txt', span: 2 }],
      [{ kind: 'image-layer', label: 'COPY requirements.txt /code/', span: 2 }],
      [{ kind: 'image-layer', label: 'RUN apt-get install ...', span: 2 }],
      [{ kind: 'image-layer', label: 'FROM ubuntu:22.04 (base image layers)', span: 2 }],
    ],
  },
  /** Chapter 6 (Data and networks), figure 1: where each kind of mount keeps its files. */
  mounts: {
    title: 'Bind mounts, volumes and tmpfs',
    description:
      'A container on top, with its own writable layer that is deleted with the container. Below it, three mounts side by side. ' +
      'A bind mount at /code shows a host folder you choose, ~/project. A named volume at /data lives in the area that Docker manages. ' +
      'A tmpfs mount at /cache lives in host memory. At the bottom, the bind mount and the volume are kept on the host disk when the container is removed; ' +
      'the tmpfs data is lost when the container stops (drawn dashed).',
    columns: 3,
    rows: [
      [{ kind: 'writable', label: 'Container: writable layer, deleted with the container', span: 3 }],
      [
        { kind: 'bind-mount', label: '/code: bind mount' },
        { kind: 'volume', label: '/data: volume' },
        { kind: 'tmpfs', label: '/cache: tmpfs' },
      ],
      [
        { kind: 'bind-mount', label: '~/project on the host' },
        { kind: 'volume', label: "Docker's volume area" },
        { kind: 'tmpfs', label: 'Host memory (RAM)' },
      ],
      [
        { kind: 'host-disk', label: 'Host disk: kept when the container is removed', span: 2 },
        { kind: 'memory', label: 'Lost when it stops' },
      ],
    ],
  },
  /** Chapter 6 (Data and networks), figure 2: which network a container is on decides what it can reach. */
  networks: {
    title: 'Networks: user-defined bridge, default bridge and host',
    description:
      'Four containers. web and db are on the user-defined bridge network app-net, where they find each other by name. ' +
      'A container started without --network is on the default bridge, where other containers reach it by IP address only. ' +
      'These bridge networks sit behind Docker Engine, which translates addresses (NAT) and publishes ports with -p. ' +
      'A ros-node container with --network host skips all of that and uses the host network interfaces directly, with no isolation. ' +
      'At the bottom are the host network interfaces, such as eth0 and wlan0.',
    columns: 4,
    rows: [
      [
        { kind: 'container', label: 'web' },
        { kind: 'container', label: 'db' },
        { kind: 'container', label: 'plain run' },
        { kind: 'container', label: 'ros-node' },
      ],
      [
        { kind: 'network', label: 'app-net: names resolve', span: 2 },
        { kind: 'network', label: 'bridge: IP only' },
        { kind: 'network', label: 'host: no isolation', rowSpan: 2 },
      ],
      [{ kind: 'engine', label: 'Docker Engine: NAT and -p', span: 3 }],
      [{ kind: 'infrastructure', label: 'Host network interfaces (eth0, wlan0)', span: 4 }],
    ],
  },
  /** Chapter 7 (Compose), figure 1: the robot stack of the worked example. */
  'robot-stack': {
    title: 'A robot stack in Compose',
    description:
      'Five services: ros, camera, autopilot and dashboard always run; recorder runs only with --profile record. ' +
      'All of them use network_mode: host, so they share the robot network stack. Below that, what they are given: ' +
      'the /data bind mount (ros, autopilot and dashboard), the camera device /dev/video0 (camera only) and the named volume bags (recorder). ' +
      'At the bottom, the robot itself: its Linux kernel and Docker Engine.',
    columns: 3,
    rows: [
      [
        { kind: 'container', label: 'ros' },
        { kind: 'container', label: 'camera' },
        { kind: 'container', label: 'autopilot' },
      ],
      [
        { kind: 'container', label: 'dashboard' },
        { kind: 'container', label: 'recorder: only with --profile record', span: 2 },
      ],
      [{ kind: 'network', label: 'Host network (network_mode: host)', span: 3 }],
      [
        { kind: 'bind-mount', label: '/data bind mount' },
        { kind: 'device', label: '/dev/video0' },
        { kind: 'volume', label: 'bags volume' },
      ],
      [{ kind: 'kernel', label: 'Robot: Linux kernel and Docker Engine', span: 3 }],
    ],
  },
} satisfies Record<string, StackDiagramData>;

export const flowDiagrams = {
  /** Chapter 2: from `docker run` to a process. */
  'request-path': {
    title: 'The path of a docker run request',
    description:
      'The docker CLI sends an HTTP request to the Docker Engine REST API over the UNIX socket /var/run/docker.sock, or over TCP or SSH to another machine. ' +
      'dockerd passes the container to containerd, which starts runc. runc creates the namespaces and cgroups and starts the process, which then runs on the host kernel.',
    nodes: [
      { id: 'cli', kind: 'client', label: 'docker (the CLI)', detail: 'sends API requests' },
      { id: 'dockerd', kind: 'daemon', label: 'dockerd', detail: 'the daemon; runs as root' },
      { id: 'containerd', kind: 'daemon', label: 'containerd', detail: 'container lifecycle' },
      { id: 'runc', kind: 'runtime', label: 'runc', detail: 'OCI runtime; then exits' },
      { id: 'process', kind: 'process', label: 'Your process', detail: 'namespaces + cgroups' },
    ],
    edges: [
      { from: 'cli', to: 'dockerd', label: 'REST API over /var/run/docker.sock (or TCP/SSH)' },
      { from: 'dockerd', to: 'containerd', label: 'gRPC API' },
      { from: 'containerd', to: 'runc', label: 'via a shim, with an OCI bundle' },
      { from: 'runc', to: 'process', label: 'sets up isolation, starts the command' },
    ],
  },
  /** Images, containers and registries: the container lifecycle. */
  lifecycle: {
    title: 'The container lifecycle',
    description:
      'An image is turned into a created container by docker create. docker start makes it running. When its main process exits, or after docker stop or docker kill, it is exited. ' +
      'docker start runs an exited container again with the same writable layer. docker rm removes an exited or a created container; docker rm -f also removes a running one. docker run does create and start in one step.',
    nodes: [
      { id: 'image', kind: 'image', label: 'Image', detail: 'read-only template' },
      { id: 'created', kind: 'state', label: 'Created', detail: 'has a writable layer' },
      { id: 'running', kind: 'state', label: 'Running', detail: 'main process alive' },
      { id: 'exited', kind: 'state', label: 'Exited', detail: 'stopped; files kept' },
      { id: 'removed', kind: 'removed', label: 'Removed', detail: 'writable layer gone' },
    ],
    edges: [
      { from: 'image', to: 'created', label: 'docker create' },
      { from: 'created', to: 'running', label: 'docker start (docker run does both)' },
      { from: 'running', to: 'exited', label: 'process exits, docker stop or docker kill' },
      { from: 'exited', to: 'removed', label: 'docker rm (or --rm at exit)' },
      // Side lanes, outermost first, so no label crosses another lane.
      { from: 'created', to: 'removed', label: 'docker rm' },
      { from: 'running', to: 'removed', label: 'docker rm -f' },
      { from: 'exited', to: 'running', label: 'docker start' },
    ],
  },
} satisfies Record<string, FlowDiagramData>;

export type StackDiagramName = keyof typeof stackDiagrams;
export type FlowDiagramName = keyof typeof flowDiagrams;
