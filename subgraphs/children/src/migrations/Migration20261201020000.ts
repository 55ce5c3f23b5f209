import { Migration } from '@mikro-orm/migrations';

/** The child's EHC plan (CHR reg 41 notices) and contacts: people told of decisions about contact (CPPCR reg 8), with their channel and address. */
export class Migration20261201020000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "children"."child_contact" ("id" uuid not null, "child_id" varchar(64) not null, "name" varchar(200) not null, "relationship" varchar(30) not null, "channel" varchar(10) not null, "email" varchar(200) null, "postal_address" varchar(500) null, "recorded_by" varchar(128) not null, "created_at" timestamptz(3) not null, constraint "child_contact_pkey" primary key ("id"));`);
    this.addSql(`create index "child_contact_child_id_index" on "children"."child_contact" ("child_id");`);
    this.addSql(`alter table "children"."child_contact" add constraint "child_contact_relationship_check" check ("relationship" in ('CHILD', 'PARENT', 'PREVIOUS_CARER_UNDER_ORDER', 'OTHER_RELEVANT'));`);
    this.addSql(`alter table "children"."child_contact" add constraint "child_contact_channel_check" check ("channel" in ('EMAIL', 'POST'));`);
    this.addSql(`alter table "children"."child" add column "ehc_plan" varchar(500) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "children"."child" drop column "ehc_plan";`);
    this.addSql(`drop table if exists "children"."child_contact" cascade;`);
  }

}
