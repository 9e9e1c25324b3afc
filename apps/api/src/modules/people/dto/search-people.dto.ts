import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail } from 'class-validator';

/** Search by exact e-mail. A POST body, because personal data never goes into a URL. */
export class SearchPeopleDto {
  @ApiProperty({ format: 'email' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsEmail({}, { message: 'must be a valid e-mail address' })
  email!: string;
}
