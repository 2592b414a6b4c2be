// Business identifiers of seeded rows, from the row's index so they are stable across runs and data-set sizes.
// The numbering schemes are ours (the seeds show no 单位编号 / 个人编号 / 社保卡号 layout):
//   单位编号  = first 4 digits of the unit's city code + 6-digit index        4205000001
//   个人编号  = first 4 digits of the first insured city + 8-digit index       420500000001
//   社保卡号  = 'E' + 8 digits, a bijective scramble of the person index        E48213577
import { orgCodeCheckChar, usccCheckChar } from '@shebao/shared';

export function unitNoFor(index: number, cityCode: string): string {
  return `${cityCode.slice(0, 4)}${String(index + 1).padStart(6, '0')}`;
}

export function personNoFor(index: number, cityCode: string): string {
  return `${cityCode.slice(0, 4)}${String(index + 1).padStart(8, '0')}`;
}

/** 7919 is prime and coprime with 10^8, so index → card number is one-to-one for index < 10^8. */
export function cardNoFor(index: number): string {
  return `E${String((index * 7919 + 48_205_658) % 100_000_000).padStart(8, '0')}`;
}

/**
 * 统一社会信用代码: '9' 市场监管 + '1' 企业 + 6-digit registration region + 8-character 主体标识码 body + its GB 11714
 * check character + the GB 32100 check character (both from shared).
 */
export function buildCreditCode(regionCode: string, body8: string): string {
  const first17 = `91${regionCode}${body8}${orgCodeCheckChar(body8)}`;
  return first17 + usccCheckChar(first17);
}
