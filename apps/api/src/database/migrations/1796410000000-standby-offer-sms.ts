import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The text message of an offer: its provider's message id and delivery status, updated by the provider's callbacks. */
export class StandbyOfferSms1796410000000 implements MigrationInterface {
  name = 'StandbyOfferSms1796410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "standby_offer" ADD "sms_provider" text`);
    await queryRunner.query(`ALTER TABLE "standby_offer" ADD "sms_message_id" text`);
    await queryRunner.query(`ALTER TABLE "standby_offer" ADD "sms_status" text`);
    await queryRunner.query(`ALTER TABLE "standby_offer" ADD "sms_status_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_standby_offer_sms_message" ON "standby_offer" ("sms_provider", "sms_message_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_standby_offer_sms_message"`);
    await queryRunner.query(`ALTER TABLE "standby_offer" DROP COLUMN "sms_status_at"`);
    await queryRunner.query(`ALTER TABLE "standby_offer" DROP COLUMN "sms_status"`);
    await queryRunner.query(`ALTER TABLE "standby_offer" DROP COLUMN "sms_message_id"`);
    await queryRunner.query(`ALTER TABLE "standby_offer" DROP COLUMN "sms_provider"`);
  }
}
