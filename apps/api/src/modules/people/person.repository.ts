import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Person, PersonInput } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { In, QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { personFields, personRevisionFields } from '../../database/encrypted-fields';
import { PersonEntity } from './person.entity';
import { PersonException, PersonExceptionCode } from './person.exception';

/** The only code that reads or writes the person table; encrypts on the way in, decrypts on the way out. */
@Injectable()
export class PersonRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async insert(input: PersonInput, manager: EntityManager): Promise<Person> {
    const entity = manager.create(PersonEntity, this.encrypt(input));
    const saved = await this.translateConflicts(() => manager.save(PersonEntity, entity));
    return this.decrypt(saved);
  }

  async findById(id: string, manager: EntityManager = this.dataSource.manager): Promise<Person | null> {
    const entity = await manager.findOneBy(PersonEntity, { id });
    return entity ? this.decrypt(entity) : null;
  }

  /** Reads the record and locks it for the rest of the transaction; null when it does not exist. */
  async lockForChange(id: string, manager: EntityManager): Promise<Person | null> {
    const entity = await manager.findOne(PersonEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    return entity ? this.decrypt(entity) : null;
  }

  async findByEmail(email: string): Promise<Person | null> {
    const candidates = personFields.email.blindIndexCandidates(this.ring, email);
    const entity = await this.dataSource.manager.findOneBy(PersonEntity, { emailIndex: In(candidates) });
    return entity ? this.decrypt(entity) : null;
  }

  async list(limit: number, offset: number): Promise<{ items: Person[]; total: number }> {
    const [entities, total] = await this.dataSource.manager.findAndCount(PersonEntity, {
      order: { createdAt: 'DESC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: entities.map((entity) => this.decrypt(entity)), total };
  }

  /** Writes the merged record only if nobody changed it since `expectedVersion`. */
  async update(id: string, merged: PersonInput, expectedVersion: number, manager: EntityManager): Promise<Person> {
    const result = await this.translateConflicts(() =>
      manager
        .createQueryBuilder()
        .update(PersonEntity)
        .set(this.encrypt(merged))
        .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
        .execute(),
    );
    if (result.affected !== 1) throw new PersonException(PersonExceptionCode.VersionConflict);
    const updated = await this.findById(id, manager);
    if (!updated) throw new PersonException(PersonExceptionCode.NotFound);
    return updated;
  }

  /** Keeps the record as it is now, with why it is about to change. */
  async saveRevision(id: string, reason: string, changedBy: string, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO person_revision (person_id, version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted,
                                    phone_encrypted, employee_number_encrypted, reason_encrypted, changed_by)
       SELECT id, version, given_name_encrypted, family_name_encrypted, email_encrypted, birth_date_encrypted,
              phone_encrypted, employee_number_encrypted, $2, $3
         FROM person WHERE id = $1`,
      [id, personRevisionFields.reason.encrypt(this.ring, reason), changedBy],
    );
  }

  private encrypt(input: PersonInput): Omit<PersonEntity, 'id' | 'createdAt' | 'updatedAt' | 'version'> {
    const ring = this.ring;
    const employeeNumber = input.employeeNumber?.trim() || null;
    return {
      givenNameEncrypted: personFields.givenName.encrypt(ring, input.givenName),
      familyNameEncrypted: personFields.familyName.encrypt(ring, input.familyName),
      emailEncrypted: personFields.email.encrypt(ring, input.email),
      emailIndex: personFields.email.blindIndex(ring, input.email),
      birthDateEncrypted: personFields.birthDate.encrypt(ring, input.birthDate),
      phoneEncrypted: personFields.phone.encryptOptional(ring, input.phone),
      employeeNumberEncrypted: personFields.employeeNumber.encryptOptional(ring, employeeNumber),
      employeeNumberIndex: employeeNumber ? personFields.employeeNumber.blindIndex(ring, employeeNumber) : null,
    };
  }

  private decrypt(entity: PersonEntity): Person {
    const ring = this.ring;
    return {
      id: entity.id,
      givenName: personFields.givenName.decrypt(ring, entity.givenNameEncrypted),
      familyName: personFields.familyName.decrypt(ring, entity.familyNameEncrypted),
      email: personFields.email.decrypt(ring, entity.emailEncrypted),
      birthDate: personFields.birthDate.decrypt(ring, entity.birthDateEncrypted),
      phone: personFields.phone.decryptOptional(ring, entity.phoneEncrypted),
      employeeNumber: personFields.employeeNumber.decryptOptional(ring, entity.employeeNumberEncrypted),
      createdAt: entity.createdAt.toISOString(),
      updatedAt: entity.updatedAt.toISOString(),
      version: entity.version,
    };
  }

  private async translateConflicts<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      const constraint = (error as QueryFailedError & { constraint?: string }).constraint;
      if (error instanceof QueryFailedError && constraint === 'uq_person_email_index') {
        throw new PersonException(PersonExceptionCode.EmailTaken);
      }
      if (error instanceof QueryFailedError && constraint === 'uq_person_employee_number_index') {
        throw new PersonException(PersonExceptionCode.EmployeeNumberTaken);
      }
      throw error;
    }
  }
}
