import { Global, Module } from '@nestjs/common';
import { RecordEvents } from './record-events';

@Global()
@Module({ providers: [RecordEvents], exports: [RecordEvents] })
export class RecordEventsModule {}
