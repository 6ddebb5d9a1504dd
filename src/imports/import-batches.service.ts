import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { ImportBatch } from './import-batch.entity';

@Injectable()
export class ImportBatchesService {
  constructor(private readonly em: EntityManager) {}

  /** Batches newest first: source, file name, counts, who and when. */
  async list(query: { source?: string; limit: number; offset: number }) {
    const [items, total] = await this.em.fork().findAndCount(
      ImportBatch,
      query.source ? { source: query.source } : {},
      { orderBy: { id: 'desc' }, limit: query.limit, offset: query.offset },
    );
    return { total, items };
  }
}
