import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from './app.module';
import { createLogger } from './common/logger';
import { ConfigError, loadApiConfig, loadBootstrapAdminConfig, loadDemoStaffPassword, loadDatabaseConfig, processEnvironment } from './config/api-config';
import { dataSourceOptions } from './database/data-source-options';
import { generateMigration, pendingSchemaChanges } from './database/migration-generator';
import { AuthService } from './modules/auth/auth.service';
import { PeopleService } from './modules/people/people.service';
import { reencryptFields } from './database/field-reencryption';
import { Sql } from './database/sql';
import { seedDemoPeople } from './database/demo-seed';
import { seedDemoCatalogue } from './database/demo-catalogue';
import { todayIn } from './common/time-zone';
import { CatalogueService } from './modules/catalogue/catalogue.service';
import { VaccinationDayService } from './modules/vaccination-day/vaccination-day.service';

const USAGE = `Usage: node dist/cli.js <command>
  migrate                     apply pending migrations
  migration:status            exit 1 when a migration is pending or an entity has no migration
  migration:generate <Name>   write a migration for entity changes into src/database/migrations
  bootstrap-admin             create the first admin (INITIAL_ADMIN_EMAIL, INITIAL_ADMIN_PASSWORD) unless one exists
  reencrypt                   rewrite every encrypted value and blind index written under an older FIELD_KEYS version
  seed-demo                   add a few fictitious people to an empty tenant (local demo only)
  seed-demo-staff             add doctor@ and assistant@<tenant>.example with DEMO_STAFF_PASSWORD (local demo only)`;

async function withDataSource<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = new DataSource(dataSourceOptions(loadDatabaseConfig(processEnvironment())));
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function withApp<T>(work: (get: <S>(type: new (...args: never[]) => S) => S) => Promise<T>): Promise<T> {
  const config = loadApiConfig(processEnvironment());
  const app = await NestFactory.createApplicationContext(AppModule.forConfig(config, createLogger('warn')), {
    logger: false,
  });
  try {
    return await work((type) => app.get(type));
  } finally {
    await app.close();
  }
}

const commands: Record<string, (args: string[]) => Promise<number>> = {
  async migrate() {
    const applied = await withDataSource((dataSource) => dataSource.runMigrations({ transaction: 'each' }));
    console.log(applied.length ? `Applied ${applied.map((m) => m.name).join(', ')}` : 'No migration pending.');
    return 0;
  },
  async 'migration:status'() {
    return withDataSource(async (dataSource) => {
      if (await dataSource.showMigrations()) {
        console.log('A migration is pending: run `migrate`.');
        return 1;
      }
      const { up } = await pendingSchemaChanges(dataSource);
      if (up.length > 0) {
        console.log(`Entities differ from the migrations; generate one:\n${up.join(';\n')}`);
        return 1;
      }
      console.log('Schema is up to date.');
      return 0;
    });
  },
  async 'migration:generate'([name]) {
    if (!name || !/^[A-Za-z][A-Za-z0-9-]*$/.test(name)) {
      console.error('Give the migration a name, e.g. migration:generate AddSlots');
      return 2;
    }
    const directory = join(__dirname, '..', 'src', 'database', 'migrations');
    const path = await withDataSource((dataSource) => generateMigration(dataSource, name, directory));
    console.log(path ? `Wrote ${path}; add it to MIGRATIONS in migrations/index.ts.` : 'No entity change to migrate.');
    return 0;
  },
  async 'bootstrap-admin'() {
    const admin = loadBootstrapAdminConfig(processEnvironment());
    const result = await withApp((get) => get(AuthService).bootstrapAdmin(admin.email, admin.password));
    console.log(result === 'created' ? 'First admin created; the password must be changed at first sign-in.' : 'An admin exists already.');
    return 0;
  },
  async reencrypt() {
    const config = loadApiConfig(processEnvironment());
    const rewritten = await withApp((get) => reencryptFields(get(Sql), config.fieldKeys));
    const changed = Object.entries(rewritten).filter(([, count]) => count > 0);
    console.log(
      changed.length
        ? `Re-encrypted under key ${config.fieldKeys.currentVersion}: ${changed.map(([column, count]) => `${column} ${count}`).join(', ')}.`
        : 'Every value is sealed under the current key already.',
    );
    return 0;
  },
  async 'seed-demo-staff'() {
    const config = loadApiConfig(processEnvironment());
    const password = loadDemoStaffPassword(processEnvironment());
    const accounts = [
      { email: `doctor@${config.tenantSlug}.example`, displayName: 'Demo doctor', roles: ['doctor'] as const },
      { email: `assistant@${config.tenantSlug}.example`, displayName: 'Demo assistant', roles: ['assistant'] as const },
    ];
    const results = await withApp(async (get) => {
      const auth = get(AuthService);
      return Promise.all(accounts.map((account) => auth.ensureDemoStaff(account.email, account.displayName, [...account.roles], password)));
    });
    console.log(`Demo staff: ${results.filter((result) => result === 'created').length} created, ${results.filter((result) => result === 'exists').length} existed.`);
    return 0;
  },
  async 'seed-demo'() {
    const config = loadApiConfig(processEnvironment());
    const [added, catalogue] = await withApp(async (get) => [
      await seedDemoPeople(get(PeopleService), config.tenantSlug),
      await seedDemoCatalogue(get(CatalogueService), get(VaccinationDayService), todayIn(config.timeZone), config.holidayRegion),
    ]);
    console.log(added ? `Added ${added} demo people.` : 'The tenant has people already; no people seeded.');
    console.log(catalogue ? 'Added a demo site, vaccines, lots and vaccination days.' : 'The tenant has vaccines already; no catalogue seeded.');
    return 0;
  },
};

async function run(): Promise<number> {
  const [name, ...args] = process.argv.slice(2);
  const command = name ? commands[name] : undefined;
  if (!command) {
    console.error(USAGE);
    return 2;
  }
  try {
    return await command(args);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    console.error(`${name} failed: ${String((error as Error)?.message ?? error).split('\n')[0]}`);
    return 1;
  }
}

void run().then((code) => process.exit(code));
