import { Injectable } from '@nestjs/common';
import { Subject } from 'rxjs';
import type { ImportOutcome } from './source-definition';

/** Announces every written batch, so caches built from imported tables (the calendar) can refresh. */
@Injectable()
export class ImportEvents {
  readonly written = new Subject<ImportOutcome>();
}
