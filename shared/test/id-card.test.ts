import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, buildIdNumber, idCheckChar, isIdCard, normalizeIdNumber, validateIdCard } from '../src/index';

const NOW = new Date('2024-06-15T04:00:00Z');

describe('居民身份证号码 (GB 11643)', () => {
  it('accepts the standard sample 11010519491231002X and derives birth date and sex', () => {
    expect(validateIdCard('11010519491231002X', { now: NOW })).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: '2',
      regionCode: '110105',
    });
  });

  it('published check-character vectors (GB 11643-1999 examples)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idCheckChar('44052418800101001')).toBe('4');
    // The standard's second example is born in 1880: a valid checksum, but we take birth years from 1900 on.
    expect(validateIdCard('440524188001010014', { now: NOW })).toEqual({ ok: false, reason: '身份证号码中的出生日期无效' });
  });

  it('python-stdnum cn.ric vectors', () => {
    expect(validateIdCard('360426199101010071', { now: NOW })).toMatchObject({ ok: true, birthDate: '1991-01-01', sex: '1' });
    expect(validateIdCard('360426199101010070', { now: NOW })).toEqual({ ok: false, reason: '身份证号码校验位不正确，请核对' });
  });

  it('derives sex from the 17th digit (odd = 男)', () => {
    const male = buildIdNumber('420106', '1990-01-01', 123);
    const female = buildIdNumber('420106', '1990-01-01', 124);
    expect(male).toBe('420106199001011231');
    expect(validateIdCard(male, { now: NOW })).toMatchObject({ ok: true, sex: '1', regionCode: '420106', birthDate: '1990-01-01' });
    expect(validateIdCard(female, { now: NOW })).toMatchObject({ ok: true, sex: '2' });
  });

  it('normalises lower-case x, spaces and full-width digits', () => {
    expect(normalizeIdNumber(' 110105 19491231 002x ')).toBe('11010519491231002X');
    expect(normalizeIdNumber('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(validateIdCard('11010519491231002x', { now: NOW })).toMatchObject({ ok: true, idNumber: '11010519491231002X' });
  });

  it.each([
    ['', '请输入身份证号码'],
    ['110105194912310', '请使用18位身份证号码（15位旧号码已停用）'],
    ['1101051949123100', '身份证号码应为18位，当前为16位'],
    ['11010519491231002Y', '身份证号码只能是数字，最后一位可以是X'],
    ['1101051949123100X2', '身份证号码只能是数字，最后一位可以是X'],
    ['110105194912310021', '身份证号码校验位不正确，请核对'], // wrong checksum
    ['110105194902300021', '身份证号码中的出生日期无效'], // 1949-02-30
    ['110105194913310021', '身份证号码中的出生日期无效'], // month 13
    ['110105189912310021', '身份证号码中的出生日期无效'], // before 1900
    ['000105194912310021', '身份证号码的地区码无效'], // region 00
    ['990105194912310021', '身份证号码的地区码无效'], // region 99
    ['910105194912310021', '身份证号码的地区码无效'], // 91 is not a province
  ])('rejects %j: %s', (id, reason) => {
    expect(validateIdCard(id, { now: NOW })).toEqual({ ok: false, reason });
  });

  it('rejects bad regions and dates even with a correct check char', () => {
    for (const [region, birth] of [
      ['000105', '19491231'],
      ['990105', '19491231'],
      ['420106', '19490230'],
      ['420106', '20230229'],
    ] as const) {
      const first17 = `${region}${birth}002`;
      expect(validateIdCard(first17 + idCheckChar(first17), { now: NOW }).ok).toBe(false);
    }
  });

  it('rejects a birth date after today in Shanghai (injected now)', () => {
    const id = buildIdNumber('420106', '2024-06-16', 11);
    expect(validateIdCard(id, { now: NOW })).toEqual({ ok: false, reason: '身份证号码中的出生日期晚于今天' });
    // 2024-06-15T16:00Z is already 06-16 in Shanghai
    expect(validateIdCard(id, { now: new Date('2024-06-15T16:00:00Z') }).ok).toBe(true);
    expect(validateIdCard(buildIdNumber('420106', '2024-06-15', 11), { now: NOW }).ok).toBe(true);
  });

  it('港澳台居民居住证 numbers with the residence-permit option', () => {
    const hk = buildIdNumber('810000', '1990-01-01', 21);
    expect(validateIdCard(hk, { now: NOW, residencePermit: true }).ok).toBe(true);
    const tw = buildIdNumber('830000', '1990-01-01', 21);
    expect(validateIdCard(tw, { now: NOW, residencePermit: true }).ok).toBe(true);
    expect(validateIdCard(tw, { now: NOW }).ok).toBe(false);
    expect(validateIdCard(buildIdNumber('420106', '1990-01-01', 21), { now: NOW, residencePermit: true }).ok).toBe(false);
  });

  it('buildIdNumber makes valid numbers with the sex of the order code (seed generator)', () => {
    const regions = ['420100', '420500', '430200', '330100', '110105', '429021'];
    fc.assert(
      fc.property(
        fc.constantFrom(...regions),
        fc.date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2010-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (region, birth, order) => {
          const iso = birth.toISOString().slice(0, 10);
          const id = buildIdNumber(region, iso, order);
          const r = validateIdCard(id, { now: NOW });
          expect(r).toEqual({ ok: true, idNumber: id, birthDate: iso, sex: order % 2 === 1 ? '1' : '2', regionCode: region });
          expect(isIdCard(id, { now: NOW })).toBe(true);
        },
      ),
    );
    expect(() => buildIdNumber('42010', '1990-01-01', 1)).toThrow(RangeError);
    expect(() => buildIdNumber('420106', '1990-02-30', 1)).toThrow(RangeError);
    expect(() => buildIdNumber('420106', '1990-01-01', 1000)).toThrow(RangeError);
    expect(() => idCheckChar('123')).toThrow(RangeError);
  });

  it('property: changing any one digit of a valid number is detected', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const id = '420106199001011231';
        expect(validateIdCard(id, { now: NOW }).ok).toBe(true);
        const changed = id.slice(0, pos) + String((Number(id[pos]) + delta) % 10) + id.slice(pos + 1);
        expect(validateIdCard(changed, { now: NOW }).ok).toBe(false);
      }),
    );
  });

  it('ageOn', () => {
    expect(ageOn('1990-06-15', '2024-06-15')).toBe(34);
    expect(ageOn('1990-06-16', '2024-06-15')).toBe(33);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });
});
