import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BookingModule } from '../booking/booking.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { OutboxModule } from '../outbox/outbox.module';
import { PeopleModule } from '../people/people.module';
import { QuestionnaireModule } from '../questionnaire/questionnaire.module';
import { CorrectionService } from '../vaccination/correction.service';
import { PersonHistoryService } from '../vaccination/person-history.service';
import { VaccinationController } from '../vaccination/vaccination.controller';
import { VaccinationRepository } from '../vaccination/vaccination.repository';
import { WasteService } from '../vaccination/waste.service';
import { BoardEventsController } from './board-events.controller';
import { BoardService } from './board.service';
import { CheckInService } from './check-in.service';
import { CheckOutService } from './check-out.service';
import { DayBoardController } from './day-board.controller';
import { DayReportService } from './day-report.service';
import { DaySheetRepository } from './day-sheet.repository';
import { DocumentationService } from './documentation.service';
import { NoShowJob } from './no-show.job';
import { NoShowService } from './no-show.service';
import { RunningDay } from './running-day';
import { VisitController } from './visit.controller';
import { VisitRepository } from './visit.repository';
import { VisitService } from './visit.service';

/** The vaccination day as it runs: board, check-in, questions, documentation, check-out, corrections, reports. */
@Module({
  imports: [AuditModule, BookingModule, CatalogueModule, OutboxModule, PeopleModule, QuestionnaireModule],
  controllers: [DayBoardController, BoardEventsController, VisitController, VaccinationController],
  providers: [
    BoardService,
    CheckInService,
    CheckOutService,
    CorrectionService,
    DayReportService,
    DaySheetRepository,
    DocumentationService,
    NoShowJob,
    NoShowService,
    PersonHistoryService,
    RunningDay,
    VaccinationRepository,
    VisitRepository,
    VisitService,
    WasteService,
  ],
  exports: [VaccinationRepository],
})
export class VisitModule {}
