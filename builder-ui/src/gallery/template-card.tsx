import { EyeOutlined, RocketOutlined } from "@ant-design/icons";
import { Button, Card, Checkbox, Space, Statistic, Tag, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import type { TemplateSummary } from "../api/types.js";
import { useLocalized } from "../i18n/localized.js";

/** One template of the gallery: what it is, when to use it, where it falls short, and its size. */
export function TemplateCard({
  template,
  selected,
  busy,
  onSelect,
  onPreview,
  onUse,
}: {
  template: TemplateSummary;
  selected: boolean;
  busy: boolean;
  onSelect: (selected: boolean) => void;
  onPreview: () => void;
  onUse: () => void;
}) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const name = localized(template.name);
  return (
    <Card
      data-template={template.id}
      style={{ height: "100%", display: "flex", flexDirection: "column" }}
      styles={{ body: { flex: 1, display: "flex", flexDirection: "column", gap: 10 } }}
      title={
        <Space>
          <Checkbox
            aria-label={t("gallery.selectToCombine", { name })}
            checked={selected}
            onChange={(event) => {
              onSelect(event.target.checked);
            }}
          />
          <span>{name}</span>
        </Space>
      }
      actions={[
        <Button key="preview" type="text" icon={<EyeOutlined />} onClick={onPreview}>
          {t("gallery.preview")}
        </Button>,
        <Button key="use" type="link" icon={<RocketOutlined />} loading={busy} onClick={onUse}>
          {t("gallery.use")}
        </Button>,
      ]}
    >
      <Typography.Paragraph style={{ margin: 0 }}>{localized(template.summary)}</Typography.Paragraph>
      <div>
        <Typography.Text strong>{t("gallery.whenToUse")}</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {localized(template.whenToUse)}
        </Typography.Paragraph>
      </div>
      <div>
        <Space size={4}>
          <Typography.Text strong>{t("gallery.limitations")}</Typography.Text>
          {template.limitationSource === "inferred" && (
            <Tooltip title={t("gallery.editorialHelp")}>
              <Tag color="gold">{t("gallery.editorial")}</Tag>
            </Tooltip>
          )}
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {localized(template.limitations)}
        </Typography.Paragraph>
      </div>
      <div style={{ display: "grid", gridTemplateColumns: "repeat(4, 1fr)", marginTop: "auto", gap: 4 }}>
        <Statistic title={t("gallery.forms")} value={template.counts.forms} />
        <Statistic title={t("gallery.stages")} value={template.counts.stages} />
        <Statistic title={t("gallery.rules")} value={template.counts.rules} />
        <Statistic title={t("gallery.kpis")} value={template.counts.kpis} />
      </div>
      {template.tags.length > 0 && (
        <div>
          {template.tags.map((tag) => (
            <Tag key={tag}>{tag}</Tag>
          ))}
        </div>
      )}
    </Card>
  );
}
