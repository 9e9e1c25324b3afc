import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsInt, IsObject, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class SavePriorityRulesDto {
  @ApiProperty({ description: 'A priority rules document: { version: 1, groups: [{ id, rank, name: { de, en }, match }] }' })
  @IsObject({ message: 'must be a rules document with version and groups' })
  rules!: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'Per product: { productId, minAgeYears, maxAgeYears } narrowing the product’s own age limits' })
  @IsOptional()
  @IsArray()
  eligibility?: unknown[];
}

export class ReleaseGroupsDto {
  @ApiProperty({ description: 'Release every group up to this rank; 0 withdraws the release' })
  @IsInt({ message: 'must be a whole number' })
  @Min(0)
  @Max(1000)
  upToRank!: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only for this site; every site when absent' })
  @IsOptional()
  @IsUUID('4', { message: 'must be a site id' })
  siteId?: string;
}
