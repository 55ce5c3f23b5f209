import { ConfigError } from '../config';

/** What one process of a service runs. */
export const PROCESS_ROLES = ['api', 'worker', 'all'] as const;

/**
 * - `api`: the GraphQL server and what it needs per instance (e.g. the live change feed of its subscribers);
 * - `worker`: the outbox relay, the event consumers, the delivery workers and the scheduled sweeps, with an HTTP
 *   server for `/healthcheck`, `/readiness` and `/metrics` only;
 * - `all`: both (the default, and what `npm start` runs).
 */
export type ProcessRole = (typeof PROCESS_ROLES)[number];

/**
 * The role of this process: `--role <role>` (or `--role=<role>`) on the command line, else HUB_ROLE, else `all`.
 * @param argv - the process arguments (without node and the script, or with: only `--role` is looked at)
 * @param env - the environment
 * @returns the role
 * @throws ConfigError for anything but api, worker or all
 */
export function processRoleFrom(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): ProcessRole {
  let raw: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--role') {
      raw = argv[i + 1];
      if (raw === undefined) throw new ConfigError('--role needs a value: api, worker or all');
    } else if (a.startsWith('--role=')) {
      raw = a.slice('--role='.length);
    }
  }
  raw ??= env.HUB_ROLE === '' ? undefined : env.HUB_ROLE;
  if (raw === undefined) return 'all';
  if (!(PROCESS_ROLES as readonly string[]).includes(raw)) throw new ConfigError(`the process role must be api, worker or all, got "${raw}"`);
  return raw as ProcessRole;
}

/** Whether a role serves GraphQL. */
export const runsApi = (role: ProcessRole): boolean => role !== 'worker';
/** Whether a role runs the relay, the consumers, the workers and the sweeps. */
export const runsWorkers = (role: ProcessRole): boolean => role !== 'api';
