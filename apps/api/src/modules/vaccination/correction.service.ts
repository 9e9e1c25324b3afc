import { Inject, Injectable } from '@nestjs/common';
import type { ReactionSeverity, Vaccination, VaccinationCorrection } from '@vaccinate/api-contracts';
import { ValidationException } from '../../common/problem/app-exception';
import { todayIn } from '../../common/time-zone';
import type { ApiConfig } from '../../config/api-config';
import { API_CONFIG } from '../../config/api-config.token';
import { Sql } from '../../database/sql';
import { AuditService } from '../audit/audit.service';
import { RecordEvents } from '../record-events/record-events';
import { currentActor } from '../../common/request-context';
import { LOT_REFUSALS, VaccinationException, VaccinationExceptionCode } from './vaccination.exception';
import { VaccinationRepository } from './vaccination.repository';

/** Corrections never overwrite: the corrected record supersedes the old one, which stays in the history with the reason. */
@Injectable()
export class CorrectionService {
  constructor(
    private readonly vaccinations: VaccinationRepository,
    private readonly events: RecordEvents,
    private readonly audit: AuditService,
    private readonly sql: Sql,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async correct(vaccinationId: string, correction: VaccinationCorrection): Promise<Vaccination> {
    const reason = correction.reason.trim();
    if (!reason) throw new ValidationException([{ field: 'reason', message: 'should not be empty' }]);
    const correctedId = await this.sql.transaction(async (client) => {
      const current = await this.vaccinations.byId(vaccinationId, client, true);
      if (!current) throw new VaccinationException(VaccinationExceptionCode.NotFound);
      if (current.status !== 'valid' || !(await this.vaccinations.supersede(client, current.id))) {
        throw new VaccinationException(VaccinationExceptionCode.NotCurrent);
      }
      const lotId = correction.lotId ?? current.lotId;
      if (lotId !== current.lotId) {
        // The dose came out of the other lot: give it back to the wrong one, take it from the right one.
        await this.vaccinations.returnDose(client, current.lotId);
        const administeredOn = todayIn(this.config.timeZone, new Date(correction.administeredAt ?? current.administeredAt));
        if (!(await this.vaccinations.takeDose(client, lotId, current.productId, administeredOn))) {
          throw new VaccinationException(LOT_REFUSALS[await this.vaccinations.lotRefusal(client, lotId, current.productId, administeredOn)]);
        }
      }
      const id = await this.vaccinations.insert(client, {
        personId: current.personId,
        visitId: current.visitId,
        productId: current.productId,
        lotId,
        siteId: current.siteId,
        doseNumber: correction.doseNumber ?? current.doseNumber,
        seriesDoses: current.seriesDoses,
        doseNumberReason: current.doseNumberReason,
        injectionSite: correction.injectionSite ?? current.injectionSite,
        route: correction.route ?? current.route,
        vaccinator: current.vaccinator,
        documentedBy: currentActor(),
        administeredAt: new Date(correction.administeredAt ?? current.administeredAt),
        supersedesId: current.id,
        correctionReason: reason,
      });
      await this.audit.record(client, 'person', 'correct', [current.personId]);
      await this.events.vaccinationCorrected(client, current.id, id);
      return id;
    });
    return (await this.vaccinations.byId(correctedId)) as Vaccination;
  }

  async recordReaction(vaccinationId: string, severity: ReactionSeverity, description: string): Promise<Vaccination> {
    await this.sql.transaction(async (client) => {
      const vaccination = await this.vaccinations.byId(vaccinationId, client);
      if (!vaccination) throw new VaccinationException(VaccinationExceptionCode.NotFound);
      await this.vaccinations.addReaction(client, vaccination.id, severity, description.trim(), currentActor());
      await this.audit.record(client, 'person', 'react', [vaccination.personId]);
    });
    return (await this.vaccinations.byId(vaccinationId)) as Vaccination;
  }
}
