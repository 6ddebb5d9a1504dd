import { SAMPLE_PLAN } from '../../../test/support/sample-audit-plan';
import { displayWidth, planToTextTable } from './plan-text-table';

describe('planToTextTable', () => {
  const lines = planToTextTable(SAMPLE_PLAN).trimEnd().split('\n');

  it('counts Thai display width without the vowel and tone marks', () => {
    expect(displayWidth('สำนักงาน')).toBe(7); // ำ is a spacing vowel; ั is a mark
    expect(displayWidth('ที่')).toBe(1);
  });

  it('prints a summary, a header and one aligned row per engagement in rank order', () => {
    expect(lines[0]).toBe('plan 7: fiscal year 2568, revision 1 (draft); 3 engagement(s) placed, 1 not placed');
    const rows = lines.slice(2, 5);
    expect(rows.map((r) => r.trim().split(/\s+/)[0])).toEqual(['1', '2', '3']);
    expect(rows[0]).toContain('financial   2024-10-01 – 2024-10-15   10     16  นางสาวสมศรี ใจดี, นายสมชาย รักชาติ');
    // The type column starts at the same display column on every row, however long the Thai name.
    const typeColumn = rows.map((r) => displayWidth(r.slice(0, r.search(/financial|performance/))));
    expect(new Set(typeColumn).size).toBe(1);
    expect(rows[1]).toContain('…');
  });

  it('lists what could not be placed, with the reason', () => {
    expect(lines.slice(-2)).toEqual([
      'not placed (1):',
      '  RY68-009 โครงการพัฒนาแหล่งน้ำ (performance, 15 days, score 10): none of its e-GP projects has a signed contract yet: a performance audit starts after the first contract',
    ]);
  });
});
