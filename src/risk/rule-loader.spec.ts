import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { defaultParameters, parameterNames, RULE_IDS, ruleFileSchema, scoringSchema } from './rule-file.schema';
import { loadRuleFiles, RuleFilesError, RuleProblem } from './rule-loader';

const SHIPPED = resolve(__dirname, '../../rules');

/** A private copy of the shipped rules folder, to break. */
function copyOfRules(): string {
  const dir = mkdtempSync(join(tmpdir(), 'audit-radar-rules-'));
  cpSync(SHIPPED, dir, { recursive: true });
  return dir;
}

/** Replaces text in one file of `dir`, failing loudly when the text is not there (the test would prove nothing). */
function edit(dir: string, file: string, from: string, to: string): void {
  const path = join(dir, file);
  const text = readFileSync(path, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}`);
  writeFileSync(path, text.replace(from, to));
}

function problemsOf(dir: string): RuleProblem[] {
  try {
    loadRuleFiles(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(RuleFilesError);
    return (error as RuleFilesError).problems;
  }
  throw new Error('the folder loaded without problems');
}

describe('the shipped rules folder', () => {
  const loaded = loadRuleFiles(SHIPPED);
  const rule = (id: string) => loaded.rules.find((r) => r.id === id)!;

  it('holds every catalogue rule, one file each, named after its id, in catalogue order', () => {
    expect(RULE_IDS).toHaveLength(36);
    expect(RULE_IDS).toEqual(expect.arrayContaining(['single-bidder', 'identical-bids', 'overdue-finding-response', 'complaint-trend']));
    expect(loaded.rules).toHaveLength(36);
    expect(loaded.rules.map((r) => r.id)).toEqual(RULE_IDS);
    for (const r of loaded.rules) expect(r.file).toBe(`${r.id}.yaml`);
    expect(loaded.rules.every((r) => r.enabled)).toBe(true);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('has the catalogue defaults', () => {
    expect(rule('split-purchase').parameters).toEqual({ minCount: 2, windowDays: 30, limit: 500_000 });
    expect(rule('threshold-bunching').parameters).toEqual({ limits: [100_000, 500_000], band: 0.05 });
    expect(rule('short-submission-period').parameters).toEqual({
      bands: [
        { maxValue: 5_000_000, minWorkingDays: 5 },
        { maxValue: 10_000_000, minWorkingDays: 10 },
        { maxValue: 50_000_000, minWorkingDays: 12 },
        { maxValue: null, minWorkingDays: 20 },
      ],
    });
    expect(rule('close-runner-up').parameters).toEqual({ threshold: 0.01 });
    expect(rule('late-delivery-penalty').parameters).toEqual({ goodsRate: 0.002, hireRate: 0.001, hireMinPerDay: 100, terminate: 0.1 });
    expect(rule('single-bidder').parameters).toEqual({ methods: ['e_bidding', 'e_market', 'price_inquiry', 'selection'] });
    expect(rule('benford-deviation').parameters).toEqual({ mad: 0.015, minRecords: 100 });
    expect(rule('complaint-trend').parameters).toEqual({ increase: 0.5, minCount: 3 });
    expect(rule('disbursement-behind-target').parameters).toEqual({ points: 5 });
    expect(rule('identical-bids').parameters).toEqual({});
  });

  it('writes out every parameter of every rule, with the schema defaults (no silent fallbacks)', () => {
    for (const id of RULE_IDS) {
      const raw = parse(readFileSync(join(SHIPPED, `${id}.yaml`), 'utf8')) as { parameters: Record<string, unknown> };
      expect({ id, names: Object.keys(raw.parameters) }).toEqual({ id, names: parameterNames(id) });
      expect({ id, parameters: rule(id).parameters }).toEqual({ id, parameters: defaultParameters(id) });
    }
  });

  it('describes each rule for an auditor, and weighs the serious control breaches highest', () => {
    expect(rule('single-bidder')).toMatchObject({
      title: { th: 'ผู้เสนอราคารายเดียว', en: 'Single bidder' },
      anchor: 'OCP R018, GTI',
      entity: 'contract',
    });
    expect(rule('split-purchase').entity).toBe('contract_group');
    expect(rule('overdue-finding-response').entity).toBe('finding');
    for (const r of loaded.rules) {
      expect(r.title.th).toMatch(/[\u0E00-\u0E7F]/);
      expect(r.description.length).toBeGreaterThan(40);
    }
    const heavy = ['blacklisted-vendor', 'split-purchase', 'missing-inspection-committee', 'committee-overlap', 'payment-before-inspection', 'duplicate-payment'];
    for (const r of loaded.rules) {
      if (heavy.includes(r.id)) expect({ id: r.id, weight: r.weight >= 4 }).toEqual({ id: r.id, weight: true });
      else expect({ id: r.id, weight: r.weight <= 3 }).toEqual({ id: r.id, weight: true });
    }
  });

  it('has the scoring settings with the common 5 × 5 bands', () => {
    expect(loaded.scoring.bands).toEqual([
      { key: 'low', min: 1, max: 4, label: { th: 'ต่ำ', en: 'Low' } },
      { key: 'medium', min: 5, max: 9, label: { th: 'ปานกลาง', en: 'Medium' } },
      { key: 'high', min: 10, max: 14, label: { th: 'สูง', en: 'High' } },
      { key: 'very_high', min: 15, max: 25, label: { th: 'สูงมาก', en: 'Very high' } },
    ]);
    expect(Object.keys(loaded.scoring.parts)).toEqual([
      'flags',
      'disbursementLag',
      'overduePlanActivities',
      'complaintTrend',
      'openFindings',
      'yearsSinceLastAudit',
    ]);
    expect(loaded.scoring.likelihood.cuts).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(loaded.scoring.impact.amountCuts).toHaveLength(4);
  });

  it('hashes the file names and contents: the same folder gives the same hash, any edit another', () => {
    const dir = copyOfRules();
    try {
      expect(loadRuleFiles(dir).hash).toBe(loaded.hash);
      writeFileSync(join(dir, 'README.md'), 'not a rule file');
      expect(loadRuleFiles(dir).hash).toBe(loaded.hash);
      edit(dir, 'split-purchase.yaml', 'windowDays: 30', 'windowDays: 31');
      expect(loadRuleFiles(dir).hash).not.toBe(loaded.hash);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a broken rules folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = copyOfRules();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses bad YAML with the line', () => {
    edit(dir, 'split-purchase.yaml', '  windowDays: 30', '  windowDays: [30');
    expect(problemsOf(dir)).toEqual([
      {
        file: 'split-purchase.yaml',
        path: '',
        message: expect.stringMatching(/^YAML syntax error at line 31, column 3: Flow sequence in block collection must be sufficiently indented and end with a \]/),
      },
    ]);
  });

  it('reports a broken or empty file once, not also as missing', () => {
    edit(dir, 'scoring.yaml', 'likelihood:', 'likelihood: [');
    writeFileSync(join(dir, 'cover-bidder.yaml'), '# every line commented out\n');
    expect(problemsOf(dir)).toEqual([
      { file: 'cover-bidder.yaml', path: '', message: 'the file is empty' },
      { file: 'scoring.yaml', path: '', message: expect.stringMatching(/^YAML syntax error at line \d+, column \d+: /) },
    ]);
  });

  it('refuses a key written twice', () => {
    edit(dir, 'cover-bidder.yaml', 'weight: 2', 'weight: 2\nweight: 3');
    expect(problemsOf(dir)).toEqual([
      { file: 'cover-bidder.yaml', path: '', message: 'YAML syntax error at line 22, column 1: Map keys must be unique' },
    ]);
  });

  it('refuses wrong types and values, naming the path of each', () => {
    edit(dir, 'split-purchase.yaml', 'weight: 4', 'weight: 4.5');
    edit(dir, 'split-purchase.yaml', 'severity: high', 'severity: urgent');
    edit(dir, 'split-purchase.yaml', 'windowDays: 30', 'windowDays: "30 days"');
    edit(dir, 'split-purchase.yaml', 'minCount: 2', 'minCount: 1');
    edit(dir, 'threshold-bunching.yaml', 'band: 0.05', 'band: 5');
    edit(dir, 'cover-bidder.yaml', 'enabled: true', 'enabled: yes please');
    expect(problemsOf(dir)).toEqual([
      { file: 'cover-bidder.yaml', path: 'enabled', message: 'must be true or false' },
      { file: 'split-purchase.yaml', path: 'weight', message: 'must be a whole number from 1 to 5' },
      { file: 'split-purchase.yaml', path: 'severity', message: 'must be one of low, medium, high, critical' },
      { file: 'split-purchase.yaml', path: 'parameters.minCount', message: 'must be at least 2' },
      { file: 'split-purchase.yaml', path: 'parameters.windowDays', message: 'Invalid input: expected number, received string' },
      { file: 'threshold-bunching.yaml', path: 'parameters.band', message: 'must be between 0 and 1' },
    ]);
  });

  it('refuses a misspelled parameter or field rather than falling back to the default', () => {
    edit(dir, 'split-purchase.yaml', 'windowDays: 30', 'windowDay: 30');
    edit(dir, 'identical-bids.yaml', 'parameters: {}', 'parameters: { tolerance: 0 }');
    edit(dir, 'cover-bidder.yaml', 'weight: 2', 'wieght: 2');
    expect(problemsOf(dir)).toEqual([
      { file: 'cover-bidder.yaml', path: 'weight', message: 'missing: must be a whole number from 1 to 5' },
      {
        file: 'cover-bidder.yaml',
        path: 'wieght',
        message: 'unknown field "wieght"; a rule file has id, title, description, anchor, entity, enabled, weight, severity, parameters',
      },
      { file: 'identical-bids.yaml', path: 'parameters.tolerance', message: 'unknown parameter "tolerance"; identical-bids takes no parameters' },
      {
        file: 'split-purchase.yaml',
        path: 'parameters.windowDay',
        message: 'unknown parameter "windowDay"; split-purchase takes minCount, windowDays, limit',
      },
    ]);
  });

  it('refuses a file whose id differs from its name', () => {
    renameSync(join(dir, 'split-purchase.yaml'), join(dir, 'split-purchases.yaml'));
    expect(problemsOf(dir)).toEqual([
      {
        file: 'split-purchases.yaml',
        path: 'id',
        message: 'id "split-purchase" does not match the file name: a rule\'s file is named after its id (split-purchase.yaml)',
      },
    ]);
  });

  it('refuses a rule defined twice', () => {
    cpSync(join(dir, 'split-purchase.yaml'), join(dir, 'split-purchase-old.yaml'));
    expect(problemsOf(dir)).toEqual([
      {
        file: 'split-purchase-old.yaml',
        path: 'id',
        message: 'id "split-purchase" does not match the file name: a rule\'s file is named after its id (split-purchase.yaml)',
      },
      { file: 'split-purchase-old.yaml', path: 'id', message: 'rule "split-purchase" is already defined in split-purchase.yaml: one file per rule' },
    ]);
  });

  it('refuses an id the catalogue does not have, and a changed entity', () => {
    edit(dir, 'cover-bidder.yaml', 'id: cover-bidder', 'id: cover-bidders');
    edit(dir, 'split-purchase.yaml', 'entity: contract_group', 'entity: contract');
    const problems = problemsOf(dir);
    expect(problems).toEqual([
      {
        file: 'cover-bidder.yaml',
        path: 'id',
        message: expect.stringMatching(/^unknown rule id "cover-bidders"; the catalogue's rules are single-bidder, few-bidders, /),
      },
      // The broken file is named after cover-bidder, so that rule is not reported missing as well.
      {
        file: 'split-purchase.yaml',
        path: 'entity',
        message: "split-purchase flags contract_group: the entity is fixed by the rule's query and cannot be changed here",
      },
    ]);
  });

  it('names a catalogue rule without a file, and a missing scoring.yaml', () => {
    unlinkSync(join(dir, 'committee-overlap.yaml'));
    unlinkSync(join(dir, 'scoring.yaml'));
    expect(problemsOf(dir)).toEqual([
      {
        file: 'committee-overlap.yaml',
        path: '',
        message: 'missing: every catalogue rule needs its file (set enabled: false to switch a rule off)',
      },
      {
        file: 'scoring.yaml',
        path: '',
        message: 'missing: the scoring settings (likelihood, impact, bands, weights of the score parts)',
      },
    ]);
  });

  it('checks the submission bands and the scoring table', () => {
    edit(dir, 'short-submission-period.yaml', '{ maxValue: 10000000, minWorkingDays: 10 }', '{ maxValue: null, minWorkingDays: 10 }');
    edit(dir, 'scoring.yaml', '{ key: medium, min: 5, max: 9,', '{ key: medium, min: 6, max: 9,');
    edit(dir, 'scoring.yaml', 'cuts: [0.2, 0.4, 0.6, 0.8]', 'cuts: [0.2, 0.6, 0.4, 0.8]');
    edit(dir, 'scoring.yaml', '    amountUnit: 1000000', '    amountUnit: 1000000\n    perFlag: 2');
    expect(problemsOf(dir)).toEqual([
      { file: 'scoring.yaml', path: 'parts.flags.perFlag', message: 'unknown field "perFlag"' },
      { file: 'scoring.yaml', path: 'likelihood.cuts.2', message: 'must be above the previous cut (0.6)' },
      { file: 'scoring.yaml', path: 'bands.1.min', message: 'must be 5: bands run from 1 to 25 in order, without gaps or overlaps' },
      { file: 'short-submission-period.yaml', path: 'parameters.bands.1.maxValue', message: 'only the last band may have maxValue null ("above")' },
    ]);
  });

  it('needs planning.yaml, checks its values, and its working days for every band of scoring.yaml', () => {
    edit(dir, 'planning.yaml', 'size: 2 ', 'size: 0 ');
    edit(dir, 'planning.yaml', 'very_high: 20 }', 'extreme: 20 }');
    edit(dir, 'planning.yaml', '{ from: "09-17", to: "09-30"', '{ from: "9-17", to: "09-30"');
    expect(problemsOf(dir)).toEqual([
      { file: 'planning.yaml', path: 'team.size', message: 'a team has at least its leader' },
      { file: 'planning.yaml', path: 'blackouts.0.from', message: 'must be a month and day as MM-DD, e.g. 09-17' },
    ]);
    const fixed = copyOfRules();
    try {
      edit(fixed, 'planning.yaml', 'very_high: 20 }', 'extreme: 20 }');
      expect(problemsOf(fixed)).toEqual([
        { file: 'planning.yaml', path: 'sizing.baseDays.performance', message: 'has no working days for band very_high of scoring.yaml' },
      ]);
      unlinkSync(join(fixed, 'planning.yaml'));
      expect(problemsOf(fixed)).toEqual([
        { file: 'planning.yaml', path: '', message: 'missing: the audit-plan settings (sizing, team, independence, coverage, blackouts)' },
      ]);
    } finally {
      rmSync(fixed, { recursive: true, force: true });
    }
  });

  it('lists every problem of every file at once, by file', () => {
    edit(dir, 'split-purchase.yaml', 'windowDays: 30', 'windowDays: -1');
    edit(dir, 'benford-deviation.yaml', 'mad: 0.015', 'mad: [');
    unlinkSync(join(dir, 'duplicate-payment.yaml'));
    expect(problemsOf(dir).map((p) => `${p.file} ${p.path}`)).toEqual([
      'benford-deviation.yaml ',
      'duplicate-payment.yaml ',
      'split-purchase.yaml parameters.windowDays',
    ]);
  });

  it('refuses a file that is not UTF-8, and a folder that is not there', () => {
    writeFileSync(join(dir, 'cover-bidder.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xa1, 0xa2, 0x0a]));
    expect(problemsOf(dir)).toEqual([{ file: 'cover-bidder.yaml', path: '', message: 'is not UTF-8 text: save it as UTF-8' }]);
    expect(problemsOf(join(dir, 'nowhere'))).toEqual([
      { file: '.', path: '', message: expect.stringMatching(/^cannot read the rules folder: ENOENT/) },
    ]);
  });

  it('takes the catalogue default for a parameter left out, and ignores other files', () => {
    edit(dir, 'split-purchase.yaml', '  windowDays: 30\n', '');
    edit(dir, 'duplicate-payment.yaml', '  windowDays: 30\n', '');
    writeFileSync(join(dir, 'README.md'), '# notes');
    writeFileSync(join(dir, '.split-purchase.yaml.swp'), 'editor junk');
    const loaded = loadRuleFiles(dir);
    expect(loaded.rules.find((r) => r.id === 'split-purchase')!.parameters).toEqual({ minCount: 2, windowDays: 30, limit: 500_000 });
    // Every parameter commented out leaves `parameters:` empty (null): all defaults.
    expect(loaded.rules.find((r) => r.id === 'duplicate-payment')!.parameters).toEqual({ windowDays: 30 });
  });
});

describe('ruleFileSchema', () => {
  const base = {
    id: 'close-runner-up',
    title: { th: 'ราคาผู้เสนอรายที่สองใกล้เคียงผู้ชนะ', en: 'Runner-up close' },
    description: 'x',
    anchor: 'OCP R024',
    entity: 'contract',
    weight: 2,
    severity: 'medium',
  };

  it('reads a null close-runner-up threshold as "use the fence" and a missing one as the default', () => {
    expect(ruleFileSchema.parse({ ...base, parameters: { threshold: null } }).parameters).toEqual({ threshold: null });
    expect(ruleFileSchema.parse(base).parameters).toEqual({ threshold: 0.01 });
    expect(ruleFileSchema.parse(base).enabled).toBe(true);
  });

  it('refuses the single-bidder method list with an unknown method', () => {
    const result = ruleFileSchema.safeParse({
      ...base,
      id: 'single-bidder',
      anchor: 'OCP R018, GTI',
      parameters: { methods: ['e_bidding', 'e-market'] },
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toEqual(['parameters.methods.1']);
  });

  it('accepts the shipped scoring file only with a weight above 0 somewhere', () => {
    const scoring = parse(readFileSync(join(SHIPPED, 'scoring.yaml'), 'utf8')) as { parts: Record<string, { weight: number }> };
    expect(scoringSchema.safeParse(scoring).success).toBe(true);
    for (const part of Object.values(scoring.parts)) part.weight = 0;
    expect(scoringSchema.safeParse(scoring).error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['parts', 'at least one part needs a weight above 0'],
    ]);
  });
});
