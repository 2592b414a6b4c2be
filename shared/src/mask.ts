/**
 * Masking personal data for lists, screens, logs and the public verification page (PRODUCT.md "Privacy by
 * default"). The seeds show no masking rule, so ours (length is kept, one '*' per hidden character):
 *
 * - ID number: first 3 and last 4 visible — "420***********1234". The province stays recognisable; birth date
 *   and order code are hidden. Numbers of 8–11 characters (passports, permits) keep first 2 / last 2, shorter
 *   ones the last 2 only.
 * - Name: the first character (the surname, usually) visible, the rest hidden — "张*", "张**", "欧***"
 *   ("欧阳娜娜"). Separators of transliterated names stay ("阿***·****"). Compound surnames are not detected:
 *   showing less is the safe side.
 * - Mobile: "138****5678" (first 3, last 4).
 * - Bank account: "****1234" (last 4 only, fixed four stars: the length of an account says something too).
 * - Unified social credit code: not personal data, not masked.
 */

const STAR = '*';

function chars(s: string): string[] {
  return Array.from(s); // code points, so rare characters (𠮷) count as one
}

function keepEnds(s: string, head: number, tail: number): string {
  const c = chars(s);
  if (c.length <= head + tail) {
    const t = Math.max(0, Math.min(tail, c.length - 1));
    return STAR.repeat(c.length - t) + c.slice(c.length - t).join('');
  }
  return c.slice(0, head).join('') + STAR.repeat(c.length - head - tail) + c.slice(c.length - tail).join('');
}

/** "420106199001011234" → "420***********1234". */
export function maskIdNumber(id: string): string {
  const s = id.trim();
  const n = chars(s).length;
  if (n === 0) return '';
  if (n >= 12) return keepEnds(s, 3, 4);
  if (n >= 8) return keepEnds(s, 2, 2);
  return keepEnds(s, 0, Math.min(2, n - 1));
}

/** "张三" → "张*", "欧阳娜娜" → "欧***", "张" → "*". */
export function maskName(name: string): string {
  const c = chars(name.trim());
  if (c.length === 0) return '';
  if (c.length === 1) return STAR;
  return c.map((ch, i) => (i === 0 || ch === '·' || ch === '•' || ch === ' ' ? ch : STAR)).join('');
}

/** "13812345678" → "138****5678"; other phone numbers keep their last 4. */
export function maskPhone(phone: string): string {
  const s = phone.replace(/[\s-]+/g, '');
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  if (s.length <= 4) return STAR.repeat(s.length);
  return STAR.repeat(s.length - 4) + s.slice(-4);
}

/** "6222021234567890123" → "****0123". */
export function maskBankAccount(account: string): string {
  const s = account.replace(/[\s-]+/g, '');
  if (s.length <= 4) return STAR.repeat(s.length);
  return `****${s.slice(-4)}`;
}
