import Taro from '@tarojs/taro'

/** Materials (附件材料): JPG/JPEG/PNG up to 5 MB each (PRODUCT.md §4). */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024

export interface ChosenImage {
  /** Local path (weapp temp file) or blob URL (H5), usable with Taro.uploadFile and <Image src>. */
  path: string
  size: number
  /** H5 only: the File, for uploads through fetch/FormData. */
  file?: File
}

export interface ChooseImagesResult {
  images: ChosenImage[]
  /** Picked but refused, with the reason in Chinese. */
  rejected: { name: string; reason: string }[]
}

const TYPE_REASON = '仅支持 JPG、JPEG、PNG 格式'
const SIZE_REASON = '图片超过 5 MB'

/**
 * Pick up to `count` images from the album or camera; refuse other types and files over 5 MB.
 * - weapp: chooseMedia (compressed);
 * - H5: a file input (Taro.chooseImage), keeping the File object for upload.
 * Resolves with an empty list when the person cancels.
 */
export async function chooseImages(count = 9): Promise<ChooseImagesResult> {
  const images: ChosenImage[] = []
  const rejected: ChooseImagesResult['rejected'] = []
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      for (const f of res.tempFiles) {
        const name = f.tempFilePath.split('/').pop() ?? f.tempFilePath
        if (!/\.(jpe?g|png)$/i.test(name)) rejected.push({ name, reason: TYPE_REASON })
        else if (f.size > MAX_IMAGE_BYTES) rejected.push({ name, reason: SIZE_REASON })
        else images.push({ path: f.tempFilePath, size: f.size })
      }
    } else {
      const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] })
      for (const f of res.tempFiles) {
        const file = (f as { originalFileObj?: File }).originalFileObj
        const name = file?.name ?? f.path
        if (file && !/^image\/(jpeg|png)$/.test(file.type)) rejected.push({ name, reason: TYPE_REASON })
        else if (f.size > MAX_IMAGE_BYTES) rejected.push({ name, reason: SIZE_REASON })
        else images.push({ path: f.path, size: f.size, file })
      }
    }
  } catch {
    // cancelled
  }
  return { images, rejected }
}
