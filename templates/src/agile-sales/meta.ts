import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of B2 (seed 002 §1.2). */
export const agileSalesMeta: TemplateMeta = {
  id: "agile-sales",
  name: t("敏捷销售管理", "Agile sales management"),
  summary: t(
    "以销售冲刺为节奏，把打法当作实验快速验证，客户反馈及时推送给产品；流程轻，按反馈不断迭代。",
    "Sales in sprints, tactics tried as experiments and customer feedback sent to product quickly; a light process that iterates on feedback.",
  ),
  whenToUse: t(
    "适合创新型企业、市场变化快、产品更新频繁时。优势：响应快、客户满意度高、能及时抓住新机会。",
    "For innovative firms in fast-moving markets with frequent releases. Strengths: quick response, high customer satisfaction, new opportunities caught in time.",
  ),
  limitations: t(
    "对团队能力要求高，数据记录和复盘难度大：本模板用必填的轻量复盘（继续保持/需要改变）降低复盘门槛。",
    "Needs strong reps; recording and reviewing are hard. This template makes a light retro (keep / change) mandatory to lower the bar.",
  ),
  limitationSource: "seed",
  tags: ["management", "sprints", "experiments", "feedback", "iteration"],
};
