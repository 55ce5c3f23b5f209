import { MikroORM, PostgreSqlDriver, Options, EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import { OutboxEvent } from '../events/outbox-event.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { ChildAccess } from '../auth/child-access.entity';
import { CalendarVersion } from '../calendar/calendar-version.entity';
import { ensureDatabase } from './database';
import { countStatement } from './statement-counter';
import { kitMigrations } from './kit-migrations';

/** How a subgraph describes its persistence. */
export interface OrmOptions {
  /** The PostgreSQL schema this service owns, e.g. `children`. */
  schema: string;
  /** Connection string. */
  databaseUrl: string;
  /** The service's entity classes (the kit adds the outbox and audit entities). */
  entities: Options['entities'];
  /** Committed migrations, in order. */
  migrations: MigrationObject[];
  /** Connection pool size. @default 10 */
  poolMax?: number;
}

/**
 * Builds the MikroORM options for a subgraph (also used by the migration generator).
 * @param o - the subgraph's persistence description
 * @returns MikroORM options
 */
export function ormOptions(o: OrmOptions): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: o.databaseUrl,
    schema: o.schema,
    entities: [...(o.entities as never[]), OutboxEvent, AuditEntry, ChildAccess, CalendarVersion],
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      // The kit's own table changes after the service's migrations (which create the kit's tables).
      migrationsList: [...o.migrations, ...kitMigrations],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
    discovery: { warnWhenNoEntities: true },
    pool: { min: 0, max: o.poolMax ?? 10 },
    allowGlobalContext: false,
    debug: false,
    forceUtcTimezone: true,
  };
}

/**
 * Opens the ORM for a subgraph: creates the database if needed, applies committed migrations under a
 * PostgreSQL advisory lock (so replicas starting together do not race), and counts SQL statements.
 * @param o - the subgraph's persistence description
 * @returns an initialised MikroORM
 */
export async function openOrm(o: OrmOptions): Promise<MikroORM> {
  await ensureDatabase(o.databaseUrl);
  const orm = await MikroORM.init(ormOptions(o));
  const knex = (orm.em as EntityManager).getKnex();
  knex.on('query', () => countStatement(o.schema));
  await migrateUnderLock(orm, o.schema);
  return orm;
}

/**
 * Applies pending migrations while holding an advisory lock keyed by the schema name.
 * @param orm - the ORM
 * @param schema - the service's schema
 */
export async function migrateUnderLock(orm: MikroORM, schema: string): Promise<void> {
  const knex = (orm.em as EntityManager).getKnex();
  const conn = await knex.client.acquireConnection();
  try {
    await conn.query('select pg_advisory_lock(hashtext($1))', [`care-hub-migrate:${schema}`]);
    try {
      await conn.query(`create schema if not exists "${schema}"`);
      await orm.getMigrator().up();
    } finally {
      await conn.query('select pg_advisory_unlock(hashtext($1))', [`care-hub-migrate:${schema}`]);
    }
  } finally {
    await knex.client.releaseConnection(conn);
  }
}
