import type { RowProblem } from './import-batch.entity';

/** How many problems an answer lists; the counts stay exact beyond it. */
export const PROBLEM_LIST_LIMIT = 1000;

/** Collects row problems, keeping the first `limit` and counting the rest. */
export class ProblemList {
  readonly items: RowProblem[] = [];
  private readonly rows = new Set<number>();
  total = 0;

  constructor(private readonly limit = PROBLEM_LIST_LIMIT) {}

  add(row: number, column: string, message: string): void {
    this.total++;
    this.rows.add(row);
    if (this.items.length < this.limit) this.items.push({ row, column, message });
  }

  /** Distinct rows with at least one problem. */
  get rowCount(): number {
    return this.rows.size;
  }

  hasRow(row: number): boolean {
    return this.rows.has(row);
  }

  get truncated(): boolean {
    return this.total > this.items.length;
  }

  sorted(): RowProblem[] {
    return [...this.items].sort((a, b) => a.row - b.row);
  }
}
