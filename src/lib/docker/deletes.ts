/**
 * Commands and flags that delete things: one list. The risks (risks.ts) say what a line deletes,
 * the exercise checker (src/lib/exercises/check.ts) refuses a deleting command or flag the task
 * does not ask for, and "did you mean" (suggest.ts) never leads a typo to a command that deletes
 * or stops something.
 */

/** Last words of commands that delete containers, images, volumes or networks: `docker rm`, `docker image prune`, `docker volume remove`. */
const DELETING_WORDS: ReadonlySet<string> = new Set(['rm', 'rmi', 'remove', 'prune']);

/** Last words of commands that stop or kill something (`docker kill`, `docker compose down`, `docker swarm leave`). */
const STOPPING_WORDS: ReadonlySet<string> = new Set(['kill', 'down', 'stop', 'leave', 'disable']);

const lastWord = (command: string): string => command.slice(command.lastIndexOf(' ') + 1);

/** Whether a command (any spelling: `docker rm`, `docker container rm`, or its last word) deletes things. */
export const deletesThings = (command: string): boolean => DELETING_WORDS.has(lastWord(command));

/** Whether a command word deletes, stops or kills something: never suggested for a typo. */
export const isDestructiveWord = (word: string): boolean => DELETING_WORDS.has(word) || STOPPING_WORDS.has(word);

/**
 * Flags that make a command delete data as well, with what they delete, by the command's model
 * name (https://docs.docker.com/reference/cli/docker/compose/down/, .../container/rm/, .../system/prune/).
 */
const DELETING_FLAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'docker compose down': { '--volumes': "the named volumes of the Compose file and the containers' anonymous volumes" },
  'docker container rm': { '--volumes': 'the anonymous volumes of the containers' },
  'docker system prune': { '--volumes': 'the anonymous volumes no container uses' },
};

/** What a flag of a command deletes as well (`--volumes` of `docker compose down`), or undefined. */
export const deletedByFlag = (command: string, long: string): string | undefined => DELETING_FLAGS[command]?.[long];

/** The flags of a command that delete data as well, with what they delete. */
export const deletingFlags = (command: string): ReadonlyArray<[long: string, what: string]> => Object.entries(DELETING_FLAGS[command] ?? {});
