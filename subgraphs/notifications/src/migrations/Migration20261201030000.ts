import { Migration } from '@mikro-orm/migrations';

/** The ops audit: each operator's retry, bulk retry, discard and endpoint change, with who, when, what and how many. */
export class Migration20261201030000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "notifications"."ops_action" ("id" uuid not null, "at" timestamptz(3) not null, "action" varchar(20) not null, "sub" varchar(200) not null, "org" varchar(64) not null, "roles" jsonb not null, "target" varchar(64) null, "scope" jsonb not null, "count" int not null, "reason" text null, "request_id" varchar(64) null, constraint "ops_action_pkey" primary key ("id"));`);
    this.addSql(`create index "ops_action_at_index" on "notifications"."ops_action" ("at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notifications"."ops_action" cascade;`);
  }

}
