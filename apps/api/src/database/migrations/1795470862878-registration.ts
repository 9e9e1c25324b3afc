import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Registration1795470862878 implements MigrationInterface {
  name = 'Registration1795470862878';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tracking_code" text NOT NULL, "given_name_encrypted" text NOT NULL, "family_name_encrypted" text NOT NULL, "email_encrypted" text NOT NULL, "email_index" text NOT NULL, "birth_date_encrypted" text NOT NULL, "phone_encrypted" text, "profile_encrypted" text NOT NULL, "product_id" uuid, "preferred_site_ids" uuid array NOT NULL DEFAULT '{}', "preferred_weekdays" smallint array NOT NULL DEFAULT '{}', "status" text NOT NULL DEFAULT 'queued', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_registration" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registration_tracking_code" ON "registration" ("tracking_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_registration_email_index" ON "registration" ("email_index") `);
    await queryRunner.query(`CREATE INDEX "ix_registration_queue" ON "registration" ("status", "created_at") `);
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "fk_registration_product" FOREIGN KEY ("product_id") REFERENCES "vaccine_product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "fk_registration_product"`);
    await queryRunner.query(`DROP INDEX "public"."ix_registration_queue"`);
    await queryRunner.query(`DROP INDEX "public"."uq_registration_email_index"`);
    await queryRunner.query(`DROP INDEX "public"."uq_registration_tracking_code"`);
    await queryRunner.query(`DROP TABLE "registration"`);
  }
}
