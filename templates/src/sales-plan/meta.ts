import type { TemplateMeta } from "../template-entry.js";
import { t } from "../shared/i18n.js";

/** Gallery metadata of the flagship (seed 000; its uplift figures are marketing and not repeated). */
export const salesPlanMeta: TemplateMeta = {
  id: "sales-plan",
  name: t("销售运营计划", "Sales operations plan"),
  summary: t(
    "闭环的销售运营计划：SMART 年度目标逐级拆解到个人和月度；客户画像与分层；线索→商机→报价合同→跟进回访；周复盘与看板把数据反馈回计划。",
    "A closed-loop sales operations plan: a SMART annual goal broken down to person and month; customer profiles and tiers; lead → deal → quote/contract → follow-up; weekly reviews and dashboards feed the data back into the plan.",
  ),
  whenToUse: t(
    "适合需要把年度目标落实到团队和个人、并用统一流程管理客户与商机的销售团队。优势：方向明确，减少无效努力；按区域、客群、产品配置人员与预算；流程标准化，避免机会流失；关键指标实时可见，便于及时调整；任务与数据共享，团队协同。",
    "For sales teams that must turn an annual target into team and personal targets and run customers and deals through one process. Strengths: a clear direction with less wasted effort; people and budget allocated by region, segment and product; a standard process so opportunities are not lost; key metrics visible in real time for quick adjustment; shared tasks and data for team collaboration.",
  ),
  limitations: t(
    "覆盖面广（10 张表单），一次全部上线门槛高：原文建议小步快跑，先上线客户与跟进，再扩展商机与报价合同，最后是目标、复盘与看板。依赖规范的数据录入和培训；工具不是万能钥匙，计划也不是一劳永逸，需要随市场和团队变化持续调整；目标定得过高反而打击士气。",
    "Broad (10 forms), so switching everything on at once is hard: the source advises small steps — customers and follow-ups first, then deals and quotes/contracts, then goals, reviews and dashboards. It depends on disciplined data entry and training; a tool is no silver bullet and a plan is never done: it must be adjusted as the market and team change; targets set too high demotivate.",
  ),
  limitationSource: "seed",
  tags: [
    "flagship",
    "goals",
    "goal-breakdown",
    "pipeline",
    "contracts",
    "follow-up",
    "weekly-review",
    "dashboards",
  ],
};
