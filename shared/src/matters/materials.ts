/**
 * 附件材料 rule (R09): "必传材料必须上传才能办理，分组材料在同一组别内至少上传一种材料，可选材料可自行选择是否上传，
 * 不影响办理业务". Images only: JPG/JPEG/PNG up to 5 MB each (R08, ATTACHMENT_MAX_BYTES in rules.ts).
 */
import type { MaterialSlot } from './types';

export const MATERIAL_REQUIREMENT_LABELS = { REQUIRED: '必传', OPTIONAL: '可选', GROUP: '分组' } as const;

export const MATERIALS_HEADER = '附件材料(请提供相关材料原件的影印件)';
export const MATERIALS_CONSTRAINT = '需要上传的资料：图片格式JPG、JPEG、PNG，文件大小5M以内。';
export const MATERIALS_RULE =
  '必传材料必须上传才能办理，分组材料在同一组别内至少上传一种材料，可选材料可自行选择是否上传，不影响办理业务';

export const DEFAULT_MATERIAL_MAX_FILES = 5;

export interface MaterialCheck {
  readonly ok: boolean;
  /** 必传 materials not uploaded (names). */
  readonly missingRequired: readonly string[];
  /** Groups with nothing uploaded: group name and the names of its materials. */
  readonly missingGroups: readonly { group: string; names: readonly string[] }[];
  /** One Chinese sentence for the error message, '' when ok. */
  readonly message: string;
}

/** Check the uploaded material codes against a matter's slots. */
export function checkMaterials(slots: readonly MaterialSlot[], uploadedCodes: Iterable<string>): MaterialCheck {
  const uploaded = new Set(uploadedCodes);
  const missingRequired = slots.filter((s) => s.requirement === 'REQUIRED' && !uploaded.has(s.code)).map((s) => `《${s.name}》`);
  const groups = new Map<string, MaterialSlot[]>();
  for (const s of slots) {
    if (s.requirement !== 'GROUP') continue;
    const g = s.group ?? '分组1';
    groups.set(g, [...(groups.get(g) ?? []), s]);
  }
  const missingGroups: { group: string; names: string[] }[] = [];
  for (const [group, members] of groups) {
    if (!members.some((m) => uploaded.has(m.code))) missingGroups.push({ group, names: members.map((m) => `《${m.name}》`) });
  }
  const parts: string[] = [];
  if (missingRequired.length) parts.push(`请上传必传材料${missingRequired.join('、')}`);
  for (const g of missingGroups) parts.push(`${g.group}请至少上传一种材料（${g.names.join('或')}）`);
  return { ok: parts.length === 0, missingRequired, missingGroups, message: parts.join('；') };
}

/** The slot of a matter by code, or undefined. */
export function materialSlot(slots: readonly MaterialSlot[], code: string): MaterialSlot | undefined {
  return slots.find((s) => s.code === code);
}
