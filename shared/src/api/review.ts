/**
 * Center review workbench (中心审核, reviewer role): the queue by matter, unit, date and status; the case with its
 * 变更项/变更前值/变更后值 table, rows and materials; approve one or many (each case's effect in its own
 * transaction, a result per case); return with a reason the applicant sees in the case timeline.
 * A reviewer with a region (reviewer.region_code) sees the cases of units in that region only.
 */
import { z } from 'zod';
import { CaseRecordDetail, CaseSerialNoSchema, CaseStatusCode, CaseSummary, MatterCodeSchema, CaseParams } from './cases';
import { IsoDateSchema, PageQuery, Paged } from './common';
import { defineRoutes } from './route';

export const ReviewQueueQuery = PageQuery.extend({
  status: CaseStatusCode.optional().describe('默认 SUBMITTED 待审核'),
  matterCode: MatterCodeSchema.optional(),
  unitNo: z.string().trim().max(20).optional().describe('单位编号'),
  unitName: z.string().trim().max(64).optional().describe('单位名称（包含）'),
  from: IsoDateSchema.optional().describe('提交日期起（含）'),
  to: IsoDateSchema.optional().describe('提交日期止（含）'),
});
export type ReviewQueueQuery = z.input<typeof ReviewQueueQuery>;

export const ReviewCaseDetail = CaseRecordDetail.extend({
  unitInfo: z
    .object({ unitNo: z.string(), name: z.string(), creditCode: z.string(), legalRepName: z.string(), regionCode: z.string() })
    .nullable(),
});

export const ApproveBody = z.object({
  serialNos: z.array(CaseSerialNoSchema).min(1, '请选择要审核的业务').max(50, '一次最多审核50笔业务'),
  note: z.string().trim().max(200, '审核意见不能超过200个字').optional(),
});
export type ApproveBody = z.input<typeof ApproveBody>;

export const ApproveResult = z.object({
  results: z.array(
    z.object({
      serialNo: z.string(),
      ok: z.boolean(),
      status: CaseStatusCode.optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  approved: z.number().int(),
  failed: z.number().int(),
});

export const ReturnBody = z.object({ reason: z.string('请填写退回原因').trim().min(2, '请填写退回原因').max(500, '退回原因不能超过500个字') });
export type ReturnBody = z.input<typeof ReturnBody>;

export const reviewRoutes = defineRoutes([
  { method: 'GET', path: '/api/review/cases', summary: '审核队列', tag: 'review', auth: 'reviewer', request: { query: ReviewQueueQuery }, response: Paged(CaseSummary) },
  { method: 'GET', path: '/api/review/cases/:serialNo', summary: '审核详情（变更前后、明细、材料、时间线）', tag: 'review', auth: 'reviewer', request: { params: CaseParams }, response: ReviewCaseDetail },
  { method: 'POST', path: '/api/review/cases/approve', summary: '审核通过（可批量，逐笔生效）', tag: 'review', auth: 'reviewer', request: { body: ApproveBody }, response: ApproveResult },
  {
    method: 'POST', path: '/api/review/cases/:serialNo/return', summary: '退回（须填写原因，申请人可见）', tag: 'review', auth: 'reviewer',
    request: { params: CaseParams, body: ReturnBody }, response: ReviewCaseDetail,
  },
]);
