/**
 * 报盘 (batch file) reading, independent of the spreadsheet library: the BFF turns the uploaded workbook into a grid
 * of cells (`SheetRow[]`), and this module finds the header, checks the file's structure against the matter's
 * template, skips the worked example and the instruction line, and turns each data row into the row object the
 * matter's schema validates — or into row/column/reason failures in Chinese.
 *
 * A structural problem (header missing or different, unknown or missing columns, too many rows) fails the whole
 * file: nothing from it is saved.
 */
import { parseYuanToFen } from '../money';
import { isIsoDate, parseIsoDate } from '../period';
import { normalizeIdNumber } from '../validate/id-card';
import type { BatchTemplate, RowIssue, TemplateColumn } from './types';

/** A cell as read from the file: text, a number (the cell was not text-formatted), a date cell, or empty. */
export type SheetCell = string | number | boolean | { readonly date: string } | null | undefined;

export interface SheetRow {
  /** 1-based row number in the sheet (what the clerk sees in Excel). */
  readonly rowNo: number;
  readonly cells: readonly SheetCell[];
}

export interface StructuralError {
  readonly reason: string;
}

export interface ParsedSheetRow {
  readonly rowNo: number;
  /** Field values for the matter's row schema (codes resolved, dates ISO, money in fen, ticks as arrays). */
  readonly data: Record<string, unknown>;
  /** Problems reading cells (wrong code, number-formatted ID …); the schema is not run on such a row. */
  readonly issues: RowIssue[];
  /** 单位编号 / 单位名称 as written in the row (checked against the case's unit by the caller). */
  readonly unitNo?: string;
  readonly unitName?: string;
}

export interface ParsedSheet {
  readonly structural: readonly StructuralError[];
  readonly rows: readonly ParsedSheetRow[];
}

const TICKS = new Set(['√', '✓', '✔', '☑', 'V', 'v', 'Y', 'y', '是', '1', '参保', 'TRUE', 'true']);
const NON_TICKS = new Set(['', '×', 'X', 'x', 'N', 'n', '否', '0', 'FALSE', 'false']);

/** Normalise header text for comparison: no spaces (incl. full-width), half-width brackets, no '*'. */
export function normaliseHeader(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/^\*+|\*+$/g, '');
}

/** Cell → trimmed text ('' for empty). Numbers print as JavaScript does (so 1e+21 stays visible as such). */
export function cellText(cell: SheetCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  return cell.date;
}

function isBlankRow(cells: readonly SheetCell[]): boolean {
  return cells.every((c) => cellText(c) === '');
}

const INSTRUCTION_PREFIX = '以上一行';

/**
 * Find the header row (within the first 10 rows) and check it against the template's columns.
 * The header row is the one naming most of the template's headers.
 */
function locateHeader(rows: readonly SheetRow[], columns: readonly TemplateColumn[]): { index: number; errors: StructuralError[] } {
  const expected = columns.map((c) => normaliseHeader(c.header));
  let best = -1;
  let bestScore = 0;
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const names = new Set((rows[i] as SheetRow).cells.map((c) => normaliseHeader(cellText(c))));
    const score = expected.filter((h) => names.has(h)).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best < 0 || bestScore < Math.ceil(expected.length / 2)) {
    return { index: -1, errors: [{ reason: '未找到表头行，请使用本事项的【模板下载】下载模板填写（不要修改表头）' }] };
  }
  const errors: StructuralError[] = [];
  const header = (rows[best] as SheetRow).cells.map((c) => normaliseHeader(cellText(c)));
  const rowNo = (rows[best] as SheetRow).rowNo;
  expected.forEach((h, i) => {
    const got = header[i] ?? '';
    if (got !== h) {
      const where = header.indexOf(h);
      errors.push({
        reason:
          where >= 0
            ? `第${rowNo}行表头第${i + 1}列应为“${columns[i]?.header}”，实为“${got || '空'}”（列顺序与模板不一致）`
            : got === ''
              ? `缺少列“${columns[i]?.header}”`
              : `第${rowNo}行表头第${i + 1}列应为“${columns[i]?.header}”，实为“${got}”`,
      });
    }
  });
  for (let i = expected.length; i < header.length; i++) {
    if ((header[i] ?? '') !== '') errors.push({ reason: `第${rowNo}行表头第${i + 1}列“${header[i]}”不是模板中的列` });
  }
  return { index: best, errors };
}

/**
 * A date typed into a cell that was not text: Excel stores a serial day number (1 = 1900-01-01, with Excel's
 * phantom 1900-02-29, so serials from 61 on are one day ahead); an 8-digit number is read as YYYYMMDD.
 */
export function numericDate(n: number): string | null {
  if (Number.isInteger(n) && n >= 19000101 && n <= 29991231) return parseIsoDate(String(n));
  if (!Number.isFinite(n) || n < 61 || n >= 2958466) return null;
  const days = Math.floor(n) - 25569; // serial of 1970-01-01
  const d = new Date(days * 86_400_000);
  const iso = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

function readCell(col: TemplateColumn, cell: SheetCell, issues: RowIssue[], data: Record<string, unknown>): void {
  const text = cellText(cell);
  const issue = (reason: string) => issues.push({ field: col.field, column: col.header, reason });
  switch (col.kind) {
    case 'seq':
    case 'unitNo':
    case 'unitName':
      return;
    case 'text':
      if (text !== '') data[col.field] = text;
      else if (col.required) issue(`${col.header}不能为空`);
      return;
    case 'idNumber':
      if (typeof cell === 'number') {
        issue(`${col.header}须以文本格式填写（数字格式会丢失末位），请将单元格设为文本后重新录入`);
        return;
      }
      if (text !== '') data[col.field] = normalizeIdNumber(text);
      else if (col.required) issue(`${col.header}不能为空`);
      return;
    case 'date': {
      if (text === '') {
        if (col.required) issue(`${col.header}不能为空`);
        return;
      }
      const iso =
        typeof cell === 'object' && cell !== null
          ? isIsoDate(cell.date)
            ? cell.date
            : null
          : typeof cell === 'number'
            ? numericDate(cell)
            : parseIsoDate(text);
      if (iso === null) issue(`${col.header}“${text}”不是有效日期，格式应为YYYY-MM-DD`);
      else data[col.field] = iso;
      return;
    }
    case 'money': {
      if (text === '') {
        if (col.required) issue(`${col.header}不能为空`);
        return;
      }
      const fen = parseYuanToFen(typeof cell === 'number' ? cell : text.replace(/,/g, ''));
      if (fen === null) issue(`${col.header}“${text}”不是有效金额（最多两位小数）`);
      else data[col.field] = fen;
      return;
    }
    case 'code': {
      if (text === '') {
        if (col.required) issue(`${col.header}不能为空`);
        return;
      }
      const table = col.codeTable;
      if (!table) return;
      // "01 汉族" → try the whole text, then the code part, then the label part.
      const m = /^(\S+)\s+(.+)$/.exec(text);
      const code = table.parse(text) ?? (m ? (table.parse(m[1] as string) ?? table.parse(m[2] as string)) : undefined);
      if (code === undefined) issue(`${col.header}“${text}”不在代码表中，请从下拉列表中选择`);
      else if (m && table.parse(m[1] as string) !== undefined && table.parse(m[2] as string) !== undefined && table.parse(m[1] as string) !== table.parse(m[2] as string)) {
        issue(`${col.header}“${text}”的代码与名称不一致`);
      } else data[col.field] = code;
      return;
    }
    case 'tick': {
      const arr = (data[col.field] as string[] | undefined) ?? [];
      if (TICKS.has(text)) arr.push(col.tickValue as string);
      else if (!NON_TICKS.has(text)) issue(`${col.header}请填写“√”或留空，实为“${text}”`);
      data[col.field] = arr;
      return;
    }
  }
}

/**
 * Read the data rows of a sheet against a template. Rows after the instruction line are data; when the line was
 * deleted, rows after the header are, except a copy of the worked example. Blank rows are skipped.
 */
export function parseSheet(rows: readonly SheetRow[], template: BatchTemplate): ParsedSheet {
  const { index, errors } = locateHeader(rows, template.columns);
  if (index < 0 || errors.length) return { structural: errors, rows: [] };
  let start = index + 1;
  for (let i = index + 1; i < Math.min(rows.length, index + 4); i++) {
    if (cellText((rows[i] as SheetRow).cells[0]).startsWith(INSTRUCTION_PREFIX)) start = i + 1;
  }
  const example = template.columns.map((c) => c.example);
  const unitNoCol = template.columns.findIndex((c) => c.kind === 'unitNo');
  const unitNameCol = template.columns.findIndex((c) => c.kind === 'unitName');
  const out: ParsedSheetRow[] = [];
  for (let i = start; i < rows.length; i++) {
    const row = rows[i] as SheetRow;
    if (isBlankRow(row.cells)) continue;
    const texts = template.columns.map((_, j) => cellText(row.cells[j]));
    if (start === index + 1 && texts.every((t, j) => t === example[j] || template.columns[j]?.kind === 'unitNo' || template.columns[j]?.kind === 'unitName')) continue;
    if (texts[0]?.startsWith(INSTRUCTION_PREFIX)) continue;
    if (out.length >= template.maxRows) {
      return { structural: [{ reason: `报盘文件最多${template.maxRows}条记录，请分批上传` }], rows: [] };
    }
    const data: Record<string, unknown> = {};
    const issues: RowIssue[] = [];
    template.columns.forEach((col, j) => readCell(col, row.cells[j], issues, data));
    const parsed: { -readonly [K in keyof ParsedSheetRow]: ParsedSheetRow[K] } = { rowNo: row.rowNo, data, issues };
    if (unitNoCol >= 0 && texts[unitNoCol]) parsed.unitNo = texts[unitNoCol] as string;
    if (unitNameCol >= 0 && texts[unitNameCol]) parsed.unitName = texts[unitNameCol] as string;
    out.push(parsed);
  }
  if (out.length === 0) return { structural: [{ reason: '报盘文件中没有数据行，请从说明行的下一行开始填写' }], rows: [] };
  return { structural: [], rows: out };
}

/** The header of the column filling `field`, for naming schema failures ('insuranceTypes' → '参保险种' for ticks). */
export function columnForField(template: BatchTemplate | undefined, field: string, labels?: Readonly<Record<string, string>>): string {
  const cols = template?.columns.filter((c) => c.field === field) ?? [];
  if (cols.length === 1) return (cols[0] as TemplateColumn).header;
  return labels?.[field] ?? (cols.length ? (cols[0] as TemplateColumn).header : field);
}
