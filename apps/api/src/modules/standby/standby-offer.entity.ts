import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { StandbyAnnouncementEntity } from './standby-announcement.entity';
import { StandbyMemberEntity } from './standby-member.entity';

/** Where the offer's text message is: handed to the provider, on the phone, or lost. */
export type SmsStatus = 'sent' | 'delivered' | 'failed';

export type StandbyOfferStatus = 'offered' | 'taken' | 'too_late' | 'expired';

/** One offer of an announcement to one member; the link carries a token, only its hash is stored. */
@Entity({ name: 'standby_offer' })
@Unique('uq_standby_offer_member', ['announcementId', 'memberId'])
@Index('ix_standby_offer_throttle', ['memberId', 'offeredAt'])
@Index('uq_standby_offer_sms_message', ['smsProvider', 'smsMessageId'], { unique: true })
export class StandbyOfferEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_standby_offer' })
  id!: string;

  @Column({ name: 'announcement_id', type: 'uuid' })
  announcementId!: string;

  @ManyToOne(() => StandbyAnnouncementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'announcement_id', foreignKeyConstraintName: 'fk_standby_offer_announcement' })
  announcement?: StandbyAnnouncementEntity;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @ManyToOne(() => StandbyMemberEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'fk_standby_offer_member' })
  member?: StandbyMemberEntity;

  @Index('uq_standby_offer_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'status', type: 'text', default: 'offered' })
  status!: StandbyOfferStatus;

  @Column({ name: 'wave', type: 'integer' })
  wave!: number;

  @Column({ name: 'offered_at', type: 'timestamptz', default: () => 'now()' })
  offeredAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'sms_provider', type: 'text', nullable: true })
  smsProvider!: string | null;

  /** The provider's id of the text message, which its status callbacks name. */
  @Column({ name: 'sms_message_id', type: 'text', nullable: true })
  smsMessageId!: string | null;

  @Column({ name: 'sms_status', type: 'text', nullable: true })
  smsStatus!: SmsStatus | null;

  @Column({ name: 'sms_status_at', type: 'timestamptz', nullable: true })
  smsStatusAt!: Date | null;
}
