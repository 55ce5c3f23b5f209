import { Migration } from '@mikro-orm/migrations';

/**
 * reviews moves to the kit's processed-event record (ProcessedEvent: id uuid, type varchar(60)). The table keeps its
 * name and its rows, so an event applied before the change is still recognised when redelivered after it: the
 * generated diff (drop event_id, add id not null) would have lost them, and failed on a non-empty table.
 */
export class Migration20261201003318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "reviews"."processed_event" drop constraint "processed_event_pkey";`);
    // Event ids are UUIDs (outbox ids); anything else could never be redelivered under the new key.
    this.addSql(`delete from "reviews"."processed_event" where "event_id" !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';`);
    this.addSql(`alter table "reviews"."processed_event" rename column "event_id" to "id";`);
    this.addSql(`alter table "reviews"."processed_event" alter column "id" type uuid using ("id"::uuid);`);
    this.addSql(`alter table "reviews"."processed_event" alter column "type" type varchar(60) using ("type"::varchar(60));`);
    this.addSql(`alter table "reviews"."processed_event" add constraint "processed_event_pkey" primary key ("id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "reviews"."processed_event" drop constraint "processed_event_pkey";`);
    this.addSql(`alter table "reviews"."processed_event" alter column "id" type varchar(64) using ("id"::text);`);
    this.addSql(`alter table "reviews"."processed_event" rename column "id" to "event_id";`);
    this.addSql(`alter table "reviews"."processed_event" alter column "type" type varchar(80) using ("type"::varchar(80));`);
    this.addSql(`alter table "reviews"."processed_event" add constraint "processed_event_pkey" primary key ("event_id");`);
  }

}
