import { Migration } from '@mikro-orm/migrations';

/** The durable change log (live changes and changesSince). */
export class Migration20261201010000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."change_log" ("cursor" bigserial primary key, "event_id" uuid not null, "kind" varchar(40) not null, "child_id" varchar(64) not null, "placing_authority" varchar(40) not null, "provider_id" varchar(64) null, "placement_id" varchar(64) null, "plan_id" varchar(64) null, "review_id" varchar(64) null, "notification_id" varchar(64) null, "deadline" jsonb null, "at" timestamptz(3) not null, "recorded_at" timestamptz(3) not null);`);
    this.addSql(`alter table "notifications"."change_log" add constraint "change_log_event_id_unique" unique ("event_id");`);
    this.addSql(`create index "change_log_child_id_cursor_index" on "notifications"."change_log" ("child_id", "cursor");`);
    this.addSql(`create index "change_log_recorded_at_index" on "notifications"."change_log" ("recorded_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."change_log" cascade;`);
  }

}
