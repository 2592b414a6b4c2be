/**
 * Code tables of a person's general information (一般信息, R19: 国籍、民族、文化程度、婚姻状况、血型、户口性质、
 * 邮政编码、联系电话) and of a unit's descriptive fields, as the seed's templates write them ("CHN 中国", "21 大学本科",
 * "1 未婚", "4 O型", "102 中国工商银行"). Where the seeds show a code, that code is used; the rest follow the national
 * standard the code came from (GB/T 4762 政治面貌, GB/T 4658 文化程度, CNAPS 银行行别代码), shortened to the entries a
 * clerk picks from. 民族 is `Ethnicities` in person.ts.
 */
import { defineCodeTable, type CodeOf } from './table';

/** 国籍/地区 (ISO 3166-1 alpha-3, as the seed's "CHN 中国"). The common ones; others can be added as met. */
export const Nationalities = defineCodeTable([
  { code: 'CHN', label: '中国', aliases: ['中华人民共和国', '中国大陆'] },
  { code: 'HKG', label: '中国香港', aliases: ['香港'] },
  { code: 'MAC', label: '中国澳门', aliases: ['澳门'] },
  { code: 'TWN', label: '中国台湾', aliases: ['台湾'] },
  { code: 'KOR', label: '韩国' },
  { code: 'JPN', label: '日本' },
  { code: 'SGP', label: '新加坡' },
  { code: 'MYS', label: '马来西亚' },
  { code: 'THA', label: '泰国' },
  { code: 'VNM', label: '越南' },
  { code: 'IND', label: '印度' },
  { code: 'RUS', label: '俄罗斯' },
  { code: 'USA', label: '美国' },
  { code: 'CAN', label: '加拿大' },
  { code: 'GBR', label: '英国' },
  { code: 'FRA', label: '法国' },
  { code: 'DEU', label: '德国' },
  { code: 'ITA', label: '意大利' },
  { code: 'AUS', label: '澳大利亚' },
  { code: 'NZL', label: '新西兰' },
  { code: 'BRA', label: '巴西' },
]);
export type Nationality = CodeOf<typeof Nationalities>;

/** 政治面貌 GB/T 4762. */
export const PoliticalStatuses = defineCodeTable([
  { code: '01', label: '中共党员', aliases: ['中国共产党党员', '党员'] },
  { code: '02', label: '中共预备党员', aliases: ['预备党员'] },
  { code: '03', label: '共青团员', aliases: ['团员'] },
  { code: '04', label: '民革党员' },
  { code: '05', label: '民盟盟员' },
  { code: '06', label: '民建会员' },
  { code: '07', label: '民进会员' },
  { code: '08', label: '农工党党员' },
  { code: '09', label: '致公党党员' },
  { code: '10', label: '九三学社社员' },
  { code: '11', label: '台盟盟员' },
  { code: '12', label: '无党派人士' },
  { code: '13', label: '群众' },
]);
export type PoliticalStatus = CodeOf<typeof PoliticalStatuses>;

/** 文化程度 GB/T 4658 (the graduate levels; the seed writes "21 大学本科"). */
export const Educations = defineCodeTable([
  { code: '11', label: '博士研究生', aliases: ['博士', '博士研究生毕业'] },
  { code: '14', label: '硕士研究生', aliases: ['硕士', '硕士研究生毕业'] },
  { code: '21', label: '大学本科', aliases: ['本科', '大学本科毕业'] },
  { code: '31', label: '大学专科', aliases: ['专科', '大专', '大学专科毕业'] },
  { code: '41', label: '中等专科', aliases: ['中专', '中等专科毕业'] },
  { code: '44', label: '职业高中', aliases: ['职高'] },
  { code: '47', label: '技工学校', aliases: ['技校'] },
  { code: '61', label: '普通高中', aliases: ['高中'] },
  { code: '71', label: '初中', aliases: ['初级中学'] },
  { code: '81', label: '小学' },
  { code: '90', label: '其他' },
]);
export type Education = CodeOf<typeof Educations>;

/** 婚姻状况 (the seed writes "1 未婚" and shows 未说明的婚姻状况). */
export const MaritalStatuses = defineCodeTable([
  { code: '1', label: '未婚' },
  { code: '2', label: '已婚', aliases: ['初婚', '再婚', '复婚'] },
  { code: '3', label: '丧偶' },
  { code: '4', label: '离婚' },
  { code: '9', label: '未说明的婚姻状况', aliases: ['未说明', '其他'] },
]);
export type MaritalStatus = CodeOf<typeof MaritalStatuses>;

/** 血型 (the seed writes "4 O型"). */
export const BloodTypes = defineCodeTable([
  { code: '1', label: 'A型', aliases: ['A'] },
  { code: '2', label: 'B型', aliases: ['B'] },
  { code: '3', label: 'AB型', aliases: ['AB'] },
  { code: '4', label: 'O型', aliases: ['O'] },
  { code: '9', label: '不详', aliases: ['不明', '未知'] },
]);
export type BloodType = CodeOf<typeof BloodTypes>;

/** 户口性质. */
export const HukouTypes = defineCodeTable([
  { code: '1', label: '农业户口', aliases: ['农业'] },
  { code: '2', label: '非农业户口', aliases: ['非农业', '城镇户口'] },
  { code: '3', label: '居民户口', aliases: ['居民'] },
]);
export type HukouType = CodeOf<typeof HukouTypes>;

/** 企业划型 (企业类型 on §3.3.10: "微型企业"). The unit row stores the label, as the seed's unit data does. */
export const EnterpriseSizes = defineCodeTable([
  { code: '1', label: '大型企业', aliases: ['大型'] },
  { code: '2', label: '中型企业', aliases: ['中型'] },
  { code: '3', label: '小型企业', aliases: ['小型'] },
  { code: '4', label: '微型企业', aliases: ['微型'] },
]);
export type EnterpriseSize = CodeOf<typeof EnterpriseSizes>;

/** 银行类别: CNAPS 行别代码 (the seed writes "102 中国工商银行", "403 中国邮政储蓄银行"). */
export const BankCategories = defineCodeTable([
  { code: '102', label: '中国工商银行', aliases: ['工商银行', '工行'] },
  { code: '103', label: '中国农业银行', aliases: ['农业银行', '农行'] },
  { code: '104', label: '中国银行', aliases: ['中行'] },
  { code: '105', label: '中国建设银行', aliases: ['建设银行', '建行'] },
  { code: '301', label: '交通银行', aliases: ['交行'] },
  { code: '302', label: '中信银行' },
  { code: '303', label: '中国光大银行', aliases: ['光大银行'] },
  { code: '304', label: '华夏银行' },
  { code: '305', label: '中国民生银行', aliases: ['民生银行'] },
  { code: '306', label: '广发银行' },
  { code: '307', label: '平安银行' },
  { code: '308', label: '招商银行', aliases: ['招行'] },
  { code: '309', label: '兴业银行' },
  { code: '310', label: '上海浦东发展银行', aliases: ['浦发银行'] },
  { code: '313', label: '城市商业银行', aliases: ['城商行'] },
  { code: '314', label: '农村商业银行', aliases: ['农商行', '农商银行'] },
  { code: '402', label: '农村信用合作社', aliases: ['农村信用社', '信用社'] },
  { code: '403', label: '中国邮政储蓄银行', aliases: ['邮政储蓄银行', '邮储银行'] },
]);
export type BankCategory = CodeOf<typeof BankCategories>;

/** 用工形式 (§3.3.3 form). */
export const EmploymentForms = defineCodeTable([
  { code: '1', label: '合同制', aliases: ['劳动合同制', '合同工'] },
  { code: '2', label: '劳务派遣', aliases: ['派遣'] },
  { code: '3', label: '非全日制', aliases: ['小时工'] },
  { code: '4', label: '聘用制' },
  { code: '9', label: '其他' },
]);
export type EmploymentForm = CodeOf<typeof EmploymentForms>;
