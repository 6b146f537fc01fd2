/**
 * Line-break hints for inline code, decided at build time. Browsers may break inline code after a
 * hyphen or (with `overflow-wrap: anywhere`) between any two letters, which on a phone splits
 * `--privileged` into `--` / `privileged` and `docker.sock` into `docker.soc` / `k`. Here:
 * - a token (a run without spaces) never breaks inside: `nobr` (white-space: nowrap);
 * - a long path or URL (more than LONG_TOKEN characters with a `/`) may break after each `/`
 *   (`<wbr>`), its segments still whole;
 * - code breaks between its tokens, at the spaces, like text.
 * The input is HTML-escaped text (no tags); the output is HTML. The text content is unchanged, so
 * search, copy and `htmlToText()` see the same words.
 */

/** Tokens longer than this (in characters) that contain a `/` may wrap after each `/`. */
export const LONG_TOKEN = 20;

export interface CodeBreaks {
  /** Inner HTML of the `<code>` element. */
  html: string;
  /** Class for the `<code>` element: `nobr` when the whole code is one short token. */
  className: string | undefined;
}

const length = (escaped: string) => escaped.replace(/&[#\w]+;/g, '_').length;

function longPath(token: string): string {
  return token
    .split(/(?<=\/)(?!\/)/)
    .map((part) => (/[-.]/.test(part) ? `<span class="nobr">${part}</span>` : part))
    .join('<wbr>');
}

export function codeBreaks(escaped: string): CodeBreaks {
  const tokens = escaped.split(/(\s+)/).filter((t) => t !== '');
  const words = tokens.filter((t) => !/^\s+$/.test(t));
  const isLong = (t: string) => length(t) > LONG_TOKEN && t.includes('/');
  if (words.length === 1 && tokens.length === 1 && !isLong(escaped)) return { html: escaped, className: 'nobr' };
  const html = tokens.map((t) => (/^\s+$/.test(t) ? t : isLong(t) ? longPath(t) : /[-./:=]/.test(t) ? `<span class="nobr">${t}</span>` : t)).join('');
  return { html, className: undefined };
}
