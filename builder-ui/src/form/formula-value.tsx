import type { FormulaResultType } from "@stagecraft/schemas";
import { useTranslation } from "react-i18next";

/** A computed value shown in the way its result type reads (money with 2 places, percent as %). */
export function FormulaValue({
  value,
  resultType,
  precision,
  id,
}: {
  value: unknown;
  resultType: FormulaResultType;
  precision: number | undefined;
  id?: string;
}) {
  const { t, i18n } = useTranslation();
  let text = "—";
  if (typeof value === "number" && Number.isFinite(value)) {
    const places = precision ?? (resultType === "money" ? 2 : undefined);
    const shown = resultType === "percent" ? value * 100 : value;
    text = shown.toLocaleString(
      i18n.language,
      places === undefined ? {} : { minimumFractionDigits: places, maximumFractionDigits: places },
    );
    if (resultType === "percent") text += " %";
  } else if (typeof value === "boolean") {
    text = value ? t("common.yes") : t("common.no");
  } else if (typeof value === "string" && value !== "") {
    text = value;
  }
  return (
    <output id={id} className="formula-value" aria-live="polite">
      {text}
    </output>
  );
}
