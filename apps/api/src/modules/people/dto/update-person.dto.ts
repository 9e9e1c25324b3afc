import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsString, MaxLength, Min } from 'class-validator';
import { CreatePersonDto } from './create-person.dto';

/**
 * A correction: partial, with the reason it is needed (kept in the person's history). `version` is the
 * one the client loaded, so a concurrent change is not overwritten.
 */
export class UpdatePersonDto extends PartialType(CreatePersonDto) {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ maxLength: 500, example: 'Name misspelt at sign-up' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}
