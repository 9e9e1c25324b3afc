import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Certificate1795473243158 implements MigrationInterface {
  name = 'Certificate1795473243158';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certificate" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "certificate_id" text NOT NULL, "vaccination_id" uuid NOT NULL, "person_id" uuid NOT NULL, "listed_vaccination_ids" uuid array NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "revocation_reason" text, CONSTRAINT "ck_certificate_revocation_reason" CHECK ("revocation_reason" IN ('vaccination_corrected', 'person_corrected')), CONSTRAINT "ck_certificate_revocation" CHECK (("revoked_at" IS NULL) = ("revocation_reason" IS NULL)), CONSTRAINT "pk_certificate" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_certificate_id" ON "certificate" ("certificate_id") `);
    await queryRunner.query(`CREATE INDEX "ix_certificate_revoked_at" ON "certificate" ("revoked_at") WHERE "revoked_at" IS NOT NULL`);
    await queryRunner.query(`CREATE INDEX "ix_certificate_person" ON "certificate" ("person_id") `);
    await queryRunner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_vaccination" FOREIGN KEY ("vaccination_id") REFERENCES "vaccination"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "certificate" ADD CONSTRAINT "fk_certificate_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_person"`);
    await queryRunner.query(`ALTER TABLE "certificate" DROP CONSTRAINT "fk_certificate_vaccination"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificate_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_certificate_revoked_at"`);
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_certificate_id"`);
    await queryRunner.query(`DROP TABLE "certificate"`);
  }
}
