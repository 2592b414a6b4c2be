// @vitest-environment jsdom
// 单位一般信息变更's list editors (经办人, 银行账户), driven by the catalogue's formLists as GET /api/matters/:code
// sends them: the pure conversions (add / modify only what changed / remove; masked values never pre-filled; the
// form keeps only non-empty operations; a saved draft restores), and <ListEditor> adding, modifying and removing
// entries of a list.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { UNIT_INFO_LISTS } from '@shebao/shared'

vi.mock('../src/services/api', () => ({ api: {}, ApiError: class extends Error {}, API_BASE: '', refreshSession: vi.fn(), LOGIN_PAGE: '/pages/login/index' }))
const toast = vi.hoisted(() => ({ toastError: vi.fn(), toastSuccess: vi.fn() }))
vi.mock('../src/services/toast', () => toast)

import ListEditor from '../src/pkg-matters/components/ListEditor'
import {
  changesFromForm,
  entrySummary,
  entryValues,
  listFields,
  listsToForm,
  noChanges,
  toEntry,
  toModification,
  type FormListT,
  type ListChanges
} from '../src/pkg-matters/lib/lists'

/** What bff/src/modules/cases/routes.ts info() sends for the catalogue's lists. */
const LISTS: FormListT[] = UNIT_INFO_LISTS.map((l) => ({
  key: l.key,
  label: l.label,
  itemName: l.itemName,
  source: l.source,
  note: l.note ?? null,
  fields: l.fields.map((f) => ({
    field: f.field,
    label: f.label,
    kind: f.kind,
    required: f.required === true,
    modifiable: f.modifiable,
    options: f.codeTable ? f.codeTable.options().filter((o) => !f.codes || f.codes.includes(o.value)) : null
  }))
}))
const clerks = LISTS.find((l) => l.key === 'clerks')!
const banks = LISTS.find((l) => l.key === 'bankAccounts')!

const existingClerk = { id: 7, name: '王经办', idNumber: '420***********1234', phone: '138****5678', department: '人事部', email: null }
const existingBank = { id: 9, purpose: 'REFUND', bankCategory: '102', bankName: '中国工商银行宜昌分行', accountName: '测试公司', accountNumber: '****6789', insuranceTypes: ['PENSION'] }

afterEach(cleanup)

describe('list conversions', () => {
  it('the catalogue lists: clerks (identity fixed) and bank accounts (险种 only 养老/失业/工伤, purpose 退款/遗属)', () => {
    expect(listFields(clerks, 'add').map((f) => f.label)).toEqual(['姓名', '证件号码', '手机号码', '经办人所在部门', '电子邮箱'])
    expect(listFields(clerks, 'modify').map((f) => f.field)).toEqual(['phone', 'department', 'email'])
    expect(banks.fields.find((f) => f.field === 'insuranceTypes')!.options!.map((o) => o.value)).toEqual(['PENSION', 'UNEMPLOYMENT', 'WORK_INJURY'])
    expect(banks.fields.find((f) => f.field === 'purpose')!.options!.map((o) => o.value)).toEqual(['REFUND', 'SURVIVOR'])
  })

  it('masked values are not pre-filled; a modification carries only what changed', () => {
    const start = entryValues(clerks, existingClerk)
    expect(start).toEqual({ name: '王经办', department: '人事部' })
    expect(toModification(clerks, existingClerk, { ...start })).toBeNull()
    expect(toModification(clerks, existingClerk, { ...start, phone: ' 13700001111 ' })).toEqual({ id: 7, phone: '13700001111' })
    // identity fields are never sent even if present in the values
    expect(toModification(clerks, existingClerk, { ...start, name: '改名', department: '财务部' })).toEqual({ id: 7, department: '财务部' })
    expect(toModification(banks, existingBank, { ...entryValues(banks, existingBank), insuranceTypes: ['PENSION', 'WORK_INJURY'] })).toEqual({ id: 9, insuranceTypes: ['PENSION', 'WORK_INJURY'] })
  })

  it('entries to add, summaries with code labels, the form with only non-empty operations, restored from a draft', () => {
    const entry = toEntry(banks, { purpose: 'REFUND', bankCategory: '102', bankName: ' 工行 ', accountName: '甲', accountNumber: '6222', insuranceTypes: ['UNEMPLOYMENT'] })
    expect(entry).toEqual({ purpose: 'REFUND', bankCategory: '102', bankName: '工行', accountName: '甲', accountNumber: '6222', insuranceTypes: ['UNEMPLOYMENT'] })
    expect(entrySummary(banks, existingBank)).toBe('退款账户 · 中国工商银行 · 中国工商银行宜昌分行 · 测试公司 · ****6789 · 企业职工基本养老保险')
    const changes: Record<string, ListChanges> = { clerks: { add: [], modify: [{ id: 7, phone: '13700001111' }], remove: [8] }, bankAccounts: noChanges() }
    const form = listsToForm(changes)
    expect(form).toEqual({ clerks: { modify: [{ id: 7, phone: '13700001111' }], remove: [8] } })
    expect(changesFromForm(LISTS, { contact: {}, ...form })).toEqual({ clerks: { add: [], modify: [{ id: 7, phone: '13700001111' }], remove: [8] }, bankAccounts: noChanges() })
  })
})

function type(name: string, value: string) {
  const el = document.querySelector(`[name="${name}"]`) as HTMLElement
  expect(el, name).toBeTruthy()
  act(() => {
    el.dispatchEvent(new CustomEvent('input', { detail: { value }, bubbles: true }))
  })
}
const click = (text: string) =>
  act(() => {
    screen.getAllByText(text)[0]!.click()
  })

describe('<ListEditor>', () => {
  it('adds a clerk (required fields checked), modifies and removes existing ones', () => {
    let value = noChanges()
    const onChange = vi.fn((next: ListChanges) => {
      value = next
      view.rerender(<ListEditor list={clerks} entries={[existingClerk, { ...existingClerk, id: 8, name: '李经办' }]} value={value} onChange={onChange} />)
    })
    const view = render(<ListEditor list={clerks} entries={[existingClerk, { ...existingClerk, id: 8, name: '李经办' }]} value={value} onChange={onChange} />)
    expect(screen.getByText(clerks.note!)).toBeTruthy()

    click('添加经办人')
    type('clerks.name', '新经办')
    click('确定')
    expect(toast.toastError).toHaveBeenCalledWith('请填写证件号码、手机号码')
    type('clerks.idNumber', '11010519491231002X')
    type('clerks.phone', '13811112222')
    click('确定')
    expect(value.add).toEqual([{ name: '新经办', idNumber: '11010519491231002X', phone: '13811112222' }])
    expect(screen.getByText('新增')).toBeTruthy()

    // 修改 the first existing clerk: only phone changes.
    click('修改')
    type('clerks.phone', '13700001111')
    click('确定')
    expect(value.modify).toEqual([{ id: 7, phone: '13700001111' }])
    expect(screen.getByText('待修改')).toBeTruthy()
    expect(screen.getByText('修改为 手机号码：13700001111')).toBeTruthy()

    // 删除 the second; 撤销删除 brings it back.
    const removeLinks = document.querySelectorAll('.mw-list__remove')
    act(() => (removeLinks[1] as HTMLElement).click())
    expect(value.remove).toEqual([8])
    expect(screen.getByText('待删除')).toBeTruthy()
    click('撤销删除')
    expect(value.remove).toEqual([])
  })
})
