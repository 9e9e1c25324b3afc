import { ApiProperty } from '@nestjs/swagger';
import type { Lot, LotInput } from '@vaccinate/api-contracts';
import { IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../../common/dto-rules';

export class CreateLotDto implements LotInput {
  @ApiProperty({ format: 'uuid' }) @IsUUID('4', { message: 'must be a product id' }) productId!: string;
  @ApiProperty({ example: 'FH8476' }) @Matches(/^[A-Za-z0-9._/-]{1,40}$/, { message: 'must be 1-40 letters, digits or . _ / -' }) lotNumber!: string;
  @ApiProperty({ format: 'date' }) @IsCalendarDate() expiryDate!: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(1_000_000) dosesReceived!: number;
}

export class LotDto implements Lot {
  @ApiProperty() id!: string;
  @ApiProperty() productId!: string;
  @ApiProperty() lotNumber!: string;
  @ApiProperty({ format: 'date' }) expiryDate!: string;
  @ApiProperty() dosesReceived!: number;
  @ApiProperty() dosesAssigned!: number;
  @ApiProperty() dosesUsed!: number;
  @ApiProperty() dosesWasted!: number;
}
