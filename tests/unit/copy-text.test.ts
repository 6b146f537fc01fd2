import { describe, expect, test } from 'vitest';
import { copyText, explainableCommand, htmlToText } from '~/lib/text/copy-text.ts';
import { exampleCode } from '~/lib/reference/commands.ts';

describe('copyText', () => {
  test('console: only the commands, without the $ prompt or the output', () => {
    expect(copyText('$ docker ps -a\nCONTAINER ID   IMAGE\n3f2c1a9b8d7e   ubuntu', 'console')).toBe('docker ps -a');
    expect(copyText('$ docker pull ubuntu\nlatest: Pulling\n$ docker images\nREPOSITORY', 'console')).toBe('docker pull ubuntu\ndocker images');
  });
  test('console: \\ continuations are kept, and the output after them is not', () => {
    const code = '$ docker run -itd --name bot \\\n    --device /dev/video0 \\\n    duckietown/dt-core:ente\n4f1e2d3c';
    expect(copyText(code, 'console')).toBe('docker run -itd --name bot \\\n    --device /dev/video0 \\\n    duckietown/dt-core:ente');
  });
  test('bash: the whole block, trailing blanks and blank edges trimmed', () => {
    expect(copyText('\ndocker run --rm \\\n  ubuntu:22.04 ls   \n\n', 'bash')).toBe('docker run --rm \\\n  ubuntu:22.04 ls');
    expect(copyText('docker ps\r\ndocker images', 'sh')).toBe('docker ps\ndocker images');
  });
  test('a root prompt "# " counts as a prompt; output lines never do', () => {
    expect(copyText('# docker ps\nCONTAINER ID\n$ docker images\n  REPOSITORY TAG', 'console')).toBe('docker ps\ndocker images');
  });
});

describe('htmlToText', () => {
  test('tags removed, entities decoded, one line per highlighted line', () => {
    const html =
      '<code><span class="line"><span style="--a:1">docker</span> run &amp;&amp; echo &quot;&lt;ok&gt;&quot; &#x27;x&#39;</span>\n<span class="line">ls</span></code>';
    expect(htmlToText(html)).toBe('docker run && echo "<ok>" \'x\'\nls');
  });
});

describe('explainableCommand', () => {
  test('the first docker command, continuations joined, sudo dropped', () => {
    expect(explainableCommand('sudo docker run --rm \\\n  ubuntu ls')).toBe('docker run --rm ubuntu ls');
    expect(explainableCommand('cd robot\ndocker compose up -d')).toBe('docker compose up -d');
    expect(explainableCommand('ls -la')).toBeUndefined();
  });
  test('a block with several docker commands keeps every one, in order, one a line', () => {
    expect(explainableCommand('docker network create rosnet\ncd robot\nsudo docker run -it --rm \\\n  --net=rosnet ros roscore\ndocker ps')).toBe(
      'docker network create rosnet\ndocker run -it --rm --net=rosnet ros roscore\ndocker ps',
    );
  });
});

describe('reference examples', () => {
  test('an example with output becomes a console block whose copy text is exactly the command', () => {
    const e = { command: 'docker system df', does: 'x', output: 'TYPE  TOTAL\nImages  5\n' };
    const { lang, code } = exampleCode(e);
    expect(lang).toBe('console');
    expect(copyText(code, lang)).toBe('docker system df');
  });
  test('an example without output is a bash block, continuations kept', () => {
    const { lang, code } = exampleCode({ command: 'docker run -itd \\\n  --name bot ubuntu', does: 'x' });
    expect(lang).toBe('bash');
    expect(copyText(code, lang)).toBe('docker run -itd \\\n  --name bot ubuntu');
  });
});

describe('the explain link of a code block finds docker lines as the explainer reads them', () => {
  test('variables set in front and sudo with options lead to the docker command; other programs do not', () => {
    expect(explainableCommand('DOCKER_HOST=ssh://duckie@robot.local docker ps')).toBe('DOCKER_HOST=ssh://duckie@robot.local docker ps');
    expect(explainableCommand('export X=1\nDOCKER_CONTEXT="robot" docker \\\n  compose up -d')).toBe('DOCKER_CONTEXT="robot" docker compose up -d');
    expect(explainableCommand('sudo -E docker ps')).toBe('sudo -E docker ps');
    expect(explainableCommand('sudo docker ps -a')).toBe('docker ps -a');
    for (const other of ['dockerd --debug', 'echo docker ps', 'docker', 'X=1 dockerd', 'systemctl restart docker'])
      expect(explainableCommand(other), other).toBeUndefined();
  });
});
