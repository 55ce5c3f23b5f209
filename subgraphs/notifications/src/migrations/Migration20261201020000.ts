import { Migration } from '@mikro-orm/migrations';

export class Migration20261201020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "notifications"."notification" add column "budget_from" int not null default 0, add column "attempt_log" jsonb not null default '[]';`);
    this.addSql(`create index "notification_status_updated_at_index" on "notifications"."notification" ("status", "updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "notifications"."notification_status_updated_at_index";`);
    this.addSql(`alter table "notifications"."notification" drop column "budget_from", drop column "attempt_log";`);
  }

}
