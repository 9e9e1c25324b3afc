import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StaffRole } from '@vaccinate/api-contracts';
import { normalizeEmail, type FieldKeyRing } from '@vaccinate/field-encryption';
import { In, type DataSource } from 'typeorm';
import { FIELD_CIPHER } from '../../common/field-cipher';
import { StaffAccountEntity } from './staff-account.entity';

const EMAIL_INDEX = 'staff.email';

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
    const candidates = this.ring.blindIndexCandidates(normalizeEmail(email), EMAIL_INDEX);
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
        emailEncrypted: this.ring.encrypt(account.email, 'staff.email'),
        emailIndex: this.ring.blindIndex(normalizeEmail(account.email), EMAIL_INDEX),
        displayNameEncrypted: this.ring.encrypt(account.displayName, 'staff.displayName'),
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
      email: this.ring.decrypt(entity.emailEncrypted, 'staff.email'),
      displayName: this.ring.decrypt(entity.displayNameEncrypted, 'staff.displayName'),
      passwordHash: entity.passwordHash,
      roles: entity.roles,
      mustChangePassword: entity.mustChangePassword,
    };
  }
}
