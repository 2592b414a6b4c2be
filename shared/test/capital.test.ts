import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fenToCapital, yuanToFen } from '../src/index';

describe('fenToCapital (大写金额)', () => {
  // The product's cases, the seed's bill (004 §4.9.2) and the PBOC rules' own examples (variant documented in capital.ts).
  it.each([
    ['204.93', '贰佰零肆元玖角叁分'], // seed 004 §4.9.2
    ['100', '壹佰元整'],
    ['1000000.05', '壹佰万元零伍分'],
    ['10.5', '壹拾元伍角'],
    ['0', '零元整'],
    ['1', '壹元整'],
    ['10', '壹拾元整'],
    ['15.80', '壹拾伍元捌角'],
    ['11', '壹拾壹元整'],
    ['110', '壹佰壹拾元整'],
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['16409.02', '壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '叁佰贰拾伍元零肆分'],
    ['100700', '壹拾万零柒佰元整'],
    ['100010', '壹拾万零壹拾元整'],
    ['1001', '壹仟零壹元整'],
    ['1010', '壹仟零壹拾元整'],
    ['10000', '壹万元整'],
    ['10001', '壹万零壹元整'],
    ['12345678.90', '壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角'],
    ['100000000', '壹亿元整'],
    ['100000001', '壹亿零壹元整'],
    ['100100000', '壹亿零壹拾万元整'],
    ['110000000', '壹亿壹仟万元整'],
    ['1000000000000', '壹万亿元整'],
    ['2844.80', '贰仟捌佰肆拾肆元捌角'],
    ['869.4', '捌佰陆拾玖元肆角'], // FAQ6 total at the minimum base
    ['583.05', '伍佰捌拾叁元零伍分'],
    ['0.5', '伍角'],
    ['0.05', '伍分'],
    ['0.55', '伍角伍分'],
    ['0.01', '壹分'],
    ['-204.93', '负贰佰零肆元玖角叁分'],
  ])('%s → %s', (yuan, capital) => {
    expect(fenToCapital(yuanToFen(yuan))).toBe(capital);
  });

  it('rejects non-integer fen', () => {
    expect(() => fenToCapital(1.5)).toThrow(RangeError);
  });

  it('never writes two 零 in a row, never ends with 零, ends with 整 or 角 or 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (fen) => {
        const s = fenToCapital(fen);
        expect(s).not.toMatch(/零零/);
        expect(s).not.toMatch(/零[元万亿整]/);
        expect(s).toMatch(/(元整|角|分)$/);
        expect(s).toMatch(/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整]+$/);
      }),
    );
  });

  it('can be read back to the same amount (a small reader as the oracle)', () => {
    const digit: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
    const small: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
    const read = (s: string): number => {
      // yuan part: sections separated by 亿 then 万 (万亿 reads as 万 of 亿)
      const parts = s.includes('元') ? s.split('元') : ['', s];
      const yuanText = parts[0] ?? '';
      const rest = parts[1] ?? '';
      const section = (t: string) => {
        let total = 0;
        let d = 0;
        for (const ch of t) {
          if (ch in digit) d = digit[ch] as number;
          else if (ch in small) {
            total += d * (small[ch] as number);
            d = 0;
          }
        }
        return total + d;
      };
      const upToWan = (t: string) => {
        const i = t.indexOf('万');
        return i < 0 ? section(t) : section(t.slice(0, i)) * 10000 + section(t.slice(i + 1));
      };
      const i = yuanText.indexOf('亿');
      const yuan = i < 0 ? upToWan(yuanText) : upToWan(yuanText.slice(0, i)) * 1e8 + upToWan(yuanText.slice(i + 1));
      const jiao = /([壹贰叁肆伍陆柒捌玖])角/.exec(rest);
      const fen = /([壹贰叁肆伍陆柒捌玖])分/.exec(rest);
      return yuan * 100 + (jiao ? (digit[jiao[1] as string] as number) * 10 : 0) + (fen ? (digit[fen[1] as string] as number) : 0);
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9_000_000_000_000_000 / 10 }), (fen) => {
        expect(read(fenToCapital(fen))).toBe(fen);
      }),
      { numRuns: 2000 },
    );
  });
});
