/** Identity and demographic code tables: 证件类型, 性别 (GB/T 2261.1), 民族 (GB/T 3304). */
import { defineCodeTable, type CodeOf } from './table';

/**
 * 证件类型. `'01'` 居民身份证(户口簿) is what the seeds show and the database default. The seeds list no other
 * codes; R004-3 says foreigners use a passport or residence-permit number as 社会保障号, so those are here with
 * our own numbering. `idCard: true` = an 18-character GB 11643 number (MOD 11-2 check char).
 */
export const IdTypes = defineCodeTable([
  { code: '01', key: 'RESIDENT_ID', label: '居民身份证(户口簿)', idCard: true, aliases: ['居民身份证', '身份证', '居民身份证(户口本)', '户口簿'] },
  { code: '02', key: 'HMT_RESIDENCE_PERMIT', label: '港澳台居民居住证', idCard: true },
  { code: '03', key: 'HK_MACAO_PERMIT', label: '港澳居民来往内地通行证', idCard: false },
  { code: '04', key: 'TAIWAN_PERMIT', label: '台湾居民来往大陆通行证', idCard: false },
  { code: '05', key: 'FOREIGN_PERMANENT_RESIDENT', label: '外国人永久居留身份证', idCard: false },
  { code: '06', key: 'PASSPORT', label: '护照', idCard: false, aliases: ['外国人护照'] },
]);
export type IdType = CodeOf<typeof IdTypes>;
export const IdType = IdTypes.keys;

/** 性别 GB/T 2261.1: 1 男, 2 女 (the database stores the digit). */
export const Sexes = defineCodeTable([
  { code: '1', key: 'MALE', label: '男', aliases: ['男性'] },
  { code: '2', key: 'FEMALE', label: '女', aliases: ['女性'] },
]);
export type Sex = CodeOf<typeof Sexes>;
export const Sex = Sexes.keys;

/** 民族: the 56 ethnic groups with their GB/T 3304 codes, in the standard's order (01 汉族 … 56 基诺族). */
export const Ethnicities = defineCodeTable([
  { code: '01', label: '汉族' },
  { code: '02', label: '蒙古族' },
  { code: '03', label: '回族' },
  { code: '04', label: '藏族' },
  { code: '05', label: '维吾尔族' },
  { code: '06', label: '苗族' },
  { code: '07', label: '彝族' },
  { code: '08', label: '壮族' },
  { code: '09', label: '布依族' },
  { code: '10', label: '朝鲜族' },
  { code: '11', label: '满族' },
  { code: '12', label: '侗族' },
  { code: '13', label: '瑶族' },
  { code: '14', label: '白族' },
  { code: '15', label: '土家族' },
  { code: '16', label: '哈尼族' },
  { code: '17', label: '哈萨克族' },
  { code: '18', label: '傣族' },
  { code: '19', label: '黎族' },
  { code: '20', label: '傈僳族' },
  { code: '21', label: '佤族' },
  { code: '22', label: '畲族' },
  { code: '23', label: '高山族' },
  { code: '24', label: '拉祜族' },
  { code: '25', label: '水族' },
  { code: '26', label: '东乡族' },
  { code: '27', label: '纳西族' },
  { code: '28', label: '景颇族' },
  { code: '29', label: '柯尔克孜族' },
  { code: '30', label: '土族' },
  { code: '31', label: '达斡尔族' },
  { code: '32', label: '仫佬族' },
  { code: '33', label: '羌族' },
  { code: '34', label: '布朗族' },
  { code: '35', label: '撒拉族' },
  { code: '36', label: '毛南族' },
  { code: '37', label: '仡佬族' },
  { code: '38', label: '锡伯族' },
  { code: '39', label: '阿昌族' },
  { code: '40', label: '普米族' },
  { code: '41', label: '塔吉克族' },
  { code: '42', label: '怒族' },
  { code: '43', label: '乌孜别克族' },
  { code: '44', label: '俄罗斯族' },
  { code: '45', label: '鄂温克族' },
  { code: '46', label: '德昂族' },
  { code: '47', label: '保安族' },
  { code: '48', label: '裕固族' },
  { code: '49', label: '京族' },
  { code: '50', label: '塔塔尔族' },
  { code: '51', label: '独龙族' },
  { code: '52', label: '鄂伦春族' },
  { code: '53', label: '赫哲族' },
  { code: '54', label: '门巴族' },
  { code: '55', label: '珞巴族' },
  { code: '56', label: '基诺族' },
]);
export type Ethnicity = CodeOf<typeof Ethnicities>;
