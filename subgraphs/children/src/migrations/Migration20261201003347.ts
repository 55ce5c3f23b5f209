import { Migration } from '@mikro-orm/migrations';

export class Migration20261201003347 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "children"."processed_event" ("id" uuid not null, "type" varchar(60) not null, "processed_at" timestamptz(3) not null, constraint "processed_event_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "children"."processed_event" cascade;`);
  }

}
