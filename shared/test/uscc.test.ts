import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeUscc, orgCodeCheckChar, USCC_ALPHABET, usccCheckChar, validateUscc } from '../src/index';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts published valid codes', () => {
    // 91350100M000100Y43: the standard's sample; 91110000600037341L: python-stdnum's cn.uscc vector.
    for (const code of ['91350100M000100Y43', '91110000600037341L']) {
      expect(validateUscc(code)).toEqual({ ok: true, checksumOk: true, orgCodeChecksumOk: true, code });
    }
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
    expect(usccCheckChar('91110000600037341')).toBe('L');
  });

  it('alphabet has 31 characters without I O Z S V, weights are 3^i mod 31', () => {
    expect(USCC_ALPHABET).toHaveLength(31);
    expect(USCC_ALPHABET).not.toMatch(/[IOZSV]/);
    // independent oracle: weight_i = 3^i mod 31
    const oracle = (first17: string) => {
      let sum = 0;
      let w = 1;
      for (const ch of first17) {
        sum += USCC_ALPHABET.indexOf(ch) * w;
        w = (w * 3) % 31;
      }
      return USCC_ALPHABET[(31 - (sum % 31)) % 31];
    };
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 17, maxLength: 17 }), (chars) => {
        const body = chars.join('');
        expect(usccCheckChar(body)).toBe(oracle(body));
      }),
    );
  });

  it('a wrong check character is a warning the clerk may override (ok, !checksumOk)', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r.ok).toBe(true);
    expect(r.checksumOk).toBe(false);
    expect(r.reason).toMatch(/校验位/);
    expect(validateUscc('A1110000600037341L')).toMatchObject({ ok: true, checksumOk: false }); // stdnum: invalid
  });

  it.each([
    ['', '请输入统一社会信用代码'],
    ['9135010', '统一社会信用代码应为18位，当前为7位'],
    ['91350100M000100Y430', '统一社会信用代码应为18位，当前为19位'],
    ['91350100M000100I43', '统一社会信用代码不使用字母I（不含I、O、Z、S、V），请核对'],
    ['91350100M000100O43', '统一社会信用代码不使用字母O（不含I、O、Z、S、V），请核对'],
    ['91350100M0001#0Y43', '统一社会信用代码含有无效字符“#”'],
    ['913A0100M000100Y43', '统一社会信用代码第3–8位应为行政区划代码（数字）'],
  ])('rejects %j', (code, reason) => {
    expect(validateUscc(code)).toMatchObject({ ok: false, checksumOk: false, reason });
  });

  it('normalises case, spaces, dashes and full-width characters', () => {
    expect(normalizeUscc(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    expect(normalizeUscc('91-350100-M000100Y4-3')).toBe('91350100M000100Y43');
    expect(normalizeUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
    expect(validateUscc('91350100m000100y43').ok).toBe(true);
  });

  it('property: generated codes validate, and any single substitution is caught', () => {
    const bodyArb = fc
      .tuple(
        fc.constantFrom('1', '5', '9', 'Y'),
        fc.constantFrom('1', '2', '3', '9'),
        fc.constantFrom('420100', '420500', '430200', '330100'),
        fc.array(fc.constantFrom(...USCC_ALPHABET), { minLength: 9, maxLength: 9 }),
      )
      .map(([a, b, r, rest]) => `${a}${b}${r}${rest.join('')}`);
    fc.assert(
      fc.property(bodyArb, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 30 }), (body, pos, delta) => {
        const code = body + usccCheckChar(body);
        expect(validateUscc(code)).toMatchObject({ ok: true, checksumOk: true });
        const c = code[pos] as string;
        const replaced = USCC_ALPHABET[(USCC_ALPHABET.indexOf(c) + delta) % 31] as string;
        const changed = code.slice(0, pos) + replaced + code.slice(pos + 1);
        const r = validateUscc(changed);
        expect(r.ok && r.checksumOk).toBe(false);
      }),
    );
  });

  it('GB 11714 organisation-code check character', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('60003734')).toBe('1');
    expect(() => orgCodeCheckChar('short')).toThrow(RangeError);
    expect(() => usccCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
});
