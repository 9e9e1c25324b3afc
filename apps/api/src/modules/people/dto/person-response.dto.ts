import { ApiProperty } from '@nestjs/swagger';
import type { Person, PersonPage } from '@vaccinate/api-contracts';

export class PersonResponseDto implements Person {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() givenName!: string;
  @ApiProperty() familyName!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) employeeNumber!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
}

export class PersonPageResponseDto implements PersonPage {
  @ApiProperty({ type: [PersonResponseDto] }) items!: PersonResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class PersonSearchResponseDto {
  @ApiProperty({ type: [PersonResponseDto] }) items!: PersonResponseDto[];
}
