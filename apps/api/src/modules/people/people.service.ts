import { Injectable } from '@nestjs/common';
import type { PeopleSearch, Person, PersonInput, PersonPage } from '@vaccinate/api-contracts';
import { currentActor } from '../../common/request-context';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { RecordEvents } from '../record-events/record-events';
import { searchPrefixes } from './name-prefix.util';
import { PersonNameTokenBackfill } from './person-name-token.backfill';
import { PersonNameTokenRepository } from './person-name-token.repository';
import { PersonException, PersonExceptionCode } from './person.exception';
import { PersonRepository } from './person.repository';

const SUBJECT = 'person';
/** A name search answers at most this many people: type more letters to narrow it. */
const NAME_MATCHES = 50;

/** The tenant's people. Every read and change of a record is audited; changes commit with their audit event. */
@Injectable()
export class PeopleService {
  constructor(
    private readonly people: PersonRepository,
    private readonly audit: AuditService,
    private readonly events: RecordEvents,
    private readonly sql: Sql,
    private readonly nameTokens: PersonNameTokenRepository,
    private readonly backfill: PersonNameTokenBackfill,
  ) {}

  create(input: PersonInput): Promise<Person> {
    return this.sql.transaction(async (client) => {
      const person = await this.people.insert(client, input);
      await this.audit.record(client, SUBJECT, 'create', [person.id]);
      return person;
    });
  }

  async get(id: string): Promise<Person> {
    const person = await this.people.findById(id);
    if (!person) throw new PersonException(PersonExceptionCode.NotFound);
    await this.audit.record(this.sql, SUBJECT, 'read', [person.id]);
    return person;
  }

  async list(limit: number, offset: number): Promise<PersonPage> {
    const page = await this.people.list(limit, offset);
    await this.audit.record(
      this.sql,
      SUBJECT,
      'list',
      page.items.map((person) => person.id),
    );
    return { ...page, limit, offset };
  }

  /** By exact e-mail or employee number, or by name prefixes; every person found is audited as searched. */
  async search(search: PeopleSearch): Promise<Person[]> {
    const found = await this.find(search);
    await this.audit.record(
      this.sql,
      SUBJECT,
      'search',
      found.map((person) => person.id),
    );
    return found;
  }

  private async find(search: PeopleSearch): Promise<Person[]> {
    if (search.email !== undefined) return [await this.people.findByEmail(search.email)].filter((person) => person !== null);
    if (search.employeeNumber !== undefined) return [await this.people.findByEmployeeNumber(search.employeeNumber)].filter((person) => person !== null);
    await this.backfill.ensure();
    const ids = await this.nameTokens.idsMatching(this.sql, searchPrefixes(search.name ?? ''), NAME_MATCHES);
    return this.people.findByIds(ids);
  }

  /**
   * A correction: the record as it was is kept with the reason; certificates follow a changed name or birth date.
   * Writes in a fixed order (person row locked, revision, person, audit), so concurrent corrections never deadlock.
   */
  update(id: string, change: Partial<PersonInput>, expectedVersion: number, reason: string): Promise<Person> {
    return this.sql.transaction(async (client) => {
      // The row lock comes first, so concurrent corrections queue on it and each later one sees the new version.
      const current = await this.people.lockForChange(client, id);
      if (!current) throw new PersonException(PersonExceptionCode.NotFound);
      if (current.version !== expectedVersion) throw new PersonException(PersonExceptionCode.VersionConflict);
      await this.people.saveRevision(client, id, reason.trim(), currentActor());
      const merged: PersonInput = {
        givenName: change.givenName ?? current.givenName,
        familyName: change.familyName ?? current.familyName,
        email: change.email ?? current.email,
        birthDate: change.birthDate ?? current.birthDate,
        phone: change.phone === undefined ? current.phone : change.phone,
        employeeNumber: change.employeeNumber === undefined ? current.employeeNumber : change.employeeNumber,
      };
      const updated = await this.people.update(client, id, merged, expectedVersion);
      await this.audit.record(client, SUBJECT, 'correct', [id]);
      const identityChanged = updated.givenName !== current.givenName || updated.familyName !== current.familyName || updated.birthDate !== current.birthDate;
      if (identityChanged) await this.events.personCorrected(client, id);
      return updated;
    });
  }
}
