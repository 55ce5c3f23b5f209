import { Migration } from '@mikro-orm/migrations';

export class Migration20261127013049 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "children"."calendar_version" ("id" varchar(64) not null, "loaded_at" timestamptz(3) not null, "loaded_by" varchar(128) not null, "source" varchar(500) not null, "data" jsonb not null, constraint "calendar_version_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "children"."calendar_version" cascade;`);
  }

}
