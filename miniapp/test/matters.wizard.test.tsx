// @vitest-environment jsdom
// The matter wizard renders from a catalogue entry (GET /api/matters/:code as the BFF builds it from
// @shebao/shared's MATTERS): step 1 shows the 服务说明, the pre-filled 申报人 and the matter's terms; 下一步 refuses
// without the terms and then creates the draft; step 2 shows the single-mode fields derived from the template
// columns (tick columns merged into one 险种 choice), the mode switch, and the material slots with 必传/可选.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { getMatter, MATTER_CATEGORY_LABELS, type MatterDefinition } from '@shebao/shared'

const api = vi.hoisted(() => ({ get: vi.fn(), post: vi.fn(), put: vi.fn(), del: vi.fn() }))
vi.mock('../src/services/api', () => ({ api, ApiError: class extends Error {}, API_BASE: '', refreshSession: vi.fn(), LOGIN_PAGE: '/pages/login/index' }))

import Wizard from '../src/pkg-matters/components/Wizard'
import { rowFields, toRow } from '../src/pkg-matters/components/Wizard/fields'
import type { CaseDetailT, MatterInfoT } from '../src/pkg-matters/lib/types'

/** What GET /api/matters/:code answers for a catalogue entry (bff/src/modules/cases/routes.ts info()). */
function info(code: string): MatterInfoT {
  const m = getMatter(code) as MatterDefinition
  return {
    code: m.code, name: m.name, section: m.section, category: m.category, categoryLabel: MATTER_CATEGORY_LABELS[m.category],
    applicant: m.applicant, review: m.review, modes: [...m.modes], description: m.description, guidance: [...m.guidance], terms: m.terms,
    resultMessage: m.resultMessage, inFlight: m.inFlight, reportTitle: m.reportTitle,
    rowLabels: m.rowLabels ? { ...m.rowLabels } : null, formLabels: m.formLabels ? { ...m.formLabels } : null,
    materials: m.materials.map((s) => ({ code: s.code, name: s.name, requirement: s.requirement, group: s.group ?? null, description: s.description ?? null })),
    template: m.template
      ? {
          title: m.template.title, instruction: m.template.instruction, notes: [...m.template.notes], maxRows: m.template.maxRows,
          columns: m.template.columns.map((c) => ({ header: c.header, field: c.field, kind: c.kind, required: c.required === true, example: c.example, options: c.codeTable ? c.codeTable.options() : null }))
        }
      : null
  }
}

function draft(m: MatterInfoT): CaseDetailT {
  return {
    serialNo: '202405010000001', matterCode: m.code, matterName: m.name, status: 'DRAFT', statusLabel: '保存', mode: 'SINGLE', unit: { unitNo: 'U1', name: '测试公司' },
    applicantName: '张三', itemCount: 0, createdAt: new Date().toISOString(), submittedAt: null, decidedAt: null, returnReason: null, review: m.review,
    resultMessage: m.resultMessage, applicantPhone: '13912345678', remark: null, form: {}, changes: [], items: [], materials: [],
    materialChecklist: m.materials.map((s) => ({ ...s, uploaded: 0, maxFiles: 5 })), events: [], actions: { edit: true, submit: true, withdraw: false }
  } as CaseDetailT
}

function type(name: string, value: string) {
  const el = document.querySelector(`[name="${name}"]`) as HTMLElement
  expect(el, name).toBeTruthy()
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}
const click = async (text: string) => {
  await act(async () => {
    screen.getByText(text, { selector: '.nut-button-children, .nut-button *' }).click()
  })
}

beforeEach(() => {
  for (const f of Object.values(api)) f.mockReset()
})
afterEach(cleanup)

describe('fields from the catalogue', () => {
  it('增员: template columns without 序号/单位, the three tick columns as one 参保险种 choice; yuan → fen', () => {
    const fields = rowFields(info('STAFF_ENROL'))
    expect(fields.map((f) => f.label)).toEqual(['身份证号码', '姓名', '民族', '本次申报参工时间', '月缴费工资', '参保险种', '联系电话(手机)'])
    const types = fields.find((f) => f.field === 'insuranceTypes')!
    expect(types.kind).toBe('multi')
    expect(types.options!.map((o) => o.value)).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'])
    expect(fields.find((f) => f.field === 'ethnicity')!.options!.length).toBeGreaterThan(50)
    expect(toRow(fields, { name: ' 张三 ', monthlyWage: '6000.5', insuranceTypes: ['PENSION'] })).toEqual({ name: '张三', monthlyWage: 600050, insuranceTypes: ['PENSION'] })
  })
})

describe('<Wizard> for a catalogue entry', () => {
  it('step 1 shows the 服务说明, pre-fills 申报人, needs the terms, then creates the draft', async () => {
    const m = info('STAFF_REDUCE_TYPES')
    render(<Wizard matter={m} defaultApplicant='张*' />)
    expect(screen.getByText(m.description)).toBeTruthy()
    expect(screen.getByText(m.terms)).toBeTruthy()
    expect((document.querySelector('[name="applicantName"]') as HTMLInputElement & { value: string }).value).toBe('张*')
    type('applicantPhone', '13912345678')
    await click('下一步')
    expect(api.post).not.toHaveBeenCalled() // terms not ticked
    await act(async () => {
      ;(document.querySelector('.mw-terms .nut-checkbox') as HTMLElement).click()
    })
    api.post.mockResolvedValueOnce(draft(m))
    await click('下一步')
    // the masked pre-filled name is left out: the server uses the clerk's own name
    expect(api.post).toHaveBeenCalledWith('/api/cases', { matterCode: 'STAFF_REDUCE_TYPES', applicantPhone: '13912345678', termsAccepted: true, mode: 'SINGLE' }, expect.anything())
    // step 2: both modes, the single-mode fields, and the materials with 必传/可选
    expect(screen.getByText('单个添加')).toBeTruthy()
    expect(screen.getByText('批量添加')).toBeTruthy()
    for (const label of ['身份证号码', '姓名', '减少险种', '变更日期']) expect(screen.getAllByText(label).length).toBeGreaterThan(0)
    expect(screen.getByText('单位职工减少险种申报表（加盖单位公章）')).toBeTruthy()
    expect(screen.getByText('必传')).toBeTruthy()
    expect(screen.getByText('可选')).toBeTruthy()
    expect(document.querySelector('.mw-head__serial')!.textContent).toContain('202405010000001')
  }, 30_000)
})
