/**
 * File transfer beside the JSON client (services/api.ts): multipart uploads with progress (材料图片, 报盘文件)
 * and picking a spreadsheet. weapp uses Taro.uploadFile / chooseMessageFile; H5 uses XMLHttpRequest (upload
 * progress) and a file input. Downloads of generated files (报盘模板, 导出) are platform/downloadFile.ts.
 * Errors are ApiError with the server's Chinese message.
 */
import Taro from '@tarojs/taro'
import { apiErrorOf, authHeader } from '../../platform/downloadFile'
import { API_BASE, refreshSession } from '../../services/api'

export interface PickedFile {
  /** weapp temp path, or the file name on H5 */
  path: string
  name: string
  size: number
  /** H5 only */
  file?: File
}

function sendOnce(path: string, picked: PickedFile, onProgress?: (percent: number) => void): Promise<{ status: number; text: string }> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const xhr = new XMLHttpRequest()
      xhr.open('POST', API_BASE + path)
      for (const [k, v] of Object.entries(authHeader())) xhr.setRequestHeader(k, v)
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100))
      }
      xhr.onload = () => resolve({ status: xhr.status, text: xhr.responseText })
      xhr.onerror = () => resolve({ status: 0, text: '' })
      const form = new FormData()
      if (picked.file) form.append('file', picked.file, picked.name)
      xhr.send(form)
    })
  }
  return new Promise((resolve) => {
    const task = Taro.uploadFile({
      url: API_BASE + path,
      filePath: picked.path,
      name: 'file',
      header: authHeader(),
      success: (res) => resolve({ status: res.statusCode, text: String(res.data ?? '') }),
      fail: () => resolve({ status: 0, text: '' })
    })
    task?.onProgressUpdate?.((p) => onProgress?.(p.progress))
  })
}

/** POST a file as multipart/form-data (field `file`); parses the JSON answer. Refreshes an expired token once. */
export async function uploadFile<T>(path: string, picked: PickedFile, onProgress?: (percent: number) => void): Promise<T> {
  let res = await sendOnce(path, picked, onProgress)
  if (res.status === 401 && (await refreshSession())) res = await sendOnce(path, picked, onProgress)
  if (res.status >= 200 && res.status < 300) return JSON.parse(res.text) as T
  throw apiErrorOf(res.status, res.text, '上传失败，请稍后重试')
}

/** Pick one .xlsx file: a file input on H5, a file from a chat on weapp (chooseMessageFile). null when cancelled. */
export function chooseSpreadsheet(): Promise<PickedFile | null> {
  if (process.env.TARO_ENV === 'weapp') {
    return Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] })
      .then((r) => {
        const f = r.tempFiles[0]
        return f ? { path: f.path, name: f.name, size: f.size } : null
      })
      .catch(() => null)
  }
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    input.style.display = 'none'
    input.onchange = () => {
      const file = input.files?.[0]
      input.remove()
      resolve(file ? { path: file.name, name: file.name, size: file.size, file } : null)
    }
    document.body.appendChild(input)
    input.click()
  })
}
