import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { PlanningSettings, planningSchema } from '../audit-plan/planning-settings.schema';
import {
  isRuleId,
  parameterNames,
  RULE_IDS,
  RuleFile,
  ruleFileSchema,
  RuleId,
  ScoringSettings,
  scoringSchema,
} from './rule-file.schema';

/** A rule in force: its file's content after defaults, and the file it came from (relative to the folder). */
export type LoadedRule = RuleFile & { file: string };

export interface LoadedRuleFiles {
  /** Every catalogue rule, in catalogue order. */
  rules: LoadedRule[];
  scoring: ScoringSettings;
  planning: PlanningSettings;
  /** sha256 (hex) over the YAML files' names and contents: which rule files a run used. */
  hash: string;
}

/** One thing wrong in the rules folder: the file, the path in it (`parameters.windowDays`; empty for the whole file), why. */
export interface RuleProblem {
  file: string;
  path: string;
  message: string;
}

/** The rules folder cannot be used as it is; `problems` lists everything wrong with it, not just the first. */
export class RuleFilesError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: RuleProblem[],
  ) {
    super(
      `the rule files in ${dir} are invalid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'RuleFilesError';
  }
}

export const SCORING_FILE = 'scoring.yaml';
export const PLANNING_FILE = 'planning.yaml';

const YAML_FILE = /\.ya?ml$/i;
const RULE_FILE_FIELDS = ['id', 'title', 'description', 'anchor', 'entity', 'enabled', 'weight', 'severity', 'parameters'];

/**
 * Reads and validates every `*.yaml` of the rules folder: one file per catalogue rule (`<rule-id>.yaml`)
 * and `scoring.yaml`. Other files (a README) and hidden files are ignored. Throws `RuleFilesError` naming
 * every problem at once, so an auditor can fix a folder in one pass.
 */
export function loadRuleFiles(dir: string): LoadedRuleFiles {
  const problems: RuleProblem[] = [];
  const names = yamlFilesIn(dir);
  const hash = createHash('sha256');

  const rules = new Map<string, LoadedRule>();
  /** Which files declare each id (valid or not), to find duplicates and not call a broken rule "missing". */
  const declaredIn = new Map<string, string[]>();
  const stems = new Set<string>();
  let scoring: ScoringSettings | undefined;
  let scoringFiles = 0;
  let planning: PlanningSettings | undefined;
  let planningFiles = 0;

  for (const name of names) {
    const bytes = readFileSync(join(dir, name));
    hash.update(`${name}\n${bytes.length}\n`).update(bytes);
    const stem = name.replace(YAML_FILE, '');
    stems.add(stem);
    if (stem === 'scoring' && ++scoringFiles > 1) {
      problems.push({ file: name, path: '', message: 'there is more than one scoring file (scoring.yaml and scoring.yml): keep one' });
      continue;
    }
    if (stem === 'planning' && ++planningFiles > 1) {
      problems.push({ file: name, path: '', message: 'there is more than one planning file (planning.yaml and planning.yml): keep one' });
      continue;
    }
    const value = readYaml(name, bytes, problems);
    if (value === undefined) continue;

    if (stem === 'planning') {
      const parsed = planningSchema.safeParse(value);
      if (parsed.success) planning = parsed.data;
      else problems.push(...issueProblems(name, value, parsed.error.issues));
      continue;
    }

    if (stem === 'scoring') {
      const parsed = scoringSchema.safeParse(value);
      if (parsed.success) scoring = parsed.data;
      else problems.push(...issueProblems(name, value, parsed.error.issues));
      continue;
    }

    const id = (value as { id?: unknown } | null)?.id;
    if (typeof id === 'string') declaredIn.set(id, [...(declaredIn.get(id) ?? []), name]);
    const parsed = ruleFileSchema.safeParse(value);
    const before = problems.length;
    if (!parsed.success) problems.push(...issueProblems(name, value, parsed.error.issues, isRuleId(id) ? id : undefined));
    if (isRuleId(id) && id !== stem) {
      problems.push({
        file: name,
        path: 'id',
        message: `id "${id}" does not match the file name: a rule's file is named after its id (${id}.yaml)`,
      });
    }
    if (parsed.success && problems.length === before) rules.set(name, { ...parsed.data, file: name });
  }

  for (const [id, files] of declaredIn) {
    if (files.length < 2) continue;
    const home = files.find((f) => f.replace(YAML_FILE, '') === id) ?? files[0];
    for (const file of files) {
      if (file !== home) problems.push({ file, path: 'id', message: `rule "${id}" is already defined in ${home}: one file per rule` });
    }
  }
  for (const id of RULE_IDS) {
    if (!declaredIn.has(id) && !stems.has(id)) {
      problems.push({
        file: `${id}.yaml`,
        path: '',
        message: `missing: every catalogue rule needs its file (set enabled: false to switch a rule off)`,
      });
    }
  }
  if (scoringFiles === 0) {
    problems.push({ file: SCORING_FILE, path: '', message: 'missing: the scoring settings (likelihood, impact, bands, weights of the score parts)' });
  }

  if (planningFiles === 0) {
    problems.push({ file: PLANNING_FILE, path: '', message: 'missing: the audit-plan settings (sizing, team, independence, coverage, blackouts)' });
  }

  if (scoring && planning) problems.push(...sizingGaps(scoring, planning));

  if (problems.length > 0 || !scoring || !planning) {
    throw new RuleFilesError(dir, sortByFile(problems));
  }
  const byId = new Map([...rules.values()].map((rule) => [rule.id, rule]));
  return {
    rules: RULE_IDS.map((id) => byId.get(id)!),
    scoring,
    planning,
    hash: hash.digest('hex'),
  };
}

/** The YAML files of the folder, sorted by name; an unreadable folder is a problem of its own. */
function yamlFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => YAML_FILE.test(name) && !name.startsWith('.'))
      .filter((name) => statSync(join(dir, name)).isFile())
      .sort();
  } catch (error) {
    throw new RuleFilesError(dir, [{ file: '.', path: '', message: `cannot read the rules folder: ${(error as Error).message}` }]);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The file's YAML as plain data, or undefined after recording why it cannot be read. */
function readYaml(file: string, bytes: Buffer, problems: RuleProblem[]): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    problems.push({ file, path: '', message: 'is not UTF-8 text: save it as UTF-8' });
    return undefined;
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors) {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      problems.push({ file, path: '', message: `YAML syntax error at line ${line}, column ${col}: ${error.message}` });
    }
    return undefined;
  }
  if (doc.contents === null) {
    problems.push({ file, path: '', message: 'the file is empty' });
    return undefined;
  }
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    problems.push({ file, path: '', message: `cannot read the YAML: ${(error as Error).message}` });
    return undefined;
  }
}

/** zod issues as problems: the path joined with dots, one problem per unknown name with the name in its path. */
function issueProblems(file: string, value: unknown, issues: z.core.$ZodIssue[], ruleId?: RuleId): RuleProblem[] {
  return issues.flatMap((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'invalid_type' && path.length > 0 && valueAt(value, path) === undefined) {
      // zod says "expected number, received undefined"; an auditor reads "missing" faster.
      const message = issue.message.startsWith('Invalid input') ? `missing: expected ${issue.expected}` : `missing: ${issue.message}`;
      return [{ file, path: path.join('.'), message }];
    }
    if (issue.code !== 'unrecognized_keys') return [{ file, path: path.join('.'), message: issue.message }];
    return issue.keys.map((key) => ({ file, path: [...path, key].join('.'), message: unknownNameMessage(file, path, key, ruleId) }));
  });
}

function valueAt(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((at, key) => (at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined), value);
}

function unknownNameMessage(file: string, path: string[], key: string, ruleId?: RuleId): string {
  const where = path.join('.');
  if (ruleId && where === 'parameters') {
    const names = parameterNames(ruleId);
    return names.length
      ? `unknown parameter "${key}"; ${ruleId} takes ${names.join(', ')}`
      : `unknown parameter "${key}"; ${ruleId} takes no parameters`;
  }
  if (where === '' && file.replace(YAML_FILE, '') !== 'scoring') {
    return `unknown field "${key}"; a rule file has ${RULE_FILE_FIELDS.join(', ')}`;
  }
  return `unknown field "${key}"`;
}

function sortByFile(problems: RuleProblem[]): RuleProblem[] {
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => (a.problem.file < b.problem.file ? -1 : a.problem.file > b.problem.file ? 1 : a.order - b.order))
    .map(({ problem }) => problem);
}

/** Every risk band of scoring.yaml needs its working days for each audit type in planning.yaml. */
function sizingGaps(scoring: ScoringSettings, planning: PlanningSettings): RuleProblem[] {
  const problems: RuleProblem[] = [];
  for (const [auditType, days] of Object.entries(planning.sizing.baseDays)) {
    for (const band of scoring.bands) {
      if (days?.[band.key] === undefined) {
        problems.push({ file: PLANNING_FILE, path: `sizing.baseDays.${auditType}`, message: `has no working days for band ${band.key} of scoring.yaml` });
      }
    }
  }
  planning.coverage.riskBandsFirst.forEach((key, i) => {
    if (!scoring.bands.some((b) => b.key === key)) {
      problems.push({ file: PLANNING_FILE, path: `coverage.riskBandsFirst.${i}`, message: `${key} is not a band of scoring.yaml (${scoring.bands.map((b) => b.key).join(', ')})` });
    }
  });
  return problems;
}
