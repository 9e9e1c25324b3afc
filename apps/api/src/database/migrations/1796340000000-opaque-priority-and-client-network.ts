import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The priority group is no longer stored as its rank: the columns become `priority_order`, a keyed
 * order only the API can compute (the values kept here are converted at the API's next start, see
 * PriorityOrder.convert). The audit log keeps the client's network (/24, /48), never its address.
 * The retention job gets its queue.
 */
export class OpaquePriorityAndClientNetwork1796340000000 implements MigrationInterface {
  name = 'OpaquePriorityAndClientNetwork1796340000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" RENAME COLUMN "priority_rank" TO "priority_order"`);
    await queryRunner.query(`ALTER TABLE "standby_member" RENAME COLUMN "priority_rank" TO "priority_order"`);
    await queryRunner.query(
      `UPDATE "audit_event" SET "client_ip" = CASE
         WHEN "client_ip" ~ '^(::ffff:)?[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}$'
           THEN regexp_replace("client_ip", '^(::ffff:)?([0-9]+\\.[0-9]+\\.[0-9]+)\\.[0-9]+$', '\\2.0/24', 'i')
         WHEN "client_ip" ~* '^[0-9a-f:]+$' AND "client_ip" LIKE '%:%'
           THEN network(set_masklen("client_ip"::inet, 48))::text
         ELSE "client_ip" END
       WHERE "client_ip" NOT LIKE '%/%'`,
    );
    await queryRunner.query(`SELECT pgboss.create_queue('data-retention', '{"policy":"standard","retryLimit":0}'::json)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`SELECT pgboss.delete_queue('data-retention')`);
    await queryRunner.query(`ALTER TABLE "standby_member" RENAME COLUMN "priority_order" TO "priority_rank"`);
    await queryRunner.query(`ALTER TABLE "registration" RENAME COLUMN "priority_order" TO "priority_rank"`);
  }
}
