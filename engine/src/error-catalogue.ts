import { EXPRESSION_ERROR_CODES } from "./expression/index.js";
import { FORM_COMPILE_ERROR_CODES } from "./form/index.js";
import { KPI_ERROR_CODES } from "./kpi/index.js";
import { RULE_ERROR_CODES } from "./rules/index.js";

/** One family of thrown errors: its class, what raises it, and its codes with their meaning. */
export interface ErrorFamily {
  errorClass: string;
  raisedBy: string;
  codes: Readonly<Record<string, string>>;
}

/**
 * Every code the engine throws, by family: the one catalogue of the package. ERRORS.md is
 * generated from it (`renderErrorCatalogue`) and a test keeps the two equal.
 */
export const ENGINE_ERROR_CATALOGUE: readonly ErrorFamily[] = [
  { errorClass: "ExpressionError", raisedBy: "compileExpression, evaluate", codes: EXPRESSION_ERROR_CODES },
  {
    errorClass: "FormCompileError",
    raisedBy: "compileForm (a definition that skipped validateDefinition)",
    codes: FORM_COMPILE_ERROR_CODES,
  },
  {
    errorClass: "RuleError",
    raisedBy: "buildRuleIndex, planActions, nextFireTimes",
    codes: RULE_ERROR_CODES,
  },
  { errorClass: "KpiError", raisedBy: "compileKpi, periods, assembleKpiResult", codes: KPI_ERROR_CODES },
];

/** The catalogue as Markdown (the content of engine/ERRORS.md). */
export function renderErrorCatalogue(): string {
  const lines = [
    "<!-- Generated from engine/src/error-catalogue.ts by `pnpm --filter @stagecraft/engine errors`; do not edit. -->",
    "# Engine error codes",
    "",
    "Thrown errors carry a stable `code`. Validation problems of user input are not thrown: they",
    "come back as data (`{ path, code, message }` lists) from validateDefinition, submit and transition.",
  ];
  for (const family of ENGINE_ERROR_CATALOGUE) {
    lines.push(
      "",
      `## ${family.errorClass}`,
      "",
      `Raised by ${family.raisedBy}.`,
      "",
      "| code | meaning |",
      "| --- | --- |",
    );
    for (const [code, meaning] of Object.entries(family.codes))
      lines.push(`| \`${code}\` | ${meaning.replace(/\|/g, "\\|")} |`);
  }
  return `${lines.join("\n")}\n`;
}
