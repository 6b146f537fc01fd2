/**
 * SITE_URL and BASE_PATH mistakes fail when the Astro config loads (astro.config.mjs, checked by
 * src/integrations/site-config.ts), naming the variable and showing a value that works. Each case
 * spawns Node to load the real config with the environment given, as `npm run build` would.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const NODE = resolve('node_modules/.bin/node');

/** Load astro.config.mjs with these variables; print the site and base it resolved to. */
function loadConfig(env: Record<string, string>) {
  const r = spawnSync(
    NODE,
    ['--input-type=module', '-e', "const c = (await import('./astro.config.mjs')).default; console.log(JSON.stringify({ site: c.site, base: c.base }))"],
    { encoding: 'utf8', env: { ...process.env, SITE_URL: '', BASE_PATH: '', ...env }, timeout: 60_000 },
  );
  return { status: r.status, out: `${r.stdout}\n${r.stderr}`, config: r.status === 0 ? (JSON.parse(r.stdout.trim().split('\n').pop()!) as { site: string; base: string }) : undefined };
}

describe('valid settings load', () => {
  const ok: Array<[Record<string, string>, { site: string; base: string }]> = [
    [{}, { site: 'http://localhost:4321', base: '/' }],
    [{ SITE_URL: 'https://example.github.io', BASE_PATH: '/docker-basics/' }, { site: 'https://example.github.io', base: '/docker-basics/' }],
    [{ SITE_URL: 'https://example.github.io/', BASE_PATH: '/docker-basics' }, { site: 'https://example.github.io', base: '/docker-basics/' }],
    [{ SITE_URL: 'http://localhost:8080' }, { site: 'http://localhost:8080', base: '/' }],
  ];
  it.each(ok)('%j', (env, expected) => {
    const r = loadConfig(env);
    expect(r.status, r.out).toBe(0);
    expect(r.config).toEqual(expected);
  });
});

describe('mistakes fail, naming the variable and a valid example', () => {
  const bad: Array<[Record<string, string>, RegExp[]]> = [
    [{ SITE_URL: 'http://example.com/sub' }, [/SITE_URL=http:\/\/example\.com\/sub/, /has a path \(\/sub\)/, /SITE_URL=http:\/\/example\.com BASE_PATH=\/sub\//]],
    [{ SITE_URL: 'https://example.github.io/docker-basics/', BASE_PATH: '/docker-basics/' }, [/has a path/, /BASE_PATH=\/docker-basics\//]],
    [{ SITE_URL: 'example.com' }, [/SITE_URL=example\.com is not a URL/, /SITE_URL=https:\/\/example\.com/]],
    [{ SITE_URL: 'ftp://example.com' }, [/SITE_URL=ftp:\/\/example\.com/, /http:\/\/ or https:\/\//]],
    [{ SITE_URL: 'https://example.com?x=1' }, [/SITE_URL/, /query/]],
    [{ BASE_PATH: 'docker-basics' }, [/BASE_PATH=docker-basics/, /start with \//, /BASE_PATH=\/docker-basics\//]],
    [{ BASE_PATH: '/a b/' }, [/BASE_PATH=\/a b\//, /letters, digits/]],
    [{ BASE_PATH: '/x/../y/' }, [/BASE_PATH=\/x\/\.\.\/y\//]],
  ];
  it.each(bad)('%j', (env, patterns) => {
    const r = loadConfig(env);
    expect(r.status, r.out).not.toBe(0);
    for (const p of patterns) expect(r.out).toMatch(p);
    expect(r.out).not.toMatch(/TypeError: Invalid URL/);
  });
});
