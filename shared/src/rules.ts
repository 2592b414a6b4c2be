/**
 * Numbers the product's rules hang on, in one place (PRODUCT.md "Numbers worth knowing"; rule ids from
 * ../shared/spec). Policy numbers that change by year and region (bases, rates) live in the database's
 * policy tables; the defaults for tests and seed data are in contribution.ts.
 */

/** A proof can be verified for 3 months after issue (R004-1). */
export const CERTIFICATE_VALIDITY_MONTHS = 3;
/** 单位参保证明 spans: 3/6/9/12/24 months (R004-4). */
export const UNIT_CERTIFICATE_SPANS_MONTHS = [3, 6, 9, 12, 24] as const;
export type UnitCertificateSpan = (typeof UNIT_CERTIFICATE_SPANS_MONTHS)[number];
/** Rows per page of the unit proof's person table (seed 004 §4.9.1). */
export const UNIT_CERTIFICATE_ROWS_PER_PAGE = 20;

/** 应缴认定单 valid for 10 working days, then void (R004-14). Count with a maintained calendar (chinese-days). */
export const BILL_VALIDITY_WORKING_DAYS = 10;

/** Online back-payment covers at most the 3 months before the current month (R004-21, FAQ8). */
export const ONLINE_BACK_PAYMENT_MAX_MONTHS = 3;
/** 劳动合同补缴: cumulative at most 36 months after 统账结合 (R49). */
export const LABOUR_CONTRACT_BACK_PAYMENT_MAX_MONTHS = 36;
/** Back-paid periods from this date on carry personal-account interest and a late fee (R54). */
export const INTEREST_AND_LATE_FEE_FROM_PERIOD = 199601;
/** 缴费工资变更 only within two years (R38). */
export const WAGE_CHANGE_MAX_YEARS = 2;
/** 多缴退费 covers at most the 3 months before the current month (PRODUCT.md §4, R004-30). */
export const REFUND_MAX_MONTHS = 3;
/** 年度缴费工资申报 window: 4/1 – 6/30 of the year whose July starts the social-insurance year (R004-6). */
export const WAGE_DECLARATION_WINDOW = { fromMonthDay: '04-01', toMonthDay: '06-30' } as const;

/** 滞纳金 0.05 % per day (社会保险法 art. 86), in parts per million. */
export const LATE_FEE_DAILY_PPM = 500;

/** Attachments: JPG/JPEG/PNG, at most 5 MB each (R08). */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
export const ATTACHMENT_EXTENSIONS = ['jpg', 'jpeg', 'png'] as const;

/** At most two extension applications per work-injury determination (R000-1). */
export const WORK_INJURY_MAX_EXTENSIONS = 2;

/** Scan-code login ticket lifetime, about 2 minutes (ARCHITECTURE.md). */
export const LOGIN_TICKET_TTL_SECONDS = 120;
/** e-SSC PIN length. */
export const PIN_LENGTH = 6;

/** Paged lists: default and maximum page size. */
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
