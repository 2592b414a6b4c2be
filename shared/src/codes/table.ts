/**
 * Code tables (字典): an ordered list of entries, each with a stable `code` (what the database and the API store)
 * and the Chinese `label` a clerk knows. Codes are either English identifiers matching the Prisma enums
 * (`PENSION`, `ACTIVE` …) or the national dictionary's digit strings where the database stores those
 * (`'01'` 居民身份证, `'1'` 男, `'01'` 汉族 …).
 *
 * Entries are kept in an array, never only in an object: digit keys such as `'10'` or `'99'` would be reordered
 * by JavaScript's object-key rules and the display order would be lost.
 */

export interface CodeEntry {
  readonly code: string;
  readonly label: string;
  /** Other spellings found in the seeds and in batch-import files; `parse` accepts them. */
  readonly aliases?: readonly string[];
  /** English identifier for digit-coded tables (`StopReason.DEATH === '09'`). */
  readonly key?: string;
}

type ByCode<E extends CodeEntry> = { readonly [K in E as K['code']]: K };
type KeyToCode<E extends CodeEntry> = {
  readonly [K in E as K extends { readonly key: infer N extends string } ? N : never]: K['code'];
};

export interface CodeTable<E extends CodeEntry> {
  /** Entries in display order. */
  readonly entries: readonly E[];
  /** The codes in display order, as a non-empty tuple (fits `z.enum`). */
  readonly codes: readonly [E['code'], ...E['code'][]];
  /** Entry by code. */
  readonly byCode: ByCode<E>;
  /** `{ KEY: code }` for entries that have an English `key` (digit-coded tables). */
  readonly keys: KeyToCode<E>;
  /** Type guard: is `value` one of this table's codes? */
  has(value: unknown): value is E['code'];
  /** The entry for a code, or undefined. */
  get(code: string): E | undefined;
  /** Chinese label of a code; the code itself when unknown (never throws, safe in templates). */
  label(code: string): string;
  /** Code from user or file input: a code, a label or an alias (trimmed, full-width brackets accepted). */
  parse(input: string): E['code'] | undefined;
  /** `[{ value, label }]` for pickers. */
  options(): { value: E['code']; label: string }[];
}

/** Half-width brackets and no spaces, so '退休（退职）' and '退休(退职)' compare equal. */
function normaliseLabel(s: string): string {
  return s.replace(/（/g, '(').replace(/）/g, ')').replace(/\s+/g, '');
}

export function defineCodeTable<const E extends readonly CodeEntry[]>(list: E): CodeTable<E[number]> {
  type Entry = E[number];
  if (list.length === 0) throw new Error('defineCodeTable: empty table');
  const byCode: Record<string, Entry> = {};
  const keys: Record<string, string> = {};
  const lookup = new Map<string, string>();
  for (const entry of list) {
    if (Object.prototype.hasOwnProperty.call(byCode, entry.code)) {
      throw new Error(`defineCodeTable: duplicate code ${entry.code}`);
    }
    byCode[entry.code] = entry;
    if (entry.key !== undefined) keys[entry.key] = entry.code;
    for (const name of [entry.code, entry.label, ...(entry.aliases ?? [])]) {
      const k = normaliseLabel(name);
      const existing = lookup.get(k);
      if (existing !== undefined && existing !== entry.code) {
        throw new Error(`defineCodeTable: "${name}" names both ${existing} and ${entry.code}`);
      }
      lookup.set(k, entry.code);
    }
  }
  const codes = list.map((e) => e.code) as unknown as readonly [Entry['code'], ...Entry['code'][]];
  const has = (value: unknown): value is Entry['code'] =>
    typeof value === 'string' && Object.prototype.hasOwnProperty.call(byCode, value);
  return Object.freeze({
    entries: list,
    codes,
    byCode: Object.freeze(byCode) as unknown as ByCode<Entry>,
    keys: Object.freeze(keys) as unknown as KeyToCode<Entry>,
    has,
    get: (code: string) => (has(code) ? byCode[code] : undefined),
    label: (code: string) => (has(code) ? (byCode[code] as Entry).label : code),
    parse: (input: string) => lookup.get(normaliseLabel(input)) as Entry['code'] | undefined,
    options: () => list.map((e) => ({ value: e.code as Entry['code'], label: e.label })),
  });
}

/** The union of a table's codes: `type InsuranceType = CodeOf<typeof InsuranceTypes>`. */
export type CodeOf<T> = T extends CodeTable<infer E> ? E['code'] : never;

/**
 * Allowed state transitions of a small state machine, with a checker. `final` states have no way out.
 */
export interface StateMachine<S extends string> {
  readonly transitions: { readonly [K in S]: readonly S[] };
  canTransition(from: S, to: S): boolean;
  isFinal(state: S): boolean;
}

export function defineStateMachine<S extends string>(transitions: { readonly [K in S]: readonly S[] }): StateMachine<S> {
  return Object.freeze({
    transitions,
    canTransition: (from: S, to: S) => (transitions[from] ?? []).includes(to),
    isFinal: (state: S) => (transitions[state] ?? []).length === 0,
  });
}
