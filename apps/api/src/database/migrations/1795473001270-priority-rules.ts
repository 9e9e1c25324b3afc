import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PriorityRules1795473001270 implements MigrationInterface {
  name = 'PriorityRules1795473001270';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "priority_release" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "up_to_rank" integer NOT NULL, "site_id" uuid, "released_by" text NOT NULL, "released_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_priority_release" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_priority_release_scope" ON "priority_release" ("site_id", "released_at") `);
    await queryRunner.query(
      `CREATE TABLE "priority_rule_set" ("id" integer GENERATED ALWAYS AS IDENTITY NOT NULL, "rules" jsonb NOT NULL, "eligibility" jsonb NOT NULL DEFAULT '[]', "saved_by" text NOT NULL, "saved_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_priority_rule_set" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`ALTER TABLE "registration" ADD "priority_group_id" text`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "priority_rank" integer`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "queue_reason" text`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "allocation_due_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "booking_id" uuid`);
    await queryRunner.query(`CREATE INDEX "ix_registration_allocation_order" ON "registration" ("status", "priority_rank", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "fk_registration_booking" FOREIGN KEY ("booking_id") REFERENCES "booking"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "priority_release" ADD CONSTRAINT "fk_priority_release_site" FOREIGN KEY ("site_id") REFERENCES "site"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "priority_release" DROP CONSTRAINT "fk_priority_release_site"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "fk_registration_booking"`);
    await queryRunner.query(`DROP INDEX "public"."ix_registration_allocation_order"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "booking_id"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "allocation_due_at"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "queue_reason"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "priority_rank"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "priority_group_id"`);
    await queryRunner.query(`DROP TABLE "priority_rule_set"`);
    await queryRunner.query(`DROP INDEX "public"."ix_priority_release_scope"`);
    await queryRunner.query(`DROP TABLE "priority_release"`);
  }
}
