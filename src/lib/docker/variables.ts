/**
 * Environment variables the Docker CLI reads, as its reference lists them ("Environment
 * variables", https://docs.docker.com/reference/cli/docker/#environment-variables), for the
 * explainer's `DOCKER_HOST=ssh://duckie@duckiebot.local docker ps`: a variable set in front of a
 * command applies to that one command. Meanings are the reference's, shortened.
 */
export const VARIABLES_SOURCE = 'https://docs.docker.com/reference/cli/docker/#environment-variables';

export interface CliVariable {
  meaning: string;
  /** The global option that does the same for one command (its reference anchor is linked). */
  flag?: string;
}

export const CLI_VARIABLES: Readonly<Record<string, CliVariable>> = {
  DOCKER_HOST: { meaning: 'the daemon socket the docker client connects to', flag: '--host' },
  DOCKER_CONTEXT: { meaning: 'the docker context to use; it overrides DOCKER_HOST and the context chosen with docker context use', flag: '--context' },
  DOCKER_CONFIG: { meaning: 'where the client keeps its configuration files (by default ~/.docker)', flag: '--config' },
  DOCKER_CERT_PATH: { meaning: 'where the TLS keys for a remote daemon are' },
  DOCKER_TLS_VERIFY: { meaning: 'when set, use TLS and verify the remote daemon', flag: '--tlsverify' },
  DOCKER_DEFAULT_PLATFORM: { meaning: 'the default platform of commands that take --platform (for example linux/arm64 for a robot)' },
  DOCKER_API_VERSION: { meaning: 'the API version to use instead of the negotiated one (for debugging)' },
  DOCKER_CONTENT_TRUST: { meaning: 'when set, sign and verify images with Notary' },
};

/** `NAME=value` as the shell reads it in front of a command: a name, then `=`. */
export const isAssignment = (raw: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*=/.test(raw);
