import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/app-config';
import { RuleFilesError } from './rule-loader';
import { RuleRegistry } from './rule-registry.service';

describe('RuleRegistry', () => {
  let dir: string;
  const registryFor = (rulesDir: string) => new RuleRegistry(loadConfig({ RULES_DIR: rulesDir }));
  const windowDays = (registry: RuleRegistry) => registry.rule('split-purchase').parameters.windowDays;
  const setWindowDays = (text: string) => {
    const file = join(dir, 'split-purchase.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/windowDays: .*/, `windowDays: ${text}`));
  };

  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'audit-radar-rules-'));
    cpSync(resolve(__dirname, '../../rules'), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to start on a broken folder, naming the problems', () => {
    setWindowDays('"a month"');
    const registry = registryFor(dir);
    expect(() => registry.onModuleInit()).toThrow(RuleFilesError);
    expect(() => registry.onModuleInit()).toThrow(/split-purchase\.yaml parameters\.windowDays: Invalid input: expected number/);
    expect(() => registry.ruleSet).toThrow(/not loaded/);
  });

  it('swaps in a valid folder on reload and keeps the rules in force when the folder is broken', () => {
    const registry = registryFor(dir);
    registry.onModuleInit();
    const first = registry.ruleSet;
    expect(windowDays(registry)).toBe(30);
    expect(registry.enabledRules()).toHaveLength(36);

    setWindowDays('-3');
    expect(() => registry.reload()).toThrow(RuleFilesError);
    expect(registry.ruleSet).toBe(first);
    expect(windowDays(registry)).toBe(30);

    setWindowDays('45');
    const second = registry.reload();
    expect(registry.ruleSet).toBe(second);
    expect(windowDays(registry)).toBe(45);
    expect(second.hash).not.toBe(first.hash);
  });
});
