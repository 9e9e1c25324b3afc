import { Type } from '@sinclair/typebox';
import { contract, type Payload } from './contract/contract';
import { Nullable, Strict, Text } from './contract/schema';

/** How many outgoing messages wait, went out, or gave up (`GET /api/outbox/status`). */
export const OutboxStatus = contract('OutboxStatus', Strict({ pending: Type.Integer(), sent: Type.Integer(), dead: Type.Integer() }));
export type OutboxStatus = Payload<typeof OutboxStatus>;

/** A message the mailer gave up on: what and why, never its content or recipient. */
export const DeadLetter = contract(
  'DeadLetter',
  Strict({ id: Type.String(), kind: Type.String(), template: Type.String(), attempts: Type.Integer(), lastError: Nullable(Type.String()), createdAt: Type.String() }),
);
export type DeadLetter = Payload<typeof DeadLetter>;

/** An outbox message's `:id`: a row number. */
export const OutboxMessageParam = contract('OutboxMessageParam', Strict({ id: Text('must be a message number', { pattern: '^\\d{1,18}$' }) }));
export type OutboxMessageParam = Payload<typeof OutboxMessageParam>;
