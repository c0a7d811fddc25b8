import type { FieldType, I18nText } from "@stagecraft/schemas";

/** The name of each field type, in both languages: palette entries and default labels. */
export const FIELD_TYPE_NAMES: Readonly<Record<FieldType, I18nText>> = {
  text: { zh: "单行文本", en: "Text" },
  textarea: { zh: "多行文本", en: "Long text" },
  number: { zh: "数字", en: "Number" },
  money: { zh: "金额", en: "Money" },
  percent: { zh: "百分比", en: "Percent" },
  boolean: { zh: "是/否", en: "Yes / no" },
  date: { zh: "日期", en: "Date" },
  datetime: { zh: "日期时间", en: "Date and time" },
  select: { zh: "单选", en: "Single choice" },
  multiselect: { zh: "多选", en: "Multiple choice" },
  user: { zh: "成员", en: "Member" },
  department: { zh: "部门", en: "Department" },
  reference: { zh: "关联记录", en: "Linked record" },
  subform: { zh: "子表单", en: "Subform" },
  file: { zh: "附件", en: "Files" },
  image: { zh: "图片", en: "Images" },
  phone: { zh: "手机号", en: "Phone" },
  email: { zh: "邮箱", en: "Email" },
  url: { zh: "网址", en: "Link" },
  address: { zh: "地址", en: "Address" },
  rating: { zh: "评分", en: "Rating" },
  serial: { zh: "流水号", en: "Serial number" },
  signature: { zh: "手写签名", en: "Signature" },
  formula: { zh: "公式", en: "Formula" },
  section: { zh: "分组标题", en: "Section" },
};

/** Palette groups, so 25 types read as a few families. */
export const PALETTE_GROUPS: readonly { key: string; types: readonly FieldType[] }[] = [
  { key: "basic", types: ["text", "textarea", "number", "money", "percent", "boolean", "date", "datetime"] },
  { key: "choice", types: ["select", "multiselect", "user", "department", "reference", "rating"] },
  { key: "contact", types: ["phone", "email", "url", "address"] },
  { key: "media", types: ["file", "image", "signature"] },
  { key: "layout", types: ["subform", "section", "formula", "serial"] },
];

/** Field types whose value is a number (formulas, KPI sums, comparisons). */
export const NUMERIC_TYPES: ReadonlySet<string> = new Set(["number", "money", "percent", "rating"]);
/** Field types whose value is a date or an instant. */
export const DATE_TYPES: ReadonlySet<string> = new Set(["date", "datetime"]);
/** Field types that hold no value of their own. */
export const VALUELESS_TYPES: ReadonlySet<string> = new Set(["section"]);
