import { ValueParseError } from './errors';

describe('ValueParseError', () => {
  it('is an Error that instanceof can recognise, with its own name', () => {
    const error = new ValueParseError('31 ก.พ. 68 is not a real date (February 2025 has 28 days)', '31 ก.พ. 68');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ValueParseError);
    expect(error.name).toBe('ValueParseError');
    expect(error.message).toBe('31 ก.พ. 68 is not a real date (February 2025 has 28 days)');
    expect(error.raw).toBe('31 ก.พ. 68');
  });

  it('survives being thrown and caught', () => {
    const thrower = (): never => {
      throw new ValueParseError('bad');
    };
    expect(thrower).toThrow(ValueParseError);
    expect(thrower).toThrow('bad');
  });

  it('leaves raw undefined when none is given', () => {
    expect(new ValueParseError('bad').raw).toBeUndefined();
  });
});
