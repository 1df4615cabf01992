import { Card, Flex, Tag, Typography } from "antd";
import { Fragment } from "react";
import { useI18n } from "../../i18n/index.tsx";
import type { RuleSetDefinition } from "./api.ts";
import { classLabel } from "./useClassName.ts";
import { useConditionText } from "./useConditionText.ts";

/**
 * A rule set as its reader checks it against the source documents: the classes in the order they are
 * tried, each rule with its conditions (all must hold), and where the rest of the customers go.
 */
export function RuleSetDefinitionView({ definition }: { definition: RuleSetDefinition }) {
  const { t, locale } = useI18n();
  const conditionText = useConditionText();
  return (
    <Flex vertical gap={12} data-testid="rule-set-definition">
      <Typography.Text type="secondary">{t("grading.howItWorks")}</Typography.Text>
      {definition.classes.map((cls, i) => (
        <Card
          key={cls.code}
          size="small"
          data-testid={`rule-class-${cls.code}`}
          title={
            <Flex gap={8} align="center">
              <Tag color="blue">{t("grading.priority", { n: i + 1 })}</Tag>
              <Typography.Text strong>{classLabel(cls, locale)}</Typography.Text>
              <Typography.Text type="secondary">{cls.code}</Typography.Text>
            </Flex>
          }
          extra={<Typography.Text type="secondary">{t("grading.anyRule")}</Typography.Text>}
        >
          {cls.rules.length === 0 ? (
            <Typography.Text type="secondary">{t("grading.noRules")}</Typography.Text>
          ) : (
            <Flex vertical gap={8}>
              {cls.rules.map((rule) => (
                <Flex key={rule.id} vertical gap={2}>
                  <Flex gap={4} wrap align="center">
                    {rule.all.map((c, k) => (
                      // A condition has no id; what it says is unique enough within one rule.
                      <Fragment key={`${c.field}:${c.op}:${JSON.stringify(c.value)}`}>
                        {k > 0 ? (
                          <Typography.Text type="secondary">{t("grading.and")}</Typography.Text>
                        ) : null}
                        <Tag style={{ marginInlineEnd: 0 }}>{conditionText(c)}</Tag>
                      </Fragment>
                    ))}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {rule.description} · {rule.id}
                  </Typography.Text>
                </Flex>
              ))}
            </Flex>
          )}
        </Card>
      ))}
      <Card size="small" data-testid="rule-fallback">
        {definition.fallback ? (
          <Flex gap={8} wrap align="center">
            <Typography.Text>{t("grading.fallbackTo")}</Typography.Text>
            <Typography.Text strong>{classLabel(definition.fallback, locale)}</Typography.Text>
            <Typography.Text type="secondary">
              {definition.fallback.code} · {definition.fallback.reason}
            </Typography.Text>
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t("grading.noFallback")}</Typography.Text>
        )}
      </Card>
    </Flex>
  );
}
