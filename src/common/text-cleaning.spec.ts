import { cleanCellText, isMissingMarker, normaliseSpaces } from './text-cleaning';

describe('normaliseSpaces', () => {
  it('turns NBSP, thin and ideographic spaces into one ASCII space and trims', () => {
    expect(normaliseSpaces('\u00A0 1,234\u202F\u3000บาท\t\n')).toBe('1,234 บาท');
  });

  it('drops zero-width spaces and the BOM instead of turning them into spaces', () => {
    expect(normaliseSpaces('\uFEFF15\u200Bก.ย.\u200C68')).toBe('15ก.ย.68');
  });
});

describe('cleanCellText', () => {
  it('converts Thai digits as well', () => {
    expect(cleanCellText(' ๑๕\u00A0ก.ย. ๖๘ ')).toBe('15 ก.ย. 68');
  });
});

describe('isMissingMarker', () => {
  it.each(['', '-', '\u2013', '\u2014', '\u2212'])('treats %j as missing', (s) => {
    expect(isMissingMarker(s)).toBe(true);
  });

  it.each(['0', '--', '-1', 'ไม่มี'])('does not treat %j as missing', (s) => {
    expect(isMissingMarker(s)).toBe(false);
  });
});
