import { describe, expect, it } from 'vitest';
import { orderChapters, prevNext, toLink } from '../../src/lib/site/navigation.ts';
import { basePath, withBase } from '../../src/lib/site/urls.ts';

const ch = (id: string, order: number, extra: Partial<{ sidebarLabel: string }> = {}) => ({
  id,
  title: `Title of ${id}`,
  order,
  filePath: `content/chapters/${id}.mdx`,
  ...extra,
});

describe('orderChapters', () => {
  it('sorts by order, not by file name', () => {
    const out = orderChapters([ch('b', 3), ch('a', 10), ch('c', 1)]);
    expect(out.map((c) => c.id)).toEqual(['c', 'b', 'a']);
  });
  it('fails naming both files when two chapters share an order', () => {
    expect(() => orderChapters([ch('one', 2), ch('two', 2)])).toThrow(/content\/chapters\/one\.mdx and content\/chapters\/two\.mdx both have "order: 2"/);
  });
});

describe('prevNext', () => {
  const ordered = orderChapters([ch('first', 1), ch('middle', 2, { sidebarLabel: 'Mid' }), ch('last', 3)]);
  it('links the neighbours of a middle chapter, using sidebar labels', () => {
    const { prev, next } = prevNext(ordered, 'middle');
    expect(prev).toEqual({ id: 'first', label: 'Title of first', path: 'first/' });
    expect(next).toEqual({ id: 'last', label: 'Title of last', path: 'last/' });
    expect(prevNext(ordered, 'first').prev).toBeUndefined();
    expect(prevNext(ordered, 'last').next).toBeUndefined();
    expect(prevNext(ordered, 'first').next?.label).toBe('Mid');
  });
  it('returns nothing for an unknown id', () => {
    expect(prevNext(ordered, 'nope')).toEqual({});
  });
  it('toLink uses the title when there is no sidebar label', () => {
    expect(toLink(ch('x', 1)).label).toBe('Title of x');
  });
});

describe('withBase', () => {
  it('prefixes site paths with the root base', () => {
    expect(withBase('what-is-docker/', '/')).toBe('/what-is-docker/');
    expect(withBase('/search/', '/')).toBe('/search/');
    expect(withBase('', '/')).toBe('/');
  });
  it('prefixes site paths with a sub-path base, with or without its trailing slash', () => {
    expect(withBase('what-is-docker/', '/docker-basics/')).toBe('/docker-basics/what-is-docker/');
    expect(withBase('/explain/?cmd=docker%20ps', '/docker-basics')).toBe('/docker-basics/explain/?cmd=docker%20ps');
    expect(basePath('/docker-basics')).toBe('/docker-basics/');
  });
});
