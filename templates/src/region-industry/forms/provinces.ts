import type { Option } from "@stagecraft/schemas";
import { option } from "../../shared/i18n.js";

/**
 * Provinces and municipalities territories are drawn from. TEMPLATES.md gives `province` the
 * `@regions` set, but a territory is a list of provinces, so the template lists provinces.
 */
export const PROVINCES: readonly Option[] = [
  option("beijing", "北京", "Beijing"),
  option("tianjin", "天津", "Tianjin"),
  option("hebei", "河北", "Hebei"),
  option("shanghai", "上海", "Shanghai"),
  option("jiangsu", "江苏", "Jiangsu"),
  option("zhejiang", "浙江", "Zhejiang"),
  option("anhui", "安徽", "Anhui"),
  option("guangdong", "广东", "Guangdong"),
  option("fujian", "福建", "Fujian"),
  option("hubei", "湖北", "Hubei"),
  option("hunan", "湖南", "Hunan"),
  option("sichuan", "四川", "Sichuan"),
  option("chongqing", "重庆", "Chongqing"),
  option("shaanxi", "陕西", "Shaanxi"),
  option("liaoning", "辽宁", "Liaoning"),
  option("shandong", "山东", "Shandong"),
  option("henan", "河南", "Henan"),
  option("other", "其他", "Other"),
];
