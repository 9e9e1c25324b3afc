import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Counters every API replica of the tenant shares: rate-limit windows and used captcha challenges.
 * UNLOGGED: written on every public POST, worthless after a crash (a window restarts, a challenge
 * expires within minutes), so they skip the write-ahead log. No entity: TypeORM cannot declare an
 * unlogged table, and nothing reads it through the ORM.
 */
export class SharedCounters1796192916729 implements MigrationInterface {
  name = 'SharedCounters1796192916729';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "shared_counter" ("key" text NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "pk_shared_counter" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_shared_counter_expires_at" ON "shared_counter" ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_shared_counter_expires_at"`);
    await queryRunner.query(`DROP TABLE "shared_counter"`);
  }
}
