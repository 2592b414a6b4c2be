/**
 * 大写金额: an amount in fen written in Chinese capital numerals, for bills (应缴认定单 "实际应缴金额合计大写",
 * seed 004 §4.9.2) and refund documents. Written here because no maintained npm package states which of the
 * permitted variants it writes; ours follows the People's Bank of China rules for filling in bills
 * (《正确填写票据和结算凭证的基本规定》) and picks one variant where the rules allow two:
 *
 *  1. Digits 零壹贰叁肆伍陆柒捌玖, units 拾佰仟, 万 and 亿 groups (万亿 for 10^12), then 元角分.
 *  2. A leading 1 in the tens place is written 壹拾 (rule: "最高位是1的，加写壹字"): 10 → 壹拾元整,
 *     15.80 → 壹拾伍元捌角, 100010 → 壹拾万零壹拾元整.
 *  3. Zeros inside the yuan part are read as spoken Chinese: one 零 for a run of zeros between non-zero digits,
 *     none at the end: 1409.50 → 壹仟肆佰零玖元伍角, 100700 → 壹拾万零柒佰元整, 107000 → 壹拾万柒仟元整,
 *     100000001 → 壹亿零壹元整, 10^12 → 壹万亿元整.
 *  4. No 零 between 元 and a non-zero 角 even when the yuan ends in 0 (the rules allow 零 there or not; their
 *     example 1680.32 → 壹仟陆佰捌拾元叁角贰分): 10.50 → 壹拾元伍角, 107000.53 → 壹拾万柒仟元伍角叁分.
 *     When 角 is 0 and 分 is not, 零 is required: 16409.02 → 壹万陆仟肆佰零玖元零贰分, 1000000.05 → 壹佰万元零伍分.
 *  5. 整 after 元 only; none after 角 (permitted: "在角之后，可以不写整") nor after 分: 10.50 → 壹拾元伍角.
 *  6. Amounts under one yuan start at 角/分: 0.50 → 伍角, 0.05 → 伍分. Zero is 零元整. Negative amounts get 负.
 */
import { assertFen, type Fen } from './money';

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const PLACES = ['', '拾', '佰', '仟'] as const;

/** 0 < n < 10^4: digits with 拾佰仟, one 零 for inner zeros, none trailing. */
function below1e4(n: number): string {
  let out = '';
  let pendingZero = false;
  for (let place = 3; place >= 0; place--) {
    const digit = Math.floor(n / 10 ** place) % 10;
    if (digit === 0) {
      if (out !== '') pendingZero = true;
      continue;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += (DIGITS[digit] as string) + (PLACES[place] as string);
  }
  return out;
}

/** 0 < n < 10^8: [万-part]万[零][rest]. */
function below1e8(n: number): string {
  if (n < 1e4) return below1e4(n);
  const high = Math.floor(n / 1e4);
  const low = n % 1e4;
  return `${below1e4(high)}万${low === 0 ? '' : (low < 1e3 ? '零' : '') + below1e4(low)}`;
}

/** n > 0: [亿-part]亿[零][rest]; 10^12 reads 壹万亿. */
function yuanToCapital(n: number): string {
  if (n < 1e8) return below1e8(n);
  const high = Math.floor(n / 1e8);
  const low = n % 1e8;
  return `${yuanToCapital(high)}亿${low === 0 ? '' : (low < 1e7 ? '零' : '') + below1e8(low)}`;
}

/** 大写金额 of an amount in fen: 20493 → "贰佰零肆元玖角叁分", 10000 → "壹佰元整", 0 → "零元整". */
export function fenToCapital(fen: Fen): string {
  assertFen(fen);
  if (fen === 0) return '零元整';
  if (fen < 0) return `负${fenToCapital(-fen)}`;
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cent = fen % 10;
  let out = yuan > 0 ? `${yuanToCapital(yuan)}元` : '';
  if (jiao === 0 && cent === 0) return `${out}整`;
  if (jiao > 0) out += `${DIGITS[jiao] as string}角`;
  else if (yuan > 0) out += '零';
  if (cent > 0) out += `${DIGITS[cent] as string}分`;
  return out;
}
