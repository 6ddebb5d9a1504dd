import { z } from 'zod';
import { EGP_METHOD_TEXT, EgpMethod } from '../procurement/egp/egp-enums';

/*
 * The one schema for the YAML files of `rules/` (docs/rules-catalogue.md): a rule file per catalogue rule,
 * and `scoring.yaml`. Auditors edit these files, so every bound is checked here and a misspelled name is
 * refused rather than ignored (a typo must never quietly fall back to a default).
 *
 * Each rule's parameters have the catalogue's names and defaults. A parameter left out of a file takes the
 * catalogue default; a parameter the rule does not have is refused.
 */

// ---------------------------------------------------------------------------------------------------------
// Building blocks with the ranges the catalogue's quantities can take.

/** A share or ratio: 0–1 (0.4 = 40 %). */
const share = () => z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1');
/** A number of calendar or working days, at most `max`. */
const days = (max = 3660) => z.number().int('must be a whole number of days').min(0, 'must be 0 or more').max(max, `must be at most ${max}`);
/** A count of contracts, tenders, records: a whole number, at least `min` (1 unless the rule needs more). */
const count = (min = 1) => z.number().int('must be a whole number').min(min, `must be at least ${min}`);
/** An amount in THB above zero. */
const amount = () => z.number().positive('must be an amount above 0 (THB)');
/** A relative tolerance: 0 means none; 0.02 lets a price exceed the other by up to 2 %. */
const tolerance = () => share();

/** e-GP purchase methods as read by the import (src/procurement/egp/egp-enums.ts). */
export const PURCHASE_METHODS = [...Object.keys(EGP_METHOD_TEXT), 'other'] as unknown as [EgpMethod, ...EgpMethod[]];

/** Competitive methods of the catalogue: the open ones (e-bidding, e-market, price inquiry) plus selection. */
/** Open methods of the catalogue: e-bidding, e-market and price inquiry. */
export const OPEN_METHODS: EgpMethod[] = ['e_bidding', 'e_market', 'price_inquiry'];
export const COMPETITIVE_METHODS: EgpMethod[] = [...OPEN_METHODS, 'selection'];

/** short-submission-period: minimum working days for contracts up to `maxValue` THB (null: every value above). */
const submissionBand = z.strictObject({
  maxValue: amount().nullable(),
  minWorkingDays: days(365),
});

const submissionBands = z
  .array(submissionBand)
  .min(1, 'needs at least one band')
  .superRefine((bands, ctx) => {
    bands.forEach((band, i) => {
      const last = i === bands.length - 1;
      if (band.maxValue === null && !last) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxValue'], message: 'only the last band may have maxValue null ("above")' });
      }
      if (band.maxValue !== null && last) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxValue'], message: 'the last band must have maxValue null, so that every value falls in a band' });
      }
      const previous = bands[i - 1]?.maxValue;
      if (i > 0 && band.maxValue !== null && previous != null && band.maxValue <= previous) {
        ctx.addIssue({ code: 'custom', path: [i, 'maxValue'], message: `must be above the previous band's maxValue (${previous})` });
      }
    });
  });

// ---------------------------------------------------------------------------------------------------------
// The catalogue: what each rule flags and its parameters with their defaults.

/** The kinds of entity a rule flags (the catalogue's "flags" column). */
export const RULE_ENTITIES = [
  'contract',
  'vendor',
  'vendor_pair',
  'agency',
  'agency_vendor',
  'agency_budget_type',
  'agency_category',
  'person_vendor',
  'contract_group',
  'payment',
  'payment_group',
  'finding',
] as const;
export type RuleEntity = (typeof RULE_ENTITIES)[number];

export const RULE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

const none = () => z.strictObject({});

/**
 * Every rule of docs/rules-catalogue.md, in its order: the entity it flags and its parameters schema.
 * Defaults here are the catalogue's; `rules/*.yaml` ship the same values written out.
 */
export const RULE_CATALOGUE = {
  // Procurement: tender and award
  'single-bidder': {
    entity: 'contract',
    parameters: z.strictObject({
      methods: z
        .array(z.enum(PURCHASE_METHODS))
        .min(1, 'list at least one method')
        .refine((list) => new Set(list).size === list.length, 'lists a method twice')
        .default([...COMPETITIVE_METHODS]),
    }),
  },
  'few-bidders': { entity: 'contract', parameters: z.strictObject({ min: count(2).default(3) }) },
  'price-near-reference': { entity: 'contract', parameters: z.strictObject({ ratio: share().default(0.99) }) },
  'price-above-reference': { entity: 'contract', parameters: z.strictObject({ tolerance: tolerance().default(0) }) },
  'reference-above-budget': { entity: 'contract', parameters: z.strictObject({ tolerance: tolerance().default(0) }) },
  'contract-above-winning-bid': { entity: 'contract', parameters: z.strictObject({ tolerance: tolerance().default(0) }) },
  'identical-bids': { entity: 'contract', parameters: none() },
  'close-runner-up': {
    entity: 'contract',
    // null: no fixed threshold, use the upper Tukey fence of the comparison group instead.
    parameters: z.strictObject({ threshold: share().nullable().default(0.01) }),
  },
  'abnormally-low-bid': { entity: 'contract', parameters: z.strictObject({ ratio: share().default(0.7) }) },
  'co-bidding-pairs': {
    entity: 'vendor_pair',
    parameters: z.strictObject({ minTenders: count(2).default(3), winShare: share().default(0.8) }),
  },
  'cover-bidder': { entity: 'vendor', parameters: z.strictObject({ minTenders: count().default(5) }) },
  'shared-director-or-address': { entity: 'contract', parameters: none() },
  'short-submission-period': {
    entity: 'contract',
    parameters: z.strictObject({
      bands: submissionBands.default([
        { maxValue: 5_000_000, minWorkingDays: 5 },
        { maxValue: 10_000_000, minWorkingDays: 10 },
        { maxValue: 50_000_000, minWorkingDays: 12 },
        { maxValue: null, minWorkingDays: 20 },
      ]),
    }),
  },
  'contract-before-standstill': { entity: 'contract', parameters: z.strictObject({ days: days(365).default(7) }) },
  'timeline-inconsistency': { entity: 'contract', parameters: none() },

  // Procurement: agency and vendor patterns
  'split-purchase': {
    entity: 'contract_group',
    parameters: z.strictObject({
      minCount: count(2).default(2),
      windowDays: days(366).default(30),
      limit: amount().default(500_000),
    }),
  },
  'threshold-bunching': {
    entity: 'contract',
    parameters: z.strictObject({
      limits: z
        .array(amount())
        .min(1, 'list at least one limit')
        .refine((list) => new Set(list).size === list.length, 'lists a limit twice')
        .default([100_000, 500_000]),
      band: share().default(0.05),
    }),
  },
  'method-above-threshold': { entity: 'contract', parameters: z.strictObject({ limit: amount().default(500_000) }) },
  'repeat-vendor': {
    entity: 'agency_vendor',
    parameters: z.strictObject({ minContracts: count().default(5), share: share().default(0.4) }),
  },
  'supplier-dependence': { entity: 'vendor', parameters: z.strictObject({ share: share().default(0.9) }) },
  'year-end-specific-method': { entity: 'contract', parameters: z.strictObject({ days: days(366).default(30) }) },
  'new-vendor': {
    entity: 'contract',
    parameters: z.strictObject({
      days: days().default(365),
      minValue: z.number().min(0, 'must be 0 or more (THB)').default(500_000),
    }),
  },
  'blacklisted-vendor': { entity: 'contract', parameters: none() },
  'non-competitive-share': { entity: 'agency', parameters: none() },

  // Contract implementation and control
  'missing-inspection-committee': {
    entity: 'contract',
    parameters: z.strictObject({ smallValue: amount().default(100_000) }),
  },
  'committee-overlap': { entity: 'contract', parameters: none() },
  'inspector-vendor-recurrence': {
    entity: 'person_vendor',
    parameters: z.strictObject({ minContracts: count().default(5) }),
  },
  'late-delivery-penalty': {
    entity: 'contract',
    parameters: z.strictObject({
      goodsRate: share().default(0.002),
      hireRate: share().default(0.001),
      hireMinPerDay: z.number().min(0, 'must be 0 or more (THB a day)').default(100),
      terminate: share().default(0.1),
    }),
  },
  'payment-before-inspection': { entity: 'payment', parameters: none() },
  'duplicate-payment': { entity: 'payment_group', parameters: z.strictObject({ windowDays: days(366).default(30) }) },
  'benford-deviation': {
    entity: 'agency',
    parameters: z.strictObject({ mad: share().default(0.015), minRecords: count().default(100) }),
  },
  'round-amounts': { entity: 'agency', parameters: z.strictObject({ multiple: amount().default(10_000) }) },

  // Budget, plans, findings and complaints
  'disbursement-behind-target': {
    entity: 'agency_budget_type',
    parameters: z.strictObject({
      points: z.number().min(0, 'must be between 0 and 100 percentage points').max(100, 'must be between 0 and 100 percentage points').default(5),
    }),
  },
  'overdue-control-improvement': { entity: 'agency', parameters: z.strictObject({ graceDays: days(365).default(0) }) },
  'overdue-finding-response': { entity: 'finding', parameters: none() },
  'complaint-trend': {
    entity: 'agency_category',
    parameters: z.strictObject({
      // A rise, not a share: 0.5 = +50 %, 2 = three times last year's count.
      increase: z.number().min(0, 'must be 0 or more (0.5 = +50 %)').max(100, 'must be at most 100').default(0.5),
      minCount: count().default(3),
    }),
  },
} as const satisfies Record<string, { entity: RuleEntity; parameters: z.ZodObject }>;

export type RuleCatalogue = typeof RULE_CATALOGUE;
export type RuleId = keyof RuleCatalogue;
export const RULE_IDS = Object.keys(RULE_CATALOGUE) as RuleId[];

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(RULE_CATALOGUE, value);
}

/** The parameters of one rule, after defaults. */
export type RuleParameters<Id extends RuleId = RuleId> = z.output<RuleCatalogue[Id]['parameters']>;

/** The parameter names a rule takes (for messages and the API). */
export function parameterNames(id: RuleId): string[] {
  return Object.keys(RULE_CATALOGUE[id].parameters.shape);
}

/** The catalogue's default parameters of a rule. */
export function defaultParameters<Id extends RuleId>(id: Id): RuleParameters<Id> {
  return RULE_CATALOGUE[id].parameters.parse({}) as RuleParameters<Id>;
}

// ---------------------------------------------------------------------------------------------------------
// A rule file.

const text = (what: string) => z.string({ error: `must be ${what} (text)` }).trim().min(1, `must not be empty`);

/** The fields every rule file has, whatever the rule. */
const ruleFileFields = {
  title: z.strictObject({ th: text('the Thai title'), en: text('the English title') }),
  description: text('a description'),
  anchor: text('the public anchor, e.g. "OCP R018, GTI"'),
  enabled: z.boolean({ error: 'must be true or false' }).default(true),
  weight: z
    .number({ error: 'must be a whole number from 1 to 5' })
    .int('must be a whole number from 1 to 5')
    .min(1, 'must be a whole number from 1 to 5')
    .max(5, 'must be a whole number from 1 to 5'),
  severity: z.enum(RULE_SEVERITIES, { error: `must be one of ${RULE_SEVERITIES.join(', ')}` }),
};

function ruleFileVariant<Id extends RuleId>(id: Id) {
  const { entity, parameters } = RULE_CATALOGUE[id];
  return z.strictObject({
    id: z.literal(id),
    ...ruleFileFields,
    entity: z.literal(entity as RuleCatalogue[Id]['entity'], {
      error: `${id} flags ${entity}: the entity is fixed by the rule's query and cannot be changed here`,
    }),
    // Left out, or written as an empty `parameters:` (every line commented out): the catalogue defaults.
    parameters: z.preprocess((value) => value ?? {}, parameters as RuleCatalogue[Id]['parameters']),
  });
}

type RuleFileVariant<Id extends RuleId> = z.output<ReturnType<typeof ruleFileVariant<Id>>>;

/** A valid rule file, after defaults: a union over the rule ids, so `parameters` is typed by `id`. */
export type RuleFile = { [Id in RuleId]: RuleFileVariant<Id> }[RuleId];

/**
 * The schema of one `rules/<rule-id>.yaml`. It picks the rule's parameters schema by `id`; an id that is
 * not in the catalogue is refused.
 */
export const ruleFileSchema = z.discriminatedUnion(
  'id',
  RULE_IDS.map((id) => ruleFileVariant(id)) as unknown as [ReturnType<typeof ruleFileVariant<RuleId>>],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const id = (issue.input as { id?: unknown } | undefined)?.id;
      return id === undefined
        ? 'missing: every rule file needs the id of its rule'
        : `unknown rule id ${JSON.stringify(id)}; the catalogue's rules are ${RULE_IDS.join(', ')}`;
    },
  },
) as unknown as z.ZodType<RuleFile, unknown>;

// ---------------------------------------------------------------------------------------------------------
// scoring.yaml

export const SCORE_PARTS = [
  'flags',
  'disbursementLag',
  'overduePlanActivities',
  'complaintTrend',
  'openFindings',
  'yearsSinceLastAudit',
] as const;
export type ScorePart = (typeof SCORE_PARTS)[number];

/** A part of the score: its weight and the raw value at which it counts in full (0–1 = raw / cap, at most 1). */
const scorePart = z.strictObject({
  weight: z.number().min(0, 'must be 0 or more'),
  cap: z.number().positive('must be above 0'),
});

/** Four ascending cut points splitting a scale into levels 1–5. */
const fourCuts = (element: z.ZodNumber, what: string) =>
  z
    .array(element)
    .length(4, `needs exactly 4 ascending ${what} (they split the scale into levels 1 to 5)`)
    .superRefine((cuts, ctx) => {
      cuts.forEach((cut, i) => {
        if (i > 0 && cut <= cuts[i - 1]) {
          ctx.addIssue({ code: 'custom', path: [i], message: `must be above the previous cut (${cuts[i - 1]})` });
        }
      });
    });

const band = z.strictObject({
  key: z.string().regex(/^[a-z][a-z_]*$/, 'must be a lowercase key such as very_high'),
  min: z.number().int().min(1).max(25),
  max: z.number().int().min(1).max(25),
  label: z.strictObject({ th: text('the Thai label'), en: text('the English label') }),
});

export const scoringSchema = z.strictObject({
  parts: z.strictObject({
    flags: scorePart.extend({
      amountUnit: amount(),
      maxAmountFactor: z.number().min(1, 'must be 1 or more'),
    }),
    disbursementLag: scorePart,
    overduePlanActivities: scorePart,
    complaintTrend: scorePart,
    openFindings: scorePart,
    yearsSinceLastAudit: scorePart.extend({
      neverAudited: z.number().min(0, 'must be 0 or more (years)'),
    }),
  }).refine((parts) => SCORE_PARTS.some((p) => parts[p].weight > 0), 'at least one part needs a weight above 0'),
  likelihood: z.strictObject({ cuts: fourCuts(share(), 'cut points between 0 and 1') }),
  impact: z.strictObject({ amountCuts: fourCuts(amount(), 'amounts in THB') }),
  bands: z
    .array(band)
    .min(1)
    .superRefine((bands, ctx) => {
      let expected = 1;
      const keys = new Set<string>();
      bands.forEach((b, i) => {
        if (b.min !== expected) {
          ctx.addIssue({ code: 'custom', path: [i, 'min'], message: `must be ${expected}: bands run from 1 to 25 in order, without gaps or overlaps` });
        }
        if (b.max < b.min) ctx.addIssue({ code: 'custom', path: [i, 'max'], message: 'must not be below min' });
        if (keys.has(b.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `${b.key} is used twice` });
        keys.add(b.key);
        expected = b.max + 1;
      });
      if (bands.length && bands[bands.length - 1].max !== 25) {
        ctx.addIssue({ code: 'custom', path: [bands.length - 1, 'max'], message: 'the last band must end at 25 (5 × 5)' });
      }
    }),
});

export type ScoringSettings = z.output<typeof scoringSchema>;

