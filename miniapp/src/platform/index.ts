// Platform differences, one function each (weapp vs H5 decided at build time by process.env.TARO_ENV).
export { scanCode, MANUAL_CODE_ENTRY } from './scanCode'
export { chooseImages, MAX_IMAGE_BYTES, type ChosenImage, type ChooseImagesResult } from './chooseImages'
export { openPdf } from './openPdf'
export { downloadFile, authHeader, apiErrorOf } from './downloadFile'
