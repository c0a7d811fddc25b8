import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { AppDefinition, Rule } from "@stagecraft/schemas";
import { Button, Card, Divider, Form as AntForm, Space, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { ConditionEditor } from "../condition/condition-editor.js";
import { fieldChoicesOf } from "../condition/field-choices.js";
import { useBuilder, useDefinitionStore } from "../store/store-context.js";
import { I18nTextInput } from "../shared/i18n-text-input.js";
import { langOf, textOf } from "../shared/i18n-text.js";
import { ListWithDetails } from "../shared/list-with-details.js";
import { moveItem, removeAt, replaceAt, withOptional } from "../shared/optional.js";
import { ActionEditor } from "./action-editor.js";
import { defaultAction, newRule } from "./rule-factory.js";
import { RunLog } from "./run-log.js";
import { TriggerEditor } from "./trigger-editor.js";

/** Change one rule of the app. */
export function updateRule(
  definition: AppDefinition,
  ruleId: string,
  change: (rule: Rule) => Rule,
): AppDefinition {
  const rules = definition.rules ?? [];
  const index = rules.findIndex((r) => r.id === ruleId);
  const rule = rules[index];
  return rule === undefined ? definition : { ...definition, rules: replaceAt(rules, index, change(rule)) };
}

function RuleDetails(props: { ruleId: string; showRuns: boolean }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const definition = useBuilder((s) => s.definition);
  const rule = definition.rules?.find((r) => r.id === props.ruleId);
  if (rule === undefined) return null;
  const change = (next: Rule, what: string) => {
    store.getState().edit((d) => updateRule(d, props.ruleId, () => next), `rule:${props.ruleId}:${what}`);
  };
  const formId = rule.trigger.form;
  const form = definition.forms.find((f) => f.id === formId);
  return (
    <AntForm layout="vertical" size="small" data-testid="rule-details">
      <Space align="start" wrap>
        <AntForm.Item label={t("rules.name")} style={{ marginBottom: 8, minWidth: 280 }}>
          <I18nTextInput
            label={t("rules.name")}
            optional
            value={rule.name}
            onChange={(name) => {
              change(withOptional(rule, "name", name), "name");
            }}
          />
        </AntForm.Item>
        <AntForm.Item label={t("rules.enabled")} style={{ marginBottom: 8 }}>
          <Switch
            aria-label={t("rules.enabled")}
            checked={rule.enabled !== false}
            onChange={(on) => {
              change(withOptional(rule, "enabled", on ? undefined : false), "enabled");
            }}
          />
        </AntForm.Item>
      </Space>
      <Divider titlePlacement="start" plain>
        {t("rules.when1")}
      </Divider>
      <TriggerEditor
        definition={definition}
        value={rule.trigger}
        lang={lang}
        onChange={(trigger) => {
          change({ ...rule, trigger }, "trigger");
        }}
      />
      <Divider titlePlacement="start" plain>
        {t("rules.when2")}
      </Divider>
      <div data-testid="rule-condition">
        {form === undefined ? (
          <Typography.Text type="secondary">{t("rules.noConditionWithoutForm")}</Typography.Text>
        ) : (
          <ConditionEditor
            value={rule.when}
            fields={fieldChoicesOf(form, lang)}
            onChange={(when) => {
              change(withOptional(rule, "when", when), "when");
            }}
          />
        )}
      </div>
      <Divider titlePlacement="start" plain>
        {t("rules.then")}
      </Divider>
      <Space orientation="vertical" style={{ width: "100%" }}>
        {rule.actions.map((action, i) => (
          <Card
            key={i}
            size="small"
            title={t("rules.actionN", { n: i + 1 })}
            extra={
              <Space size={0}>
                <Button
                  type="text"
                  size="small"
                  aria-label={t("rules.actionUp", { n: i + 1 })}
                  icon={<ArrowUpOutlined />}
                  disabled={i === 0}
                  onClick={() => {
                    change({ ...rule, actions: moveItem(rule.actions, i, i - 1) }, "actions");
                  }}
                />
                <Button
                  type="text"
                  size="small"
                  aria-label={t("rules.actionDown", { n: i + 1 })}
                  icon={<ArrowDownOutlined />}
                  disabled={i === rule.actions.length - 1}
                  onClick={() => {
                    change({ ...rule, actions: moveItem(rule.actions, i, i + 1) }, "actions");
                  }}
                />
                <Button
                  type="text"
                  size="small"
                  danger
                  aria-label={t("rules.removeAction", { n: i + 1 })}
                  icon={<DeleteOutlined />}
                  disabled={rule.actions.length <= 1}
                  onClick={() => {
                    change({ ...rule, actions: removeAt(rule.actions, i) }, "actions");
                  }}
                />
              </Space>
            }
          >
            <ActionEditor
              definition={definition}
              formId={formId}
              value={action}
              index={i}
              lang={lang}
              onChange={(next) => {
                change({ ...rule, actions: replaceAt(rule.actions, i, next) }, `action:${i}`);
              }}
            />
          </Card>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            change(
              {
                ...rule,
                actions: [
                  ...rule.actions,
                  defaultAction("notify", definition, formId ?? definition.forms[0]?.id ?? ""),
                ],
              },
              "actions",
            );
          }}
        >
          {t("rules.addAction")}
        </Button>
      </Space>
      {props.showRuns && (
        <>
          <Divider />
          <RunLog ruleId={rule.id} />
        </>
      )}
    </AntForm>
  );
}

/** The automation rules of the app: a list with on/off switches, and the selected rule's trigger → conditions → actions. */
export function RuleEditor(props: { showRuns?: boolean }) {
  const { t, i18n } = useTranslation("builder");
  const lang = langOf(i18n.language);
  const store = useDefinitionStore();
  const rules = useBuilder((s) => s.definition.rules);
  return (
    <ListWithDetails
      words="rules"
      listWidth={280}
      items={rules ?? []}
      title={(rule) => textOf(rule.name, lang) || rule.id}
      description={(rule) => t(`rules.triggers.${rule.trigger.type}`)}
      removeLabel={(rule) => t("rules.removeNamed", { name: textOf(rule.name, lang) || rule.id })}
      actions={(rule) => [
        <Switch
          key="on"
          size="small"
          aria-label={t("rules.enableNamed", { name: textOf(rule.name, lang) || rule.id })}
          checked={rule.enabled !== false}
          onClick={(_, e) => {
            e.stopPropagation();
          }}
          onChange={(on) => {
            store
              .getState()
              .edit((d) => updateRule(d, rule.id, (r) => withOptional(r, "enabled", on ? undefined : false)));
          }}
        />,
      ]}
      onAdd={() => {
        const rule = newRule(store.getState().definition);
        store.getState().edit((d) => ({ ...d, rules: [...(d.rules ?? []), rule] }));
        return rule.id;
      }}
      onRemove={(rule) => {
        store.getState().edit((d) => ({ ...d, rules: (d.rules ?? []).filter((r) => r.id !== rule.id) }));
      }}
      details={(id) => <RuleDetails key={id} ruleId={id} showRuns={props.showRuns !== false} />}
    />
  );
}
