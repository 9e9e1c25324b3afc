import { Inject, Injectable } from '@nestjs/common';
import type { FieldProblem, VisitAnswers, VisitDetail } from '@vaccinate/api-contracts';
import { nextDoseNumber } from '@vaccinate/dose-schedule';
import { ValidationException } from '../../common/problem/app-exception';
import { currentActor } from '../../common/request-context';
import { dateIn, todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { CatalogueService } from '../catalogue/catalogue.service';
import { PersonRepository } from '../people/person.repository';
import { flaggedAnswers, QuestionnaireService } from '../questionnaire/questionnaire.service';
import { VaccinationRepository } from '../vaccination/vaccination.repository';
import { RunningDay } from './running-day';
import { VisitException, VisitExceptionCode } from './visit.exception';
import { VisitRepository, type VisitRow } from './visit.repository';

/** One person's visit: what staff see of it, the questionnaire and consent, the doctor's consultation. */
@Injectable()
export class VisitService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly vaccinations: VaccinationRepository,
    private readonly questionnaires: QuestionnaireService,
    private readonly catalogue: CatalogueService,
    private readonly runningDay: RunningDay,
    private readonly audit: AuditService,
    private readonly people: PersonRepository,
    private readonly notifications: AvailabilityNotifications,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async detail(visitId: string): Promise<VisitDetail> {
    const visit = await this.visits.byId(visitId);
    if (!visit) throw new VisitException(VisitExceptionCode.NotFound);
    const [person, product, vaccination, history] = await Promise.all([
      this.person(visit.personId),
      this.catalogue.product(visit.productId),
      this.vaccinations.validForVisit(visit.id),
      this.vaccinations.history(visit.personId, visit.productId),
    ]);
    const questionnaire =
      (visit.questionnaireVersion !== null ? await this.questionnaires.version(visit.questionnaireVersion) : null) ?? (await this.questionnaires.current());
    const zone = this.config.timeZone;
    const given = history.filter((dose) => !vaccination || dose.administeredAt.getTime() !== new Date(vaccination.administeredAt).getTime());
    await this.audit.record(this.sql, 'person', 'read', [visit.personId]);
    return {
      id: visit.id,
      dayId: visit.dayId,
      appointmentId: visit.appointmentId,
      state: visit.state,
      walkIn: visit.walkIn,
      version: visit.version,
      person,
      product: { id: product.id, name: product.name },
      questionnaire,
      answers: visit.answers,
      consent: visit.consentAt !== null,
      flagsAcknowledged: visit.flagsAcknowledged && { by: visit.flagsAcknowledged.by, at: visit.flagsAcknowledged.at.toISOString() },
      derivedDoseNumber: vaccination?.doseNumber ?? nextDoseNumber(given.map((dose) => ({ doseNumber: dose.doseNumber, date: dateIn(zone, dose.administeredAt) }))),
      usableLots: await this.vaccinations.usableLots(product.id, visit.dayId, todayIn(zone)),
      observationUntil: visit.observationUntil?.toISOString() ?? null,
      vaccination,
    };
  }

  /** Stores the answers to the current questionnaire and the consent; both are needed before the dose. */
  async answer(visitId: string, submitted: VisitAnswers, version: number): Promise<VisitDetail> {
    const questionnaire = await this.questionnaires.current();
    if (submitted.questionnaireVersion !== questionnaire.version) throw new VisitException(VisitExceptionCode.QuestionnaireChanged);
    const problems: FieldProblem[] = [];
    for (const question of questionnaire.questions) {
      if (submitted.answers[question.key] !== 'yes' && submitted.answers[question.key] !== 'no') {
        problems.push({ field: `answers.${question.key}`, message: "must be answered 'yes' or 'no'" });
      }
    }
    for (const key of Object.keys(submitted.answers)) {
      if (!questionnaire.questions.some((question) => question.key === key))
        problems.push({ field: `answers.${key}`, message: 'is not a question of this questionnaire' });
    }
    if (problems.length > 0) throw new ValidationException(problems);
    const dayId = await this.sql.transaction(async (client) => {
      const visit = await this.lockedForChange(client, visitId, version);
      if (visit.state !== 'checked_in' && visit.state !== 'in_consultation') throw new VisitException(VisitExceptionCode.WrongState);
      await this.runningDay.assert(visit.dayId, client);
      const stored = { answers: submitted.answers, flagged: flaggedAnswers(questionnaire, submitted.answers), note: submitted.note?.trim() || null };
      await this.visits.saveAnswers(client, visit.id, questionnaire.version, stored, submitted.consent);
      await this.audit.record(client, 'person', 'answer', [visit.personId]);
      return visit.dayId;
    });
    this.notifications.publishBoardChange(dayId);
    return this.detail(visitId);
  }

  /** The doctor takes the person in; only with answers and consent. */
  async startConsultation(visitId: string, version: number): Promise<VisitDetail> {
    const dayId = await this.sql.transaction(async (client) => {
      const visit = await this.lockedForChange(client, visitId, version);
      if (visit.state !== 'checked_in') throw new VisitException(VisitExceptionCode.WrongState);
      if (!visit.answers || !visit.consentAt) throw new VisitException(VisitExceptionCode.ConsentMissing);
      await this.visits.setState(client, visit.id, 'in_consultation');
      await this.audit.record(client, 'person', 'update', [visit.personId]);
      return visit.dayId;
    });
    this.notifications.publishBoardChange(dayId);
    return this.detail(visitId);
  }

  /** The doctor has looked at the flagged answers: stored with who and when, audited; the dose can then be documented. */
  async acknowledgeFlags(visitId: string, version: number): Promise<VisitDetail> {
    const dayId = await this.sql.transaction(async (client) => {
      const visit = await this.lockedForChange(client, visitId, version);
      if (visit.state !== 'checked_in' && visit.state !== 'in_consultation') throw new VisitException(VisitExceptionCode.WrongState);
      if (!visit.answers || visit.answers.flagged.length === 0) throw new VisitException(VisitExceptionCode.NothingFlagged);
      await this.runningDay.assert(visit.dayId, client);
      await this.visits.acknowledgeFlags(client, visit.id, currentActor());
      await this.audit.record(client, 'person', 'acknowledge', [visit.personId]);
      return visit.dayId;
    });
    this.notifications.publishBoardChange(dayId);
    return this.detail(visitId);
  }

  private async lockedForChange(client: Parameters<VisitRepository['byId']>[1], visitId: string, version: number): Promise<VisitRow> {
    const visit = await this.visits.byId(visitId, client, true);
    if (!visit) throw new VisitException(VisitExceptionCode.NotFound);
    if (visit.version !== version) throw new VisitException(VisitExceptionCode.VersionConflict);
    return visit;
  }

  private async person(personId: string): Promise<VisitDetail['person']> {
    const person = await this.people.identity(personId);
    if (!person) throw new VisitException(VisitExceptionCode.NotFound);
    return person;
  }
}
