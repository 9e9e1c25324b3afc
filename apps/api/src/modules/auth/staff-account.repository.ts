import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@vaccinate/api-contracts';
import type { FieldKeyRing } from '@vaccinate/field-encryption';
import { In, type DataSource } from 'typeorm';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { staffFields } from '../../database/encrypted-fields';
import { StaffAccountEntity } from './staff-account.entity';

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  passwordHash: string;
  roles: StaffRole[];
  mustChangePassword: boolean;
}

/** The only code that touches the staff_account table. */
@Injectable()
export class StaffAccountRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(FIELD_CIPHER) private readonly ring: FieldKeyRing,
  ) {}

  async findByEmail(email: string): Promise<StaffAccount | null> {
    const candidates = staffFields.email.blindIndexCandidates(this.ring, email);
    const entity = await this.dataSource.manager.findOneBy(StaffAccountEntity, { emailIndex: In(candidates) });
    return entity ? this.decrypt(entity) : null;
  }

  async findById(id: string): Promise<StaffAccount | null> {
    const entity = await this.dataSource.manager.findOneBy(StaffAccountEntity, { id });
    return entity ? this.decrypt(entity) : null;
  }

  async list(): Promise<StaffAccount[]> {
    const entities = await this.dataSource.manager.find(StaffAccountEntity, { order: { createdAt: 'ASC' } });
    return entities.map((entity) => this.decrypt(entity));
  }

  /** Inserts unless the e-mail is taken; returns null when it is. */
  async insert(account: Omit<StaffAccount, 'id'>): Promise<StaffAccount | null> {
    const result = await this.dataSource.manager
      .createQueryBuilder()
      .insert()
      .into(StaffAccountEntity)
      .values({
        emailEncrypted: staffFields.email.encrypt(this.ring, account.email),
        emailIndex: staffFields.email.blindIndex(this.ring, account.email),
        displayNameEncrypted: staffFields.displayName.encrypt(this.ring, account.displayName),
        passwordHash: account.passwordHash,
        roles: account.roles,
        mustChangePassword: account.mustChangePassword,
      })
      .orIgnore()
      .returning('id')
      .execute();
    const id = (result.raw as { id: string }[])[0]?.id;
    return id ? { ...account, id } : null;
  }

  async countWithRole(role: StaffRole): Promise<number> {
    return this.dataSource.manager
      .createQueryBuilder(StaffAccountEntity, 'staff')
      .where(':role = ANY(staff.roles)', { role })
      .getCount();
  }

  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.dataSource.manager.update(StaffAccountEntity, { id }, { passwordHash, mustChangePassword: false });
  }

  async markSignedIn(id: string): Promise<void> {
    await this.dataSource.manager.update(StaffAccountEntity, { id }, { lastSignInAt: () => 'now()' });
  }

  private decrypt(entity: StaffAccountEntity): StaffAccount {
    return {
      id: entity.id,
      email: staffFields.email.decrypt(this.ring, entity.emailEncrypted),
      displayName: staffFields.displayName.decrypt(this.ring, entity.displayNameEncrypted),
      passwordHash: entity.passwordHash,
      roles: entity.roles,
      mustChangePassword: entity.mustChangePassword,
    };
  }
}
