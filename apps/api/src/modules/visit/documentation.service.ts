import { Inject, Injectable } from '@nestjs/common';
import type { DocumentVaccinationRequest, Vaccination } from '@vaccinate/api-contracts';
import { nextDoseNumber } from '@vaccinate/dose-schedule';
import { ValidationException } from '../../common/problem/app-exception';
import { dateIn, todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql, type SqlClient } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { AvailabilityNotifications } from '../booking/availability-notifications';
import { CatalogueService } from '../catalogue/catalogue.service';
import { RecordEvents } from '../record-events/record-events';
import { currentActor } from '../../common/request-context';
import { LOT_REFUSALS, VaccinationException, VaccinationExceptionCode } from '../vaccination/vaccination.exception';
import { VaccinationRepository } from '../vaccination/vaccination.repository';
import { RunningDay } from './running-day';
import { VisitException, VisitExceptionCode } from './visit.exception';
import { VisitRepository } from './visit.repository';

const OBSERVATION_MINUTES = 15;
const FLAGGED_OBSERVATION_MINUTES = 30;
/** A documented time may lag behind (paperwork after the dose) but not run ahead of the clock. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** A doctor documents the dose: the lot gives one dose, the record is written, observation starts — one transaction. */
@Injectable()
export class DocumentationService {
  constructor(
    private readonly visits: VisitRepository,
    private readonly vaccinations: VaccinationRepository,
    private readonly catalogue: CatalogueService,
    private readonly runningDay: RunningDay,
    private readonly events: RecordEvents,
    private readonly audit: AuditService,
    private readonly notifications: AvailabilityNotifications,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async document(visitId: string, request: DocumentVaccinationRequest, now = new Date()): Promise<Vaccination> {
    const administeredAt = request.administeredAt ? new Date(request.administeredAt) : now;
    if (administeredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      throw new ValidationException([{ field: 'administeredAt', message: 'must not be in the future' }]);
    }
    let dayId = '';
    const vaccinationId = await this.sql.transaction(async (client) => {
      const visit = await this.visits.byId(visitId, client, true);
      if (!visit) throw new VisitException(VisitExceptionCode.NotFound);
      if (visit.state === 'observation' || visit.state === 'done') throw new VaccinationException(VaccinationExceptionCode.AlreadyDocumented);
      if (visit.version !== request.version) throw new VisitException(VisitExceptionCode.VersionConflict);
      if (visit.state !== 'checked_in' && visit.state !== 'in_consultation') throw new VisitException(VisitExceptionCode.WrongState);
      if (!visit.answers || !visit.consentAt) throw new VisitException(VisitExceptionCode.ConsentMissing);
      if (visit.answers.flagged.length > 0 && !visit.flagsAcknowledged) throw new VisitException(VisitExceptionCode.FlagsNotAcknowledged);
      await this.runningDay.assert(visit.dayId, client, now);
      dayId = visit.dayId;
      const product = await this.catalogue.product(visit.productId);
      const doseNumber = await this.doseNumber(client, visit.personId, product.id, request);
      const today = todayIn(this.config.timeZone, now);
      if (!(await this.vaccinations.takeDose(client, request.lotId, product.id, today))) {
        throw new VaccinationException(LOT_REFUSALS[await this.vaccinations.lotRefusal(client, request.lotId, product.id, today)]);
      }
      const id = await this.vaccinations.insert(client, {
        personId: visit.personId,
        visitId: visit.id,
        productId: product.id,
        lotId: request.lotId,
        siteId: visit.siteId,
        doseNumber,
        seriesDoses: product.primaryDoses,
        doseNumberReason: request.doseNumberReason?.trim() || null,
        injectionSite: request.injectionSite,
        route: request.route,
        vaccinator: request.vaccinator ?? currentActor(),
        documentedBy: currentActor(),
        administeredAt,
        supersedesId: null,
        correctionReason: null,
      });
      const minutes = visit.answers.flagged.length > 0 ? FLAGGED_OBSERVATION_MINUTES : OBSERVATION_MINUTES;
      await this.visits.setState(client, visit.id, 'observation', { observationUntil: new Date(administeredAt.getTime() + minutes * 60_000) });
      await this.audit.record(client, 'person', 'vaccinate', [visit.personId]);
      await this.events.vaccinationDocumented(client, id);
      return id;
    });
    this.notifications.publishBoardChange(dayId);
    return (await this.vaccinations.byId(vaccinationId)) as Vaccination;
  }

  /** The number from the person's history, or the doctor's with a reason when it differs. */
  private async doseNumber(client: SqlClient, personId: string, productId: string, request: DocumentVaccinationRequest): Promise<number> {
    const history = await this.vaccinations.history(personId, productId, client);
    const derived = nextDoseNumber(history.map((dose) => ({ doseNumber: dose.doseNumber, date: dateIn(this.config.timeZone, dose.administeredAt) })));
    if (request.doseNumber === undefined || request.doseNumber === derived) return derived;
    if (!request.doseNumberReason?.trim()) {
      throw new ValidationException([{ field: 'doseNumberReason', message: `is required when the dose number differs from ${derived}, the number the history gives` }]);
    }
    return request.doseNumber;
  }
}
