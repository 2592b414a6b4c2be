import { describe, expect, it } from 'vitest';
import {
  checkBankAccount,
  checkContactPhone,
  checkEmail,
  checkMobile,
  checkPin,
  checkPostalCode,
  isBankAccount,
  isMobile,
  isPostalCode,
  isWeakPin,
  normalizeMobile,
} from '../src/index';

describe('mobile', () => {
  it.each(['13812345678', '19912345678', '16612345678', '138 1234 5678', '138-1234-5678', '+8613812345678', '008613812345678', '１３８１２３４５６７８'])(
    'accepts %j',
    (m) => {
      expect(isMobile(m)).toBe(true);
      expect(checkMobile(m)).toEqual({ ok: true, value: normalizeMobile(m) });
    },
  );
  it.each([
    ['', '请输入手机号码'],
    ['12812345678', '手机号码格式不正确'],
    ['1381234567', '手机号码应为11位'],
    ['138123456789', '手机号码应为11位'],
    ['1381234567a', '手机号码只能包含数字'],
    ['23812345678', '手机号码格式不正确'],
  ])('rejects %j: %s', (m, reason) => {
    expect(checkMobile(m)).toMatchObject({ ok: false, reason });
    expect(isMobile(m)).toBe(false);
  });

  it('contact phone: mobile or landline with area code', () => {
    expect(checkContactPhone('0717-6221234')).toEqual({ ok: true, value: '0717-6221234' });
    expect(checkContactPhone('027-12345678-123')).toMatchObject({ ok: true });
    expect(checkContactPhone('(010)12345678')).toMatchObject({ ok: true, value: '01012345678' });
    expect(checkContactPhone('13812345678')).toEqual({ ok: true, value: '13812345678' });
    expect(checkContactPhone('12345')).toMatchObject({ ok: false });
    expect(checkContactPhone('')).toMatchObject({ ok: false, reason: '请输入联系电话' });
  });
});

describe('bank account, postal code, e-mail', () => {
  it('bank account: 12–30 digits', () => {
    expect(checkBankAccount('6222 0212 3456 7890 123')).toEqual({ ok: true, value: '6222021234567890123' });
    expect(isBankAccount('123456789012')).toBe(true);
    expect(isBankAccount('1'.repeat(30))).toBe(true);
    expect(checkBankAccount('12345678901')).toMatchObject({ ok: false, reason: '银行账号应为12–30位数字' });
    expect(isBankAccount('1'.repeat(31))).toBe(false);
    expect(checkBankAccount('6222x21234567890')).toMatchObject({ ok: false, reason: '银行账号只能包含数字' });
    expect(checkBankAccount(' ')).toMatchObject({ ok: false, reason: '请输入银行账号' });
  });

  it('postal code: 6 digits', () => {
    expect(isPostalCode('441300')).toBe(true); // seed 004 §4.9.4
    expect(isPostalCode('100000')).toBe(true);
    expect(isPostalCode('44130')).toBe(false);
    expect(isPostalCode('941300')).toBe(false);
    expect(checkPostalCode('')).toMatchObject({ ok: false, reason: '请输入邮政编码' });
  });

  it('e-mail', () => {
    expect(checkEmail(' Clerk@Example.COM ')).toEqual({ ok: true, value: 'clerk@example.com' });
    expect(checkEmail('a@b').ok).toBe(false);
    expect(checkEmail('a b@c.cn').ok).toBe(false);
  });
});

describe('PIN weakness', () => {
  it.each([
    ['12345', '密码须为6位数字'],
    ['12345a', '密码须为6位数字'],
    ['000000', '密码不能是同一个数字'],
    ['888888', '密码不能是同一个数字'],
    ['123456', '密码不能是连续的数字'],
    ['012345', '密码不能是连续的数字'],
    ['456789', '密码不能是连续的数字'],
    ['654321', '密码不能是连续的数字'],
    ['987654', '密码不能是连续的数字'],
    ['543210', '密码不能是连续的数字'],
    ['121212', '密码不能是重复的数字组合'],
    ['123123', '密码不能是重复的数字组合'],
    ['520520', '密码不能是重复的数字组合'],
    ['112233', '密码过于简单'],
    ['111222', '密码过于简单'],
  ])('%s is weak: %s', (pin, reason) => {
    expect(checkPin(pin)).toEqual({ weak: true, reason });
  });

  it('birth-date based PINs are weak for that person only', () => {
    const ctx = { birthDate: '1990-07-15' };
    for (const pin of ['900715', '071590', '150790', '199007', '071990', '071507']) {
      expect(checkPin(pin, ctx)).toEqual({ weak: true, reason: '密码不能使用出生日期' });
    }
    expect(isWeakPin('900715')).toBe(false);
    expect(isWeakPin('900715', { birthDate: '1985-01-01' })).toBe(false);
  });

  it('ID tail and phone tail are weak', () => {
    expect(checkPin('860531', { idNumber: '11010519491231002X' })).toEqual({ weak: false });
    expect(checkPin('231002', { idNumber: '110105194912231002' })).toEqual({ weak: true, reason: '密码不能使用身份证号码后6位' });
    expect(checkPin('245678', { phone: '138 1224 5678' })).toEqual({ weak: true, reason: '密码不能使用手机号码后6位' });
  });

  it('ordinary PINs pass', () => {
    for (const pin of ['860531', '274915', '135790', '102938', '097531']) expect(checkPin(pin, { birthDate: '1990-07-15' })).toEqual({ weak: false });
  });
});
