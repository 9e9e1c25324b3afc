import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The single-use, expiring link a person gets by mail to read their data: only its hash is stored. */
export class DataAccessLink1796340000002 implements MigrationInterface {
  name = 'DataAccessLink1796340000002';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "data_access_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "person_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_data_access_link" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_data_access_link_token_hash" ON "data_access_link" ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "data_access_link" ADD CONSTRAINT "fk_data_access_link_person" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "data_access_link" DROP CONSTRAINT "fk_data_access_link_person"`);
    await queryRunner.query(`DROP INDEX "public"."uq_data_access_link_token_hash"`);
    await queryRunner.query(`DROP TABLE "data_access_link"`);
  }
}
