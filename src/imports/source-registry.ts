import { Injectable } from '@nestjs/common';
import { UnknownSourceError } from './import-errors';
import type { ImportSource } from './source-definition';
import { ALL_SOURCES } from './sources';

/** Looks sources up by the name clients use in `/api/imports/{source}` and `cli import <source>`. */
@Injectable()
export class SourceRegistry {
  private readonly byName = new Map<string, ImportSource>(ALL_SOURCES.map((s) => [s.name, s]));

  get(name: string): ImportSource {
    const source = this.byName.get(name);
    if (!source) throw new UnknownSourceError(name, this.names());
    return source;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  all(): ImportSource[] {
    return [...this.byName.values()];
  }
}
