import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AUTH_CODE_LENGTH,
  authCodeFromBytes,
  authCodeTail,
  CROCKFORD_ALPHABET,
  crockfordEncode,
  formatAuthCode,
  formatBillNo,
  formatCaseSerialNo,
  isAuthCode,
  isBillNo,
  isCaseSerialNo,
  maskBankAccount,
  maskIdNumber,
  maskName,
  maskPhone,
  normalizeAuthCode,
  parseBillNo,
  parseCaseSerialNo,
} from '../src/index';

describe('业务流水号 (R103)', () => {
  it('YYYYMMDD + 7-digit sequence', () => {
    expect(formatCaseSerialNo('2021-03-12', 470801)).toBe('202103120470801');
    expect(formatCaseSerialNo('2021-06-16', 583801)).toBe('202106160583801');
    expect(formatCaseSerialNo(new Date('2021-03-11T16:30:00Z'), 1)).toBe('202103120000001'); // Shanghai date
    expect(formatCaseSerialNo('2021-03-12', 12_345_678)).toBe('202103122345678'); // wraps modulo 10^7
    expect(() => formatCaseSerialNo('2021-02-30', 1)).toThrow(RangeError);
    expect(() => formatCaseSerialNo('2021-03-12', -1)).toThrow(RangeError);
  });

  it('parses and validates', () => {
    expect(parseCaseSerialNo('202103120470801')).toEqual({ date: '2021-03-12', sequence: 470801 });
    expect(isCaseSerialNo('202103120470801')).toBe(true);
    expect(isCaseSerialNo('202113120470801')).toBe(false);
    expect(isCaseSerialNo('20210312047080')).toBe(false);
    expect(parseCaseSerialNo('2021031204708xx')).toBeNull();
  });

  it('property: format → parse round-trips', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }), fc.integer({ min: 0, max: 9_999_999 }), (d, seq) => {
        const iso = d.toISOString().slice(0, 10);
        const s = formatCaseSerialNo(iso, seq);
        expect(s).toMatch(/^\d{15}$/);
        expect(parseCaseSerialNo(s)).toEqual({ date: iso, sequence: seq });
      }),
    );
  });
});

describe('征集通知单据号 (seed 004 §4.9.2)', () => {
  it('yyyyMMddHHmmss + 2-digit sequence, in Shanghai time', () => {
    const issued = new Date('2021-11-13T02:24:43Z'); // 10:24:43 in Shanghai
    expect(formatBillNo(issued, 7)).toBe('2021111310244307');
    expect(parseBillNo('2021111310244307')).toEqual({ issuedAt: '2021-11-13 10:24:43', date: '2021-11-13', sequence: 7 });
    expect(isBillNo('2021111310244307')).toBe(true);
    expect(isBillNo('2021111325244307')).toBe(false);
    expect(isBillNo('202111131024430')).toBe(false);
    expect(() => formatBillNo(issued, 100)).toThrow(RangeError);
  });
});

describe('授权码 (Crockford base32)', () => {
  it('encodes bytes most-significant bit first (checked against a BigInt oracle)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 10, maxLength: 10 }), (bytes) => {
        let n = 0n;
        for (const b of bytes) n = (n << 8n) | BigInt(b);
        let expected = '';
        for (let i = 15; i >= 0; i--) expected += CROCKFORD_ALPHABET[Number((n >> BigInt(i * 5)) & 31n)];
        expect(crockfordEncode(bytes, 16)).toBe(expected);
        expect(authCodeFromBytes(bytes)).toBe(expected);
      }),
    );
    expect(authCodeFromBytes(new Uint8Array(10))).toBe('0000000000000000');
    expect(authCodeFromBytes(new Uint8Array(10).fill(255))).toBe('ZZZZZZZZZZZZZZZZ');
  });

  it('carries 80 random bits (≥ 60) and refuses too few bytes', () => {
    expect(AUTH_CODE_LENGTH * 5).toBeGreaterThanOrEqual(60);
    expect(() => authCodeFromBytes(new Uint8Array(9))).toThrow(RangeError);
    expect(() => crockfordEncode(new Uint8Array(1), 2)).toThrow(RangeError);
  });

  it('prints in groups of four and normalises what people type', () => {
    const code = authCodeFromBytes(new Uint8Array([0x3a, 0x91, 0xfe, 0x07, 0x42, 0x88, 0x19, 0xcd, 0x55, 0xe0]));
    const printed = formatAuthCode(code);
    expect(printed).toMatch(/^[0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4} [0-9A-Z]{4}$/);
    expect(normalizeAuthCode(printed)).toBe(code);
    expect(normalizeAuthCode(printed.toLowerCase())).toBe(code);
    expect(normalizeAuthCode(printed.replace(/ /g, '-'))).toBe(code);
    expect(normalizeAuthCode('1234-abcd-efgh-jkmn')).toBe('1234ABCDEFGHJKMN');
    expect(normalizeAuthCode('i0lo ABCD EFGH JKMN')).toBe('1010ABCDEFGHJKMN'); // I, L → 1; O → 0
    expect(normalizeAuthCode('UUUU ABCD EFGH JKMN')).toBeNull(); // U is not Crockford
    expect(normalizeAuthCode('ABCD EFGH JKMN')).toBeNull(); // too short
    expect(normalizeAuthCode('２０２１ ABCD EFGH JKMN')).toBe('2021ABCDEFGHJKMN');
    expect(isAuthCode(printed)).toBe(true);
    expect(authCodeTail(printed)).toBe(code.slice(-4));
    expect(() => authCodeTail('x')).toThrow(RangeError);
  });
});

describe('masking', () => {
  it('ID numbers keep the first 3 and last 4', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110***********002X');
    expect(maskIdNumber('420106199001011231')).toBe('420***********1231');
    expect(maskIdNumber('E12345678')).toBe('E1*****78'); // passport
    expect(maskIdNumber('1234567')).toBe('*****67');
    expect(maskIdNumber('12')).toBe('*2');
    expect(maskIdNumber('')).toBe('');
    expect(maskIdNumber('420106199001011231')).toHaveLength(18);
  });

  it('names keep the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('林')).toBe('*');
    expect(maskName('阿依古丽·买买提')).toBe('阿***·***');
    expect(maskName('𠮷野家')).toBe('𠮷**');
    expect(maskName('John Smith')).toBe('J*** *****');
    expect(maskName(' ')).toBe('');
  });

  it('phones and bank accounts', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0717-6221234')).toBe('*******1234');
    expect(maskPhone('123')).toBe('***');
    expect(maskBankAccount('6222021234567890123')).toBe('****0123');
    expect(maskBankAccount('6222 0212 3456 7890 123')).toBe('****0123');
    expect(maskBankAccount('123')).toBe('***');
  });
});
