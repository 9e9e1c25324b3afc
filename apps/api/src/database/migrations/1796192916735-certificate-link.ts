import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The short reference a certificate mail carries instead of the token: the page exchanges it for the token until it expires. */
export class CertificateLink1796192916735 implements MigrationInterface {
  name = 'CertificateLink1796192916735';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "certificate_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "reference_hash" text NOT NULL, "token_encrypted" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_certificate_link" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_certificate_link_reference_hash" ON "certificate_link" ("reference_hash") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_certificate_link_reference_hash"`);
    await queryRunner.query(`DROP TABLE "certificate_link"`);
  }
}
