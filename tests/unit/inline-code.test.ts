import { describe, expect, it } from 'vitest';
import { codeBreaks, LONG_TOKEN } from '../../src/lib/markdown/inline-code.ts';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('codeBreaks: where inline code may wrap', () => {
  it('keeps a flag or a short path whole', () => {
    for (const t of ['--privileged', '-itd', 'docker.sock', '/dev/video0', '--net=host', '8080:80']) {
      expect(codeBreaks(t)).toEqual({ html: t, className: 'nobr' });
    }
  });

  it('lets a command wrap at its spaces, never inside a flag', () => {
    const r = codeBreaks('docker run --privileged -v /dev:/dev ros');
    expect(r.className).toBeUndefined();
    expect(r.html).toContain('<span class="nobr">--privileged</span>');
    expect(r.html).toContain('<span class="nobr">/dev:/dev</span>');
    expect(text(r.html)).toBe('docker run --privileged -v /dev:/dev ros');
  });

  it('lets a long path wrap after each /, segments whole, and never between //', () => {
    const path = '/home/duckie/catkin-ws/src/my-robot/launch';
    expect(path.length).toBeGreaterThan(LONG_TOKEN);
    const r = codeBreaks(path);
    expect(r.html.split('<wbr>').length).toBe(path.split('/').length);
    expect(r.html).toContain('<span class="nobr">catkin-ws/</span>');
    expect(text(r.html)).toBe(path);
    expect(codeBreaks('tcp://robot.local:2375/v1.45/containers').html).not.toContain('/<wbr>/');
  });

  it('counts an escaped character as one', () => {
    expect(codeBreaks('&lt;name&gt;/&lt;tag&gt;').className).toBe('nobr');
  });
});
