import { asciiToThaiDigits, thaiDigitsToAscii } from './thai-digits';

describe('thaiDigitsToAscii', () => {
  it('maps every Thai digit to its ASCII digit', () => {
    expect(thaiDigitsToAscii('๐๑๒๓๔๕๖๗๘๙')).toBe('0123456789');
  });

  it('leaves everything else alone, including Thai letters and ASCII digits', () => {
    expect(thaiDigitsToAscii('๑๕ ก.ย. ๖๘')).toBe('15 ก.ย. 68');
    expect(thaiDigitsToAscii('ร้อยละ ๘๐ of 100')).toBe('ร้อยละ 80 of 100');
    expect(thaiDigitsToAscii('')).toBe('');
  });

  it('does not touch the Thai characters next to the digit block (ฯ U+0E2F, ๚ U+0E5A, ๏ U+0E4F)', () => {
    expect(thaiDigitsToAscii('ฯ๚๏')).toBe('ฯ๚๏');
  });
});

describe('asciiToThaiDigits', () => {
  it('maps every ASCII digit to its Thai digit', () => {
    expect(asciiToThaiDigits('0123456789')).toBe('๐๑๒๓๔๕๖๗๘๙');
  });

  it('round-trips with thaiDigitsToAscii', () => {
    const text = 'FY2568 งบ 1,234,567.50 บาท';
    expect(thaiDigitsToAscii(asciiToThaiDigits(text))).toBe(text);
  });
});
