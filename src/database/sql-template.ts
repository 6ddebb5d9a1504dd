/**
 * Parameterised SQL written as a template: values become `$n` parameters, never text in the statement.
 *
 *   const q = sql`select * from flags where rule_id = ${ruleId} and ${inYear}`;
 *   db.query(q.text, q.values);
 *
 * A fragment made by `sql` (or `raw`) can be placed inside another and its parameters are renumbered,
 * so shared pieces (a fiscal-year filter, a key expression) compose without counting placeholders.
 */
export class SqlFragment {
  constructor(
    /** Text pieces around the values: strings.length === values.length + 1. */
    readonly strings: readonly string[],
    readonly values: readonly unknown[],
  ) {}

  /** The statement text with `$1…$n` placeholders and the values in their order. */
  toQuery(): { text: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = this.render(values);
    return { text, values };
  }

  private render(values: unknown[]): string {
    let text = this.strings[0];
    this.values.forEach((value, i) => {
      if (value instanceof SqlFragment) {
        text += value.render(values);
      } else {
        values.push(value);
        text += `$${values.length}`;
      }
      text += this.strings[i + 1];
    });
    return text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): SqlFragment {
  return new SqlFragment([...strings], values);
}

/** Text that goes into the statement as it is: only for SQL written in code (identifiers, keywords), never input. */
export function raw(text: string): SqlFragment {
  return new SqlFragment([text], []);
}

/** Fragments joined by a separator, e.g. `join(conditions, ' and ')`. */
export function join(fragments: readonly SqlFragment[], separator: string): SqlFragment {
  if (fragments.length === 0) return raw('');
  const strings = ['', ...fragments.slice(1).map(() => separator), ''];
  return new SqlFragment(strings, fragments);
}
