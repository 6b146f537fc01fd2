/**
 * SITE_URL and BASE_PATH mistakes fail when the Astro config loads (astro.config.mjs, checked by
 * src/integrations/site-config.ts), naming the variable and showing a value that works. The table
 * runs the check in-process; two cases spawn Node to load the real astro.config.mjs with the
 * environment given, as `npm run build` would, to prove the config uses it.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { siteConfig, siteUrlWarning } from '../../src/integrations/site-config.ts';

const NODE = resolve('node_modules/.bin/node');

/** Load astro.config.mjs with these variables; print the site and base it resolved to. */
function loadConfig(env: Record<string, string>) {
  const r = spawnSync(
    NODE,
    ['--input-type=module', '-e', "const c = (await import('./astro.config.mjs')).default; console.log(JSON.stringify({ site: c.site, base: c.base }))"],
    { encoding: 'utf8', env: { ...process.env, SITE_URL: '', BASE_PATH: '', ...env }, timeout: 60_000 },
  );
  return {
    status: r.status,
    out: `${r.stdout}\n${r.stderr}`,
    config: r.status === 0 ? (JSON.parse(r.stdout.trim().split('\n').pop()!) as { site: string; base: string }) : undefined,
  };
}

describe('valid settings load', () => {
  const ok: Array<[Record<string, string>, { site: string; base: string }]> = [
    [{}, { site: 'http://localhost:4321', base: '/' }],
    [
      { SITE_URL: 'https://example.github.io', BASE_PATH: '/docker-basics/' },
      { site: 'https://example.github.io', base: '/docker-basics/' },
    ],
    [
      { SITE_URL: 'https://example.github.io/', BASE_PATH: '/docker-basics' },
      { site: 'https://example.github.io', base: '/docker-basics/' },
    ],
    [{ SITE_URL: 'http://localhost:8080' }, { site: 'http://localhost:8080', base: '/' }],
  ];
  it.each(ok)('%j', (env, expected) => {
    expect(siteConfig(env)).toEqual(expected);
  });
  it('astro.config.mjs uses them', () => {
    const r = loadConfig({ SITE_URL: 'https://example.github.io/', BASE_PATH: '/docker-basics' });
    expect(r.status, r.out).toBe(0);
    expect(r.config).toEqual({ site: 'https://example.github.io', base: '/docker-basics/' });
  });
});

describe('mistakes fail, naming the variable and a valid example', () => {
  const bad: Array<[Record<string, string>, RegExp[]]> = [
    [
      { SITE_URL: 'http://example.com/sub' },
      [/SITE_URL=http:\/\/example\.com\/sub/, /has a path \(\/sub\)/, /SITE_URL=http:\/\/example\.com BASE_PATH=\/sub\//],
    ],
    [{ SITE_URL: 'https://example.github.io/docker-basics/', BASE_PATH: '/docker-basics/' }, [/has a path/, /BASE_PATH=\/docker-basics\//]],
    [{ SITE_URL: 'example.com' }, [/SITE_URL=example\.com is not a URL/, /SITE_URL=https:\/\/example\.com/]],
    [{ SITE_URL: 'ftp://example.com' }, [/SITE_URL=ftp:\/\/example\.com/, /http:\/\/ or https:\/\//]],
    [{ SITE_URL: 'https://example.com?x=1' }, [/SITE_URL/, /query/]],
    [{ BASE_PATH: 'docker-basics' }, [/BASE_PATH=docker-basics/, /start with \//, /BASE_PATH=\/docker-basics\//]],
    [{ BASE_PATH: '/a b/' }, [/BASE_PATH=\/a b\//, /letters, digits/]],
    [{ BASE_PATH: '/x/../y/' }, [/BASE_PATH=\/x\/\.\.\/y\//]],
  ];
  it.each(bad)('%j', (env, patterns) => {
    let message = '';
    try {
      siteConfig(env);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message, 'no error').not.toBe('');
    for (const p of patterns) expect(message).toMatch(p);
  });
  it.each([{ SITE_URL: 'http://example.com/sub' }, { SITE_URL: 'example.com' }])(
    'loading astro.config.mjs with %j fails with the message, not "Invalid URL"',
    (env) => {
      const r = loadConfig(env);
      expect(r.status, r.out).not.toBe(0);
      expect(r.out).toMatch(/SITE_URL=\S+ (has a path|is not a URL)/);
      expect(r.out).not.toMatch(/TypeError: Invalid URL/);
    },
  );
});

describe('a loopback SITE_URL in a build is said out loud', () => {
  it('warns for localhost, 127.x and ::1, naming the variable and what to set', () => {
    for (const url of ['http://localhost:8080', 'http://127.0.0.1', 'http://[::1]:4321', 'http://lab.localhost']) {
      expect(siteUrlWarning({ SITE_URL: url }), url).toMatch(/^SITE_URL=\S+ is a loopback address: .*set SITE_URL to its public origin/);
    }
  });
  it('stays quiet for a public origin and for the unset default', () => {
    expect(siteUrlWarning({ SITE_URL: 'https://example.github.io' })).toBeUndefined();
    expect(siteUrlWarning({ SITE_URL: 'http://192.168.1.20:8080' })).toBeUndefined();
    expect(siteUrlWarning({})).toBeUndefined();
  });
});
