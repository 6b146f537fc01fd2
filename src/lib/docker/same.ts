/**
 * When two values or two image references mean the same to docker: what the exercise checker
 * (src/lib/exercises/check.ts) compares, read with the model's one reading of each (values.ts,
 * word-shapes.ts). Its own module, so the explainer, which never compares, does not load it.
 */
import type { ValueKind } from './kinds.ts';
import { isReadOnlyValue, mountFields, portMapping } from './values.ts';
import { parseImageReference } from './word-shapes.ts';

/** Whether two references name the same image as docker resolves them: `nginx` = `nginx:latest` = `docker.io/library/nginx:latest`. */
export function sameImageReference(a: string, b: string): boolean {
  const x = parseImageReference(a);
  const y = parseImageReference(b);
  if (x.name !== y.name) return false;
  if (x.digest || y.digest) return x.digest === y.digest && (x.tag === undefined || y.tag === undefined || x.tag === y.tag);
  return (x.tag ?? 'latest') === (y.tag ?? 'latest');
}

const trimSlash = (s: string) => (s.length > 1 ? s.replace(/\/+$/, '') : s);

/**
 * Whether two values of a flag of this kind mean the same to docker: `8080:80` and `8080:80/tcp`;
 * `/data/:/data` and `/data:/data`; a mount's fields in any order and under any of their names.
 */
export function sameValue(kind: ValueKind | undefined, a: string, b: string): boolean {
  if (kind === 'port-mapping') {
    const x = portMapping(a);
    const y = portMapping(b);
    return !!x && !!y && x.ip === y.ip && x.host === y.host && x.container === y.container && x.proto === y.proto;
  }
  if (kind === 'volume' || kind === 'device') return a.split(':').map(trimSlash).join(':') === b.split(':').map(trimSlash).join(':');
  if (kind === 'mount') {
    const key = (v: string) =>
      mountFields(v)
        .map((f) => `${f.field}=${f.field === 'readonly' ? isReadOnlyValue(f.value) : f.value}`)
        .sort()
        .join(',');
    return key(a) === key(b);
  }
  return a === b;
}
