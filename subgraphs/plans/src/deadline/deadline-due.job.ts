import type { MikroORM } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ConfigError, deadlinesOverdue, now, recordEvent, SubgraphDeps } from '@hub/service-kit';

/** The advisory lock that makes one instance at a time sweep. */
const SWEEP_LOCK = 'plans:deadline-due';

interface FallenDue {
  id: string;
  child_id: string;
  rule_id: string;
  title: string;
  placing_authority: string;
  provider_id: string | null;
  placement_id: string | null;
  due_at: Date | string;
}

/**
 * Announces the open deadlines whose due instant has passed since the last sweep: one `DeadlineFellDue` event each,
 * recorded in the outbox in the transaction that moves the sweep's mark, so each is announced once, whichever
 * instance sweeps (an advisory lock lets one sweep at a time; the others skip). From its due instant a PENDING
 * deadline reads OVERDUE; the event tells live subscribers without anyone reading it first. A deadline whose due
 * instant is moved to before the mark (a recomputation) is not announced again; it reads OVERDUE as before.
 * @param orm - the plans ORM
 * @param at - the instant of the sweep. @default now
 * @returns how many deadlines fell due, or null when another instance was sweeping
 */
export async function announceDeadlinesFallenDue(orm: MikroORM, at: Date = now()): Promise<number | null> {
  const em = orm.em.fork() as EntityManager;
  return em.transactional(async (tem) => {
    const [lock] = (await tem.execute('select pg_try_advisory_xact_lock(hashtext(?)) as ok', [SWEEP_LOCK])) as Array<{ ok: boolean }>;
    if (!lock.ok) return null;
    const schema = tem.config.get('schema') as string;
    // The first sweep of a ledger starts from now: deadlines already overdue were never PENDING to anyone watching.
    const [mark] = (await tem.execute(
      `insert into "${schema}".deadline_due_sweep (id, swept_to) values (1, ?) on conflict (id) do update set id = excluded.id
       returning swept_to`,
      [at],
    )) as Array<{ swept_to: Date | string }>;
    const from = new Date(mark.swept_to);
    if (from >= at) return 0;
    const due = (await tem.execute(
      `select id, child_id, rule_id, title, placing_authority, provider_id, placement_id, due_at from "${schema}".deadline
        where met_at is null and not_applicable = false and due_at > ? and due_at <= ? order by due_at, id`,
      [from, at],
    )) as FallenDue[];
    for (const d of due) {
      recordEvent(tem, {
        type: 'DeadlineFellDue',
        aggregateType: 'Deadline',
        aggregateId: d.id,
        payload: {
          childId: d.child_id, placingAuthority: d.placing_authority, providerId: d.provider_id, deadlineId: d.id, ruleId: d.rule_id,
          title: d.title, dueAt: new Date(d.due_at).toISOString(), placementId: d.placement_id,
        },
      });
    }
    await tem.flush();
    await tem.execute(`update "${schema}".deadline_due_sweep set swept_to = ? where id = 1`, [at]);
    return due.length;
  });
}

/**
 * The sweep interval (env DEADLINE_DUE_SWEEP_MS): how late after its due instant a deadline is announced, at most.
 * @param env - the environment
 * @returns milliseconds. @default 15000
 */
export function deadlineSweepMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.DEADLINE_DUE_SWEEP_MS;
  if (raw === undefined || raw === '') return 15_000;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 50) throw new ConfigError(`DEADLINE_DUE_SWEEP_MS must be an integer >= 50, got "${raw}"`);
  return n;
}

/**
 * Runs the sweep on a timer in every instance (the lock lets one sweep at a time).
 * @param deps - what the running subgraph shares
 * @returns closables
 */
export function startDeadlineDueJob(deps: SubgraphDeps): Array<{ close(): Promise<void> }> {
  const every = deadlineSweepMs(process.env);
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = announceDeadlinesFallenDue(deps.orm)
      .then((n) => n && deps.log.info({ count: n }, 'deadlines fell due'))
      .catch((err) => deps.log.warn({ err }, 'deadline-due sweep failed; retrying on the next tick'))
      .finally(() => (running = undefined));
  }, every);
  timer.unref();
  return [{ close: async () => { clearInterval(timer); await running; } }];
}

/**
 * Reports, at each scrape of `/metrics`, the open deadlines past their due instant per placing authority
 * (`hub_deadlines_overdue`): one grouped count, read by the worker processes.
 * @param deps - what the running subgraph shares
 * @returns closables (stops reporting)
 */
export function reportOverdueDeadlines(deps: SubgraphDeps): Array<{ close(): Promise<void> }> {
  const schema = deps.orm.config.get('schema') as string;
  const stop = deadlinesOverdue.add(async () => {
    const rows = (await (deps.orm.em.fork() as EntityManager).getConnection().execute(
      `select placing_authority, count(*)::int as n from "${schema}".deadline
        where met_at is null and not_applicable = false and due_at < ? group by placing_authority`,
      [now()],
    )) as Array<{ placing_authority: string; n: number }>;
    return rows.map((r) => ({ labels: { authority: r.placing_authority }, value: Number(r.n) }));
  });
  return [{ close: async () => void stop() }];
}
