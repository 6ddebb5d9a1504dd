import { Client } from 'pg';

/**
 * Times every statement the run sends (node-pg `Client.prototype.query`, which pool clients share), grouped
 * by rule and by the step phase the statement belongs to, so a slow rule can be split into its own query
 * (`insert into rule_output … select`) and the engine's bookkeeping around it (duplicate-key check, counts,
 * the merge into flags, the not-calculable rows). For the bench only: it patches the pg client in place.
 */
export function profileStatements(): { byRule: Record<string, Record<string, number>>; ruleDone(id: string): void } {
  const byRule: Record<string, Record<string, number>> = {};
  let current: Record<string, number> = {};
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function (this: Client, ...args: unknown[]) {
    const first = args[0];
    const text = typeof first === 'string' ? first : (first as { text?: string } | undefined)?.text;
    const result = original.apply(this, args);
    if (text && result instanceof Promise) {
      const started = performance.now();
      const phase = phaseOf(text);
      void result.then(
        () => (current[phase] = (current[phase] ?? 0) + (performance.now() - started)),
        () => undefined,
      );
    }
    return result;
  };
  return {
    byRule,
    ruleDone(id: string) {
      byRule[id] = Object.fromEntries(Object.entries(current).map(([k, v]) => [k, Math.round(v)]));
      current = {};
    },
  };
}

function phaseOf(sql: string): string {
  const s = sql.replace(/\s+/g, ' ').trim().toLowerCase();
  if (s.startsWith('insert into rule_output')) return 'rule query';
  if (s.startsWith('select entity_key from rule_output')) return 'duplicate check';
  if (s.startsWith('select outcome, count(*)')) return 'counts';
  if (s.startsWith('insert into flags')) return 'flags merge';
  if (s.startsWith('with gone as')) return 'flags cleanup';
  if (s.startsWith('delete from risk_not_calculable') || s.startsWith('insert into risk_not_calculable')) return 'not calculable';
  return 'other';
}
