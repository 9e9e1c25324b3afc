import type { MigrationInterface, QueryRunner } from 'typeorm';

/** An erased person keeps a row (vaccinations point at it) with no personal field, and, while the law keeps the documentation, a sealed identity. */
export class PersonErasure1796340000001 implements MigrationInterface {
  name = 'PersonErasure1796340000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "person" ADD "retained_identity_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "person" ADD "retained_until" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "retained_until"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "retained_identity_encrypted"`);
    await queryRunner.query(`ALTER TABLE "person" DROP COLUMN "erased_at"`);
  }
}
