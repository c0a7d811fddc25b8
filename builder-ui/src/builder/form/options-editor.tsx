import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Option } from "@stagecraft/schemas";
import { Button, Input, Space } from "antd";
import { useTranslation } from "react-i18next";
import { removeAt, replaceAt } from "../shared/optional.js";

/** A stored value for a new option, unique among the others. */
function freshValue(options: readonly Option[]): string {
  const taken = new Set(options.map((o) => o.value));
  for (let n = options.length + 1; ; n++) if (!taken.has(`option_${n}`)) return `option_${n}`;
}

/** The choices of a select or multiselect: labels in both languages, with add and remove. */
export function OptionsEditor(props: { options: readonly Option[]; onChange: (options: Option[]) => void }) {
  const { t } = useTranslation("builder");
  const { options } = props;
  return (
    <Space orientation="vertical" style={{ width: "100%" }} data-testid="options-editor">
      {options.map((option, index) => (
        <Space.Compact key={index} style={{ width: "100%" }}>
          <Input
            aria-label={t("form.optionZh", { n: index + 1 })}
            placeholder={t("common.zh")}
            value={option.label.zh}
            onChange={(e) => {
              props.onChange(
                replaceAt(options, index, { ...option, label: { ...option.label, zh: e.target.value } }),
              );
            }}
          />
          <Input
            aria-label={t("form.optionEn", { n: index + 1 })}
            placeholder="English"
            value={option.label.en}
            onChange={(e) => {
              props.onChange(
                replaceAt(options, index, { ...option, label: { ...option.label, en: e.target.value } }),
              );
            }}
          />
          <Button
            aria-label={t("form.removeOption", { n: index + 1 })}
            icon={<DeleteOutlined />}
            disabled={options.length <= 1}
            onClick={() => {
              props.onChange(removeAt(options, index));
            }}
          />
        </Space.Compact>
      ))}
      <Button
        icon={<PlusOutlined />}
        size="small"
        onClick={() => {
          const n = options.length + 1;
          props.onChange([
            ...options,
            { value: freshValue(options), label: { zh: `选项${n}`, en: `Option ${n}` } },
          ]);
        }}
      >
        {t("form.addOption")}
      </Button>
    </Space>
  );
}
