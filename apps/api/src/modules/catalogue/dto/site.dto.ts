import { ApiProperty, PartialType } from '@nestjs/swagger';
import type { Site, SiteInput } from '@vaccinate/api-contracts';
import { IsInt, IsNotEmpty, IsString, Max, MaxLength, Min } from 'class-validator';

export class CreateSiteDto implements SiteInput {
  @ApiProperty({ maxLength: 120 }) @IsString() @IsNotEmpty() @MaxLength(120) name!: string;
  @ApiProperty({ maxLength: 120 }) @IsString() @IsNotEmpty() @MaxLength(120) street!: string;
  @ApiProperty({ maxLength: 12 }) @IsString() @IsNotEmpty() @MaxLength(12) postalCode!: string;
  @ApiProperty({ maxLength: 80 }) @IsString() @IsNotEmpty() @MaxLength(80) city!: string;
  @ApiProperty({ maxLength: 200, example: 'Mon–Fri 08:00–16:00' }) @IsString() @MaxLength(200) openingHours!: string;
  @ApiProperty({ minimum: 1, maximum: 50 }) @IsInt() @Min(1) @Max(50) stations!: number;
}

export class UpdateSiteDto extends PartialType(CreateSiteDto) {
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) version!: number;
}

export class SiteDto implements Site {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() street!: string;
  @ApiProperty() postalCode!: string;
  @ApiProperty() city!: string;
  @ApiProperty() openingHours!: string;
  @ApiProperty() stations!: number;
  @ApiProperty() version!: number;
}
