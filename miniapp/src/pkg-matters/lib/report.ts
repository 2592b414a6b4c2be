import { openPdf } from '../../platform/openPdf'
import { toastError } from '../../services/toast'

/** 打印相关表单 / 预览申报表: the case's generated report (申报表 / 花名册; a draft's carries 预览) as a PDF. */
export async function printReport(serialNo: string): Promise<void> {
  try {
    await openPdf(`/api/cases/${serialNo}/report`)
  } catch (e) {
    toastError(e instanceof Error ? e.message : '申报表生成失败，请稍后重试')
  }
}
