import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A doctor's acknowledgement of flagged answers (who, when), and the reason for a check-out before observation ended (encrypted). */
export class VisitFlagsAndEarlyCheckOut1796310000000 implements MigrationInterface {
  name = 'VisitFlagsAndEarlyCheckOut1796310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visit" ADD "flags_acknowledged_by" text`);
    await queryRunner.query(`ALTER TABLE "visit" ADD "flags_acknowledged_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "visit" ADD "early_check_out_reason_encrypted" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "visit" DROP COLUMN "early_check_out_reason_encrypted"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP COLUMN "flags_acknowledged_at"`);
    await queryRunner.query(`ALTER TABLE "visit" DROP COLUMN "flags_acknowledged_by"`);
  }
}
