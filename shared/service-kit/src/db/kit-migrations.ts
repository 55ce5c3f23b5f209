import type { MigrationObject } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';

/**
 * Outbox rows stay unconfirmed until every consumer queue has completed their jobs (see OutboxRelay.confirmOnce).
 * Rows published before this migration were consumed long ago: they are confirmed as of their publication.
 */
export class KitOutboxConfirmation20261201 extends Migration {
  override async up(): Promise<void> {
    const schema = this.config.get('schema') as string;
    const table = `"${schema}"."outbox_event"`;
    // A schema built from the entities instead (tests) has no outbox yet, and gets the column from the entity.
    this.addSql(`do $$ begin
      if to_regclass('${table}') is not null then
        alter table ${table} add column if not exists "confirmed_at" timestamptz(3) null;
        update ${table} set "confirmed_at" = "published_at" where "published_at" is not null and "confirmed_at" is null;
        create index if not exists "outbox_event_confirmed_at_published_at_index" on ${table} ("confirmed_at", "published_at");
      end if;
    end $$;`);
  }
}

/** Outbox rows keep the trace context of the change that recorded them, so the relay and consumers join its trace. */
export class KitOutboxTraceContext20261202 extends Migration {
  override async up(): Promise<void> {
    const table = `"${this.config.get('schema') as string}"."outbox_event"`;
    this.addSql(`do $$ begin
      if to_regclass('${table}') is not null then
        alter table ${table} add column if not exists "trace_context" jsonb null;
      end if;
    end $$;`);
  }
}

/**
 * Migrations of the tables the kit adds to every service's schema, applied after the service's own (each
 * service's first migration creates them). Names are unique across services' migrations.
 */
export const kitMigrations: MigrationObject[] = [
  { name: 'KitOutboxConfirmation20261201', class: KitOutboxConfirmation20261201 },
  { name: 'KitOutboxTraceContext20261202', class: KitOutboxTraceContext20261202 },
];
