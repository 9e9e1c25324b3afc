import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { CreatePersonDto } from './create-person.dto';

/** A partial change; `version` is the one the client loaded, so a concurrent change is not overwritten. */
export class UpdatePersonDto extends PartialType(CreatePersonDto) {
  @ApiProperty({ minimum: 1 })
  @IsInt()
  @Min(1)
  version!: number;
}
