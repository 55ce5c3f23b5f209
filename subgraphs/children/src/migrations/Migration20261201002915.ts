import { Migration } from '@mikro-orm/migrations';

export class Migration20261201002915 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "children"."child" add constraint "child_placing_authority_case_reference_unique" unique ("placing_authority", "case_reference");`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "children"."child" drop constraint "child_placing_authority_case_reference_unique";`);
  }

}
