/**
 * One docker grammar, everywhere (issue 21, point 6): image references, flag values, the commands
 * and flags that delete data, and the reference's known mistakes are each read by one function of
 * the model (src/lib/docker/), and every consumer a user meets (the explainer, its risks, the
 * checker of the site's docker lines, the exercise checker) reads them through it, so they agree.
 */
import { describe, expect, test } from 'vitest';
import { explain } from '~/lib/docker/explain.ts';
import { lineProblems } from '~/lib/docker/check.ts';
import { deletedByFlag, deletesThings, deletingFlags } from '~/lib/docker/deletes.ts';
import { mistakesOf } from '~/lib/docker/model.ts';
import { sameImageReference, sameValue } from '~/lib/docker/same.ts';
import { portMapping } from '~/lib/docker/values.ts';
import { parseImageReference } from '~/lib/docker/word-shapes.ts';
import { checkAnswer } from '~/lib/exercises/check.ts';
import type { Step } from '~/lib/exercises/schema.ts';
import { checkDockerCommandLine, dockerModel } from '../support/docker-model.ts';
import { loadExplainData } from '../support/reference-data.ts';

const data = loadExplainData();
const { index, model } = dockerModel();
const DIGEST = `sha256:${'ab'.repeat(32)}`;
const task = (step: Partial<Step> & { command: string }) => ({ answers: [[{ flags: {}, absent: [], ...step }]] });
const risksOf = (line: string) => explain(line, data).risks.map((r) => r.id);
const imagePart = (line: string) => explain(line, data).parts.find((p) => p.kind === 'image');

describe('image references: one reading', () => {
  test.each([
    ['nginx', { repository: 'nginx', name: 'nginx' }],
    ['ubuntu:22.04', { repository: 'ubuntu', name: 'ubuntu', tag: '22.04' }],
    ['localhost:5000/img:tag', { registry: 'localhost:5000', repository: 'localhost:5000/img', name: 'localhost:5000/img', tag: 'tag' }],
    ['localhost:5000/img', { registry: 'localhost:5000', repository: 'localhost:5000/img', name: 'localhost:5000/img' }],
    [`localhost:5000/img@${DIGEST}`, { registry: 'localhost:5000', repository: 'localhost:5000/img', name: 'localhost:5000/img', digest: DIGEST }],
    [`ros:humble@${DIGEST}`, { repository: 'ros', name: 'ros', tag: 'humble', digest: DIGEST }],
    ['docker.io/library/nginx', { registry: 'docker.io', repository: 'docker.io/library/nginx', name: 'nginx' }],
    [
      'docker.io/duckietown/dt-core:ente-arm64v8',
      { registry: 'docker.io', repository: 'docker.io/duckietown/dt-core', name: 'duckietown/dt-core', tag: 'ente-arm64v8' },
    ],
    ['ghcr.io/org/img:v1', { registry: 'ghcr.io', repository: 'ghcr.io/org/img', name: 'ghcr.io/org/img', tag: 'v1' }],
  ] as const)('%s', (ref, parts) => {
    expect(parseImageReference(ref)).toEqual(parts);
    // The checker of the site's docker lines and the explainer accept it.
    expect(checkDockerCommandLine(`docker run --rm ${ref}`, 's')).toEqual([]);
    expect(imagePart(`docker run --rm ${ref}`)?.problems ?? []).toEqual([]);
  });

  test('the checker and the explainer reject what the CLI rejects, with "invalid reference format"', () => {
    for (const ref of ['Nginx', 'nginx:', 'a//b', 'my__-image', `nginx@sha256:abc`]) {
      expect(checkDockerCommandLine(`docker run --rm ${ref}`, 's').join(), ref).toMatch(/not a valid image reference/);
      expect(
        imagePart(`docker run --rm ${ref}`)!.problems.map((p) => p.code),
        ref,
      ).toEqual(['invalid-image']);
    }
  });

  test('docker.io/library/nginx = nginx = nginx:latest, for the model, the explainer and the exercise checker', () => {
    const same = ['nginx', 'nginx:latest', 'docker.io/library/nginx', 'docker.io/library/nginx:latest', 'index.docker.io/library/nginx', 'library/nginx'];
    const other = ['nginx:1.29', 'localhost:5000/nginx', 'docker.io/bitnami/nginx', 'ghcr.io/library/nginx', `nginx@${DIGEST}`];
    for (const a of same) for (const b of same) expect(sameImageReference(a, b), `${a} = ${b}`).toBe(true);
    for (const b of other) expect(sameImageReference('nginx:latest', b), `nginx:latest != ${b}`).toBe(false);
    for (const ref of same) {
      expect(imagePart(`docker run ${ref}`)!.explanation, ref).toMatch(/^The image: repository nginx \(an official image\), tag latest.*from Docker Hub/);
      expect(checkAnswer(`docker run -d ${ref}`, task({ command: 'docker run', image: 'nginx:latest' }), index).ok, ref).toBe(true);
    }
    for (const ref of other)
      expect(checkAnswer(`docker run -d ${ref}`, task({ command: 'docker run', image: 'nginx:latest' }), index).feedback[0]!.reason, ref).toBe('wrong-image');
    // A task without a tag takes any tag of that image, and only of that image.
    expect(checkAnswer('docker run docker.io/library/nginx:1.29', task({ command: 'docker run', image: 'nginx' }), index).ok).toBe(true);
    expect(checkAnswer('docker run localhost:5000/nginx', task({ command: 'docker run', image: 'nginx' }), index).ok).toBe(false);
  });

  test('the explainer names the registry, the tag and the digest it read', () => {
    expect(imagePart('docker run localhost:5000/img:tag')!.explanation).toMatch(/repository localhost:5000\/img, tag tag, from the registry localhost:5000/);
    expect(imagePart(`docker run ros:humble@${DIGEST}`)!.explanation).toMatch(new RegExp(`exactly the digest ${DIGEST}, from Docker Hub`));
  });

  test('an architecture in the tag or the namespace is read from the parts, never from a registry port', () => {
    for (const ref of ['duckietown/dt-core:ente-arm64v8', 'docker.io/arm64v8/ros:humble', `localhost:5000/bot:v1-arm64v8@${DIGEST}`, 'arm64v8/ubuntu'])
      expect(risksOf(`docker run --rm ${ref} ls`), ref).toContain('arch-mismatch');
    for (const ref of ['localhost:5000/bot', 'duckietown/arm64v8-tools:v1', 'ros:humble'])
      expect(risksOf(`docker run --rm ${ref} ls`), ref).not.toContain('arch-mismatch');
  });

  test('bash in Alpine or BusyBox is found however the image is written', () => {
    for (const ref of ['alpine', 'alpine:3.22', 'docker.io/library/alpine:3.22', `alpine@${DIGEST}`, 'busybox', 'python:3.13-alpine'])
      expect(risksOf(`docker run -it ${ref} bash`), ref).toContain('no-bash');
    expect(risksOf('docker run -it ubuntu bash')).not.toContain('no-bash');
    expect(risksOf('docker run -it alpine sh')).not.toContain('no-bash');
  });
});

describe('flag values: one reading for the explainer and the exercise checker', () => {
  test('port mappings', () => {
    expect(portMapping('127.0.0.1:8081:80/udp')).toEqual({ ip: '127.0.0.1', host: '8081', container: '80', proto: 'udp' });
    expect(portMapping('[::1]:8080:80')).toEqual({ ip: '::1', host: '8080', container: '80', proto: 'tcp' });
    expect(portMapping('8080:80/xyz')).toBeUndefined();
    expect(sameValue('port-mapping', '8080:80', '8080:80/tcp')).toBe(true);
    const part = (v: string) => explain(`docker run -p ${v} nginx`, data).parts.find((p) => p.text === v)!.explanation;
    // The explainer says what the exercise checker compares: the same mapping reads the same.
    expect(part('8080:80/tcp')).toBe(part('8080:80'));
    expect(part('[::1]:8080:80')).toBe('Send port 8080 of the host (address ::1 only) to port 80 inside the container.');
    expect(part('8080:80/xyz')).toMatch(/expected HOST_PORT:CONTAINER_PORT/);
    const publish = task({ command: 'docker run', flags: { '--publish': '8080:80' }, image: 'nginx' });
    expect(checkAnswer('docker run -p 8080:80/tcp nginx', publish, index).ok).toBe(true);
    expect(checkAnswer('docker run -p 80:8080 nginx', publish, index).feedback[0]!.reason).toBe('reversed-ports');
  });

  test('mounts: fields in any order and under any of their names, for the checker, the explainer and the risks', () => {
    const a = 'type=bind,source=/,target=/host,readonly';
    const b = 'ro=true,dst=/host,src=/,type=bind';
    expect(sameValue('mount', a, b)).toBe(true);
    expect(sameValue('mount', a, 'type=bind,src=/,dst=/host')).toBe(false);
    for (const v of [a, b]) {
      const part = explain(`docker run --mount ${v} ubuntu`, data).parts.find((p) => p.text === v)!;
      expect(part.explanation, v).toMatch(/^Mount the host path \/ at \/host inside the container, read-only/);
      expect(risksOf(`docker run --privileged --mount ${v} ubuntu`), v).toContain('root-on-host');
    }
    expect(checkAnswer(`docker run --mount ${b} ubuntu`, task({ command: 'docker run', flags: { '--mount': a }, image: 'ubuntu' }), index).ok).toBe(true);
  });
});

describe('commands and flags that delete data: one list', () => {
  const names = model.commands.filter((c) => !c.partial).map((c) => c.name);
  const deleting = names.filter(deletesThings);

  test('the model has deleting commands of every kind', () => {
    for (const n of ['docker container rm', 'docker image rm', 'docker volume rm', 'docker system prune', 'docker volume prune']) expect(deleting).toContain(n);
    expect(deleting).not.toContain('docker container run');
  });

  test('the exercise checker refuses every deleting command the task does not ask for, and no other', () => {
    const want = task({ command: 'docker container ls' });
    const checked = names
      .filter((name) => name !== 'docker container ls' && name.includes(' '))
      .map((name) => [name, checkAnswer(`${name} x`, want, index).feedback[0]?.reason] as const)
      .filter(([, reason]) => reason === 'deletes-data' || reason === 'wrong-command');
    for (const [name, reason] of checked) expect(reason, name).toBe(deletesThings(name) ? 'deletes-data' : 'wrong-command');
    expect(checked.filter(([, r]) => r === 'deletes-data').length).toBeGreaterThan(10);
    expect(checked.filter(([, r]) => r === 'wrong-command').length).toBeGreaterThan(50);
  });

  test('"did you mean" never leads a typo to a deleting command', () => {
    for (const name of deleting) {
      const words = name.split(' ');
      const last = words.at(-1)!;
      const typo = `${words.slice(0, -1).join(' ')} ${last.slice(0, -1)}${last.at(-1)}${last.at(-1)}`;
      const suggested = lineProblems(typo, index).flatMap((f) => (f.problem.suggestion ? [f.problem.suggestion.text] : []));
      for (const s of suggested) expect(deletesThings(s), `${typo} -> ${s}`).toBe(false);
    }
    // A typo of a command that deletes nothing still gets its suggestion.
    expect(lineProblems('docker container lss', index)[0]!.problem.suggestion?.text).toMatch(/\bls\b/);
  });

  test.each(names.flatMap((n) => deletingFlags(n).map(([long, what]) => [n, long, what] as const)))(
    '%s %s: the explainer lists the data it deletes, the exercise checker refuses it',
    (name, long, what) => {
      const flag = index.byName.get(name)!.flags.find((f) => f.long === long)!;
      for (const spelled of [long, flag.short].filter(Boolean)) {
        const line = `${name} ${spelled}${name.endsWith('rm') ? ' web' : ''}`;
        const risks = explain(line, data).risks;
        expect(
          risks.some((r) => r.id === 'data-loss' && r.text.includes(what)),
          line,
        ).toBe(true);
        const feedback = checkAnswer(line, task({ command: name, ...(name.endsWith('rm') ? { args: ['web'] } : {}) }), index).feedback;
        expect(
          feedback.map((f) => f.reason),
          line,
        ).toContain('deletes-data');
        expect(feedback.find((f) => f.reason === 'deletes-data')!.message, line).toContain(deletedByFlag(name, long));
      }
    },
  );
});

describe("the reference's known mistakes: one list, read by every consumer", () => {
  const mistakes = mistakesOf(model);

  test('the list has command and flag mistakes', () => {
    expect(mistakes.some((m) => m.command)).toBe(true);
    expect(mistakes.some((m) => !m.command)).toBe(true);
  });

  test.each(mistakes.map((m) => [m.wrong, m] as const))('%s: the checker fails it, the explainer points to the right spelling', (_wrong, m) => {
    // A wrong flag is tried on its command; a wrong command as written.
    const line = m.command ? `${m.command} ${m.wrong} x` : m.wrong;
    expect(checkDockerCommandLine(line, 's').length, line).toBeGreaterThan(0);
    const suggestions = explain(line, data).parts.flatMap((p) => p.problems.flatMap((x) => (x.suggestion ? [x.suggestion] : [])));
    expect(suggestions, line).toContainEqual(expect.objectContaining({ text: m.right, anchor: m.anchor }));
    // The checker and the explainer find the same problems (one walk).
    expect(explain(line, data).parts.flatMap((p) => p.problems.map((x) => x.code))).toEqual(lineProblems(line, index).map((f) => f.problem.code));
  });
});
