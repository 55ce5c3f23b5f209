import { Migration } from '@mikro-orm/migrations';

export class Migration20261201003000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "plans"."deadline" alter column "due_at" drop not null;`);
    this.addSql(`alter table "plans"."deadline" alter column "due_date" drop not null;`);
    this.addSql(`create index "deadline_beyond_calendar_idx" on "plans"."deadline" ("placing_authority") where "due_at" is null and "met_at" is null and "not_applicable" = false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "plans"."deadline_beyond_calendar_idx";`);
    this.addSql(`delete from "plans"."deadline" where "due_at" is null;`);
    this.addSql(`alter table "plans"."deadline" alter column "due_at" set not null;`);
    this.addSql(`alter table "plans"."deadline" alter column "due_date" set not null;`);
  }

}
