/**
 * The 3-step wizard every matter shares (seed 002 §2), rendered from the matter's catalogue entry:
 * 1 服务说明 (text, 申报人 pre-filled, 手机号码, 备注, terms checkbox) → creates the draft (业务流水号);
 * 2 表单填写: single rows (添加校验) or a batch file (模板下载 → 选择报盘 → 上传校验 → 保存), or the form of a
 *   form-only matter; materials; 保存 keeps the draft, 下一步 goes on;
 * 3 确认提交 with one Idempotency-Key per attempt → result with the 15-digit 业务流水号 and status.
 */
import { useEffect, useMemo, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Checkbox, Input, TextArea } from '@nutui/nutui-react-taro'
import { Button } from '../../../components/Button'
import { MATTER_PAGES } from '../../../constants/pages'
import { CASE_RECORD_HINT, STEP1_INSTRUCTION, WIZARD_STEPS } from '@shebao/shared'
import { api, ApiError } from '../../../services/api'
import { newIdempotencyKey } from '../../../services/idempotency'
import { toastError, toastSuccess } from '../../../services/toast'
import { downloadFile } from '../../../platform'
import { printReport } from '../../lib/report'
import { chooseSpreadsheet, uploadFile, type PickedFile } from '../../lib/transfer'
import type { CaseDetailT, MatterInfoT, ValidationResultT } from '../../lib/types'
import { changesFromForm, listsToForm, type ListChanges, type ListEntry } from '../../lib/lists'
import { ChangeTable, KV } from '../CaseBody'
import FieldControl from '../FieldControl'
import ListEditor from '../ListEditor'
import Materials from '../Materials'
import Steps from '../Steps'
import ValidationLists from '../ValidationLists'
import { formFields, formValues, missingRequired, rowFields, toForm, toRow, type Values } from './fields'
import './index.scss'

export interface WizardProps {
  matter: MatterInfoT
  /** 申报人 default: the signed-in user's name. */
  defaultApplicant?: string
  /** Continue an existing draft. */
  initial?: CaseDetailT | null
}

type Mode = 'SINGLE' | 'BATCH'

export default function Wizard({ matter, defaultApplicant = '', initial = null }: WizardProps) {
  const [step, setStep] = useState(initial ? 1 : 0)
  const [detail, setDetail] = useState<CaseDetailT | null>(initial)
  const [applicant, setApplicant] = useState(initial?.applicantName ?? defaultApplicant)
  const [phone, setPhone] = useState(initial?.applicantPhone ?? '')
  const [remark, setRemark] = useState(initial?.remark ?? '')
  const [terms, setTerms] = useState(!!initial)
  const [mode, setMode] = useState<Mode>((initial?.mode as Mode) ?? (matter.modes[0] as Mode) ?? 'SINGLE')
  const hasRows = matter.modes.length > 0
  const fields = useMemo(() => (hasRows ? rowFields(matter) : formFields(matter)), [matter, hasRows])
  const formLists = matter.formLists ?? []
  // A continued draft of a form matter shows what was saved.
  const [values, setValues] = useState<Values>(() => (hasRows || !initial ? {} : formValues(matter, fields, initial.form)))
  const [lists, setLists] = useState<Record<string, ListChanges>>(() => changesFromForm(formLists, initial?.form))
  const [entries, setEntries] = useState<Record<string, ListEntry[]> | null>(null)
  const [entriesError, setEntriesError] = useState('')
  const [validation, setValidation] = useState<ValidationResultT | null>(null)
  const [batchFile, setBatchFile] = useState<PickedFile | null>(null)
  const [batchErrors, setBatchErrors] = useState<string[]>([])
  const [busy, setBusy] = useState(false)
  const [submitted, setSubmitted] = useState<CaseDetailT | null>(null)
  const idemKey = useRef<string | null>(null)

  // The current clerks / bank accounts the list editors change (masked as the unit's information page shows them).
  useEffect(() => {
    if (step !== 1 || formLists.length === 0 || entries) return
    api
      .get<{ clerks: ListEntry[]; bankAccounts: ListEntry[] }>('/api/unit/info', { toast: false })
      .then((info) => setEntries({ unitClerks: info.clerks, unitBankAccounts: info.bankAccounts }))
      .catch((e) => setEntriesError(e instanceof Error ? `${e.message}（现有信息读取失败，仍可新增）` : '现有信息读取失败，仍可新增'))
  }, [step, formLists.length, entries])

  /** The form of a form-only matter: the plain fields and the lists' changes. */
  const currentForm = () => ({ ...toForm(matter, fields, values), ...listsToForm(lists) })

  const run = async (work: () => Promise<void>) => {
    if (busy) return
    setBusy(true)
    try {
      await work()
    } catch {
      // shown as a toast by the client
    } finally {
      setBusy(false)
    }
  }

  // ── step 1 ──
  const applicantBody = () => ({
    // The pre-filled name is the masked display name: leave it out and the server uses the clerk's own name.
    ...(applicant.trim() && applicant.trim() !== defaultApplicant ? { applicantName: applicant.trim() } : {}),
    applicantPhone: phone.trim(),
    remark: remark.trim() || undefined
  })

  const next1 = () =>
    run(async () => {
      if (!applicant.trim()) return toastError('请填写申报人')
      if (!/^1\d{10}$/.test(phone.trim())) return toastError('请填写正确的11位手机号码')
      if (!terms) return toastError('请先阅读服务说明并勾选同意')
      const d = detail
        ? await api.put<CaseDetailT>(`/api/cases/${detail.serialNo}`, applicantBody(), { loading: '保存中' })
        : await api.post<CaseDetailT>(
            '/api/cases',
            { matterCode: matter.code, ...applicantBody(), termsAccepted: true, ...(hasRows ? { mode } : {}) },
            { loading: '正在创建' }
          )
      setDetail(d)
      setStep(1)
    })

  // ── step 2 ──
  const refresh = async (serialNo: string) => setDetail(await api.get<CaseDetailT>(`/api/cases/${serialNo}`))

  const addSingle = () =>
    run(async () => {
      if (!detail) return
      const missing = missingRequired(fields, values)
      if (missing.length) return toastError(`请填写${missing.join('、')}`)
      const r = await api.post<ValidationResultT>(`/api/cases/${detail.serialNo}/items`, { rows: [toRow(fields, values)] }, { loading: '校验中' })
      setValidation(r)
      if (r.savedCount > 0) {
        setValues({})
        toastSuccess('校验通过，已添加')
      }
      await refresh(detail.serialNo)
    })

  const removeItem = (rowNo: number) =>
    run(async () => {
      if (!detail) return
      await api.del(`/api/cases/${detail.serialNo}/items/${rowNo}`)
      await refresh(detail.serialNo)
    })

  const pickBatch = async () => {
    const f = await chooseSpreadsheet()
    if (f) {
      setBatchFile(f)
      setValidation(null)
      setBatchErrors([])
    }
  }

  const uploadBatch = (save: boolean) =>
    run(async () => {
      if (!detail || !batchFile) return toastError('请先选择报盘文件')
      try {
        const r = await uploadFile<ValidationResultT>(`/api/cases/${detail.serialNo}/batch?save=${save ? 1 : 0}`, batchFile)
        setBatchErrors([])
        setValidation(r)
        if (save) {
          toastSuccess(`已保存${r.savedCount}条`)
          await refresh(detail.serialNo)
        }
      } catch (e) {
        const err = e as ApiError & { meta?: { reasons?: string[] } }
        setValidation(null)
        setBatchErrors(err.meta?.reasons?.length ? err.meta.reasons : [err.message])
      }
    })

  const downloadTemplate = () =>
    run(async () => {
      try {
        await downloadFile(`/api/matters/${matter.code}/template`, `${matter.template?.title ?? matter.name}.xlsx`)
      } catch (e) {
        toastError(e instanceof Error ? e.message : '模板下载失败')
      }
    })

  const switchMode = (m: Mode) =>
    run(async () => {
      if (m === mode) return
      setMode(m)
      setValidation(null)
      if (detail) setDetail(await api.put<CaseDetailT>(`/api/cases/${detail.serialNo}`, { mode: m }))
    })

  const saveDraft = () =>
    run(async () => {
      if (!detail) return
      const body = { ...applicantBody(), ...(hasRows ? {} : { form: currentForm() }) }
      setDetail(await api.put<CaseDetailT>(`/api/cases/${detail.serialNo}`, body, { loading: '保存中' }))
      toastSuccess('已保存，可在办件记录中继续办理')
    })

  const next2 = () =>
    run(async () => {
      if (!detail) return
      if (!hasRows) setDetail(await api.put<CaseDetailT>(`/api/cases/${detail.serialNo}`, { form: currentForm() }, { loading: '保存中' }))
      else if (detail.itemCount === 0) return toastError(mode === 'BATCH' ? '请上传报盘文件并保存校验通过的人员' : '请添加人员信息')
      idemKey.current = null
      setStep(2)
    })

  // ── step 3 ──
  /** 预览申报表: the generated report of the saved draft (预览 watermark) in the PDF viewer. */
  const previewReport = () =>
    run(async () => {
      if (detail) await printReport(detail.serialNo)
    })

  const submit = () =>
    run(async () => {
      if (!detail) return
      // One key per attempt: a retry after a lost answer replays the first result instead of submitting twice.
      idemKey.current ??= newIdempotencyKey()
      try {
        const d = await api.post<CaseDetailT>(`/api/cases/${detail.serialNo}/submit`, undefined, { idempotencyKey: idemKey.current, loading: '提交中' })
        setSubmitted(d)
        setDetail(d)
      } catch (e) {
        // A definite refusal ends this attempt; a network failure keeps the key for the retry.
        if (e instanceof ApiError && e.status !== 0) idemKey.current = null
      }
    })

  if (submitted) return <Result matter={matter} detail={submitted} />

  return (
    <View className='mw'>
      <View className='mw-head'>
        <Text className='mw-head__title'>{matter.name}</Text>
        {detail && <Text className='mw-head__serial'>业务流水号 {detail.serialNo}</Text>}
      </View>
      <Steps steps={WIZARD_STEPS} current={step} />

      {step === 0 && (
        <View className='mw-step mw-step--1'>
          <View className='sb-card mw-desc'>
            <Text className='mw-card-title'>服务说明</Text>
            <Text className='mw-desc__text'>{matter.description}</Text>
            {matter.guidance.map((g, i) => (
              <Text key={i} className='mw-desc__line'>
                {i + 1}. {g}
              </Text>
            ))}
          </View>
          <View className='sb-card'>
            <Text className='mw-card-title'>受理信息</Text>
            <Text className='mw-hint'>{STEP1_INSTRUCTION}</Text>
            <FieldRow label='申报人' required>
              <Input className='mw-input' name='applicantName' value={applicant} onChange={setApplicant} placeholder='请输入申报人' maxLength={64} />
            </FieldRow>
            <FieldRow label='手机号码' required>
              <Input className='mw-input' name='applicantPhone' type='tel' value={phone} onChange={setPhone} placeholder='请输入11位手机号码' maxLength={11} />
            </FieldRow>
            <FieldRow label='备注'>
              <TextArea className='mw-textarea' value={remark} onChange={setRemark} placeholder='选填' maxLength={512} rows={2} />
            </FieldRow>
            <View className='mw-terms'>
              <Checkbox className='mw-terms__box' checked={terms} onChange={setTerms} label={matter.terms} />
            </View>
          </View>
          <View className='mw-actions'>
            <Button type='primary' block disabled={busy} onClick={next1} className='mw-next'>
              下一步
            </Button>
          </View>
        </View>
      )}

      {step === 1 && detail && (
        <View className='mw-step mw-step--2'>
          {hasRows && matter.modes.length > 1 && (
            <View className='mw-modes' ariaRole='tablist'>
              {matter.modes.map((m) => (
                <Text key={m} className={`mw-modes__item ${m === mode ? 'is-active' : ''}`} onClick={() => switchMode(m as Mode)}>
                  {m === 'SINGLE' ? '单个添加' : '批量添加'}
                </Text>
              ))}
            </View>
          )}

          {(!hasRows || mode === 'SINGLE') && (
            <View className='sb-card mw-form'>
              <Text className='mw-card-title'>{hasRows ? '人员信息' : '变更信息'}</Text>
              {fields.map((f) => (
                <FieldControl key={f.field} field={f} value={values[f.field]} onChange={(v) => setValues((s) => ({ ...s, [f.field]: v }))} />
              ))}
              {hasRows && (
                <Button type='primary' fill='outline' block disabled={busy} onClick={addSingle} className='mw-add'>
                  添加校验
                </Button>
              )}
            </View>
          )}

          {!hasRows &&
            formLists.map((l) => (
              <ListEditor
                key={l.key}
                list={l}
                entries={entries ? (entries[l.source] ?? []) : null}
                loadError={entriesError}
                value={lists[l.key] ?? { add: [], modify: [], remove: [] }}
                onChange={(next) => setLists((s) => ({ ...s, [l.key]: next }))}
                disabled={busy}
              />
            ))}

          {hasRows && mode === 'BATCH' && matter.template && (
            <View className='sb-card mw-batch'>
              <Text className='mw-card-title'>批量添加（报盘）</Text>
              {matter.template.notes.map((n, i) => (
                <Text key={i} className='mw-hint'>
                  {n}
                </Text>
              ))}
              <View className='mw-batch__buttons'>
                <Button size='small' disabled={busy} onClick={downloadTemplate} className='mw-batch__template'>
                  模板下载
                </Button>
                <Button size='small' disabled={busy} onClick={pickBatch} className='mw-batch__pick'>
                  选择报盘
                </Button>
                <Button size='small' type='primary' disabled={busy || !batchFile} onClick={() => uploadBatch(false)} className='mw-batch__check'>
                  上传校验
                </Button>
              </View>
              <Text className='mw-batch__file'>{batchFile ? `已选择：${batchFile.name}` : `请选择填写好的《${matter.template.title}》（.xlsx）`}</Text>
              {batchErrors.length > 0 && (
                <View className='mw-batch__errors' ariaRole='alert'>
                  <Text className='mw-batch__errors-title'>报盘文件不符合模板，未保存任何数据：</Text>
                  {batchErrors.map((r, i) => (
                    <Text key={i} className='mw-batch__error'>
                      {r}
                    </Text>
                  ))}
                </View>
              )}
            </View>
          )}

          {validation && (
            <ValidationLists
              result={validation}
              rowLabel={mode === 'BATCH' ? 'Excel行号' : '序号'}
              onSave={mode === 'BATCH' && validation.savedCount === 0 && validation.passedCount > 0 ? () => uploadBatch(true) : undefined}
              busy={busy}
            />
          )}

          {hasRows && (
            <View className='sb-card mw-items'>
              <Text className='mw-card-title'>已添加人员（{detail.itemCount}）</Text>
              {detail.items.length === 0 && <Text className='mw-hint'>尚未添加人员</Text>}
              {detail.items.map((it) => (
                <View key={it.rowNo} className='mw-items__row'>
                  <Text className='mw-items__no'>{it.rowNo}</Text>
                  <Text className='mw-items__name'>{String(it.data.name ?? '')}</Text>
                  <Text className='mw-items__id'>{String(it.data.idNumber ?? it.data.personNo ?? '')}</Text>
                  <Text className='mw-link mw-items__del' onClick={() => removeItem(it.rowNo)}>
                    删除
                  </Text>
                </View>
              ))}
            </View>
          )}

          <Materials detail={detail} editable onChange={setDetail} />

          <View className='mw-actions mw-actions--row'>
            <Button disabled={busy} onClick={() => setStep(0)}>
              上一步
            </Button>
            <Button disabled={busy} onClick={saveDraft} className='mw-save'>
              保存
            </Button>
            <Button type='primary' disabled={busy} onClick={next2} className='mw-next'>
              下一步
            </Button>
          </View>
        </View>
      )}

      {step === 2 && detail && (
        <View className='mw-step mw-step--3'>
          <View className='sb-card mw-confirm'>
            <Text className='mw-card-title'>确认提交</Text>
            <KV k='事项名称' v={matter.name} />
            <KV k='业务流水号' v={detail.serialNo} />
            <KV k='申报人' v={detail.applicantName} />
            <KV k='手机号码' v={detail.applicantPhone} />
            {detail.remark && <KV k='备注' v={detail.remark} />}
            {hasRows && <KV k='人员' v={`${detail.itemCount} 人（${detail.mode === 'BATCH' ? '批量添加' : '单个添加'}）`} />}
            {detail.materialChecklist.length > 0 && <KV k='附件材料' v={`${detail.materials.length} 张`} />}
            <KV k='办理方式' v={matter.review === 'instant' ? '提交后即时办结' : '提交后由社保中心审核'} />
          </View>
          {detail.changes.length > 0 && <ChangeTable rows={detail.changes} />}
          {hasRows && detail.items.length > 0 && (
            <View className='sb-card mw-items'>
              <Text className='mw-card-title'>申报明细</Text>
              {detail.items.map((it) => (
                <View key={it.rowNo} className='mw-items__row'>
                  <Text className='mw-items__no'>{it.rowNo}</Text>
                  <Text className='mw-items__name'>{String(it.data.name ?? '')}</Text>
                  <Text className='mw-items__id'>{String(it.data.idNumber ?? '')}</Text>
                </View>
              ))}
            </View>
          )}
          <View className='sb-card mw-report'>
            <Text className='mw-card-title'>{matter.reportTitle}</Text>
            <Text className='mw-hint'>保存后生成申报表，请对比数据；如需修改，点击【上一步】，确认无误后点击【确认提交】。</Text>
            <Button fill='outline' type='primary' block disabled={busy} onClick={previewReport} className='mw-preview'>
              预览申报表
            </Button>
          </View>
          <View className='mw-actions mw-actions--row'>
            <Button disabled={busy} onClick={() => setStep(1)}>
              上一步
            </Button>
            <Button type='primary' disabled={busy} onClick={submit} className='mw-submit'>
              确认提交
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}

function Result({ matter, detail }: { matter: MatterInfoT; detail: CaseDetailT }) {
  return (
    <View className='mw mw-result' data-status={detail.status}>
      <Steps steps={WIZARD_STEPS} current={3} />
      <View className='sb-card mw-result__card'>
        <Text className='mw-result__icon'>✓</Text>
        <Text className='mw-result__message'>{detail.resultMessage}</Text>
        <View className='mw-result__serial'>
          <Text className='mw-result__label'>业务流水号</Text>
          <Text className='mw-result__no'>{detail.serialNo}</Text>
        </View>
        <KV k='事项名称' v={matter.name} />
        <KV k='办件状态' v={detail.statusLabel} />
        <Text className='mw-hint'>{CASE_RECORD_HINT}</Text>
        <Button fill='outline' type='primary' block onClick={() => printReport(detail.serialNo)} className='mw-print'>
          打印相关表单
        </Button>
      </View>
      <View className='mw-actions mw-actions--row'>
        <Button onClick={() => Taro.redirectTo({ url: MATTER_PAGES.index })}>返回事项列表</Button>
        <Button type='primary' onClick={() => Taro.redirectTo({ url: MATTER_PAGES.record(detail.serialNo) })} className='mw-to-record'>
          查看办件记录
        </Button>
      </View>
    </View>
  )
}

function FieldRow({ label, required, children }: { label: string; required?: boolean; children: React.ReactNode }) {
  return (
    <View className='mw-field'>
      <Text className='mw-field__label'>
        {required && <Text className='mw-field__star'>*</Text>}
        {label}
      </Text>
      <View className='mw-field__control'>{children}</View>
    </View>
  )
}
