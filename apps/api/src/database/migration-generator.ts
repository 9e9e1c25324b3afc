import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

/** The SQL that would bring the database to the entities; empty when migrations cover every entity. */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<{ up: string[]; down: string[] }> {
  const log = await dataSource.driver.createSchemaBuilder().log();
  return {
    up: log.upQueries.map((query) => query.query),
    down: log.downQueries.map((query) => query.query).reverse(),
  };
}

/** Writes a migration class for the pending changes into `directory`; returns its path, or null when none. */
export async function generateMigration(dataSource: DataSource, name: string, directory: string): Promise<string | null> {
  const { up, down } = await pendingSchemaChanges(dataSource);
  if (up.length === 0) return null;
  const timestamp = Date.now();
  const className = `${name.replace(/(^|[-_ ])(\w)/g, (_m, _s, c: string) => c.toUpperCase())}${timestamp}`;
  const fileName = `${timestamp}-${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).replace(/^-/, '')}.ts`;
  const statements = (queries: string[]) => queries.map((query) => `    await queryRunner.query(\`${query.replace(/[\\`]|\$\{/g, (c) => `\\${c}`)}\`);`).join('\n');
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${statements(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${statements(down)}
  }
}
`;
  const path = join(directory, fileName);
  await writeFile(path, source);
  return path;
}
