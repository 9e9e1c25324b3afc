import { Injectable } from '@nestjs/common';
import type { Questionnaire, QuestionnaireQuestion } from '@vaccinate/api-contracts';
import { Sql } from '../../database/sql';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class QuestionnaireRepository {
  constructor(private readonly sql: Sql) {}

  async latest(): Promise<Questionnaire | null> {
    const { rows } = await this.sql.query<Questionnaire>('SELECT version, questions FROM questionnaire ORDER BY version DESC LIMIT 1');
    return rows[0] ?? null;
  }

  async byVersion(version: number): Promise<Questionnaire | null> {
    const { rows } = await this.sql.query<Questionnaire>('SELECT version, questions FROM questionnaire WHERE version = $1', [version]);
    return rows[0] ?? null;
  }

  /** Adds `version`; false when another doctor saved that version first. */
  async add(version: number, questions: QuestionnaireQuestion[], createdBy: string): Promise<boolean> {
    try {
      await this.sql.query('INSERT INTO questionnaire (version, questions, created_by) VALUES ($1, $2, $3)', [version, JSON.stringify(questions), createdBy]);
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return false;
      throw error;
    }
  }
}
