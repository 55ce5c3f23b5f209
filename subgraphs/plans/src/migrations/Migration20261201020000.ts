import { Migration } from '@mikro-orm/migrations';

/**
 * Open deadlines per UTC day they fall due (deadline/open-deadline-day.entity.ts), kept by statement-level
 * triggers on the ledger: each INSERT, UPDATE or DELETE adds what it opened and takes away what it closed, one
 * upsert per day touched, in the same transaction. Filled from the ledger as it stands.
 */
export class Migration20261201020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "plans"."open_deadline_day" ("due_day" date not null, "open" int not null, constraint "open_deadline_day_pkey" primary key ("due_day"));`);
    this.addSql(`create function "plans"."open_deadline_day_apply"() returns trigger language plpgsql as $$
begin
  if tg_op in ('UPDATE', 'DELETE') then
    insert into "plans"."open_deadline_day" as o ("due_day", "open")
      select ("due_at" at time zone 'UTC')::date, -count(*) from old_rows
       where "due_at" is not null and "met_at" is null and not "not_applicable" group by 1
      on conflict ("due_day") do update set "open" = o."open" + excluded."open";
  end if;
  if tg_op in ('UPDATE', 'INSERT') then
    insert into "plans"."open_deadline_day" as o ("due_day", "open")
      select ("due_at" at time zone 'UTC')::date, count(*) from new_rows
       where "due_at" is not null and "met_at" is null and not "not_applicable" group by 1
      on conflict ("due_day") do update set "open" = o."open" + excluded."open";
  end if;
  return null;
end $$;`);
    this.addSql(`create trigger "deadline_open_day_insert" after insert on "plans"."deadline" referencing new table as new_rows for each statement execute function "plans"."open_deadline_day_apply"();`);
    this.addSql(`create trigger "deadline_open_day_update" after update on "plans"."deadline" referencing old table as old_rows new table as new_rows for each statement execute function "plans"."open_deadline_day_apply"();`);
    this.addSql(`create trigger "deadline_open_day_delete" after delete on "plans"."deadline" referencing old table as old_rows for each statement execute function "plans"."open_deadline_day_apply"();`);
    this.addSql(`insert into "plans"."open_deadline_day" ("due_day", "open")
      select ("due_at" at time zone 'UTC')::date, count(*) from "plans"."deadline"
       where "due_at" is not null and "met_at" is null and not "not_applicable" group by 1;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "deadline_open_day_insert" on "plans"."deadline";`);
    this.addSql(`drop trigger if exists "deadline_open_day_update" on "plans"."deadline";`);
    this.addSql(`drop trigger if exists "deadline_open_day_delete" on "plans"."deadline";`);
    this.addSql(`drop function if exists "plans"."open_deadline_day_apply"();`);
    this.addSql(`drop table if exists "plans"."open_deadline_day" cascade;`);
  }

}
