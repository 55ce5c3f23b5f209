import { Migration } from '@mikro-orm/migrations';

/** The deadline-due sweep's mark (deadline/deadline-due.job.ts). */
export class Migration20261201011000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "plans"."deadline_due_sweep" ("id" int not null, "swept_to" timestamptz(3) not null, constraint "deadline_due_sweep_pkey" primary key ("id"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "plans"."deadline_due_sweep" cascade;`);
  }

}
