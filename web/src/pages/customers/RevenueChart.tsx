import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";
import type { CustomerOverview } from "../../api/types.ts";
import { fenToYuan, formatYuan } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/index.tsx";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const GROUP_COLOR = "#1d4ed8";
const MEMBER_COLOR = "#60a5fa";

interface TooltipParam {
  axisValueLabel?: string;
  marker?: string;
  seriesName?: string;
  value?: unknown;
}

/** Monthly revenue, group-paid and member-paid stacked, in yuan. */
export function RevenueChart({ months }: { months: CustomerOverview["revenue"] }) {
  const { t, locale } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart) return;
    const compact = new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 });
    const sorted = [...months].sort((a, b) => a.month.localeCompare(b.month));
    const yuan = (v: unknown) => formatYuan(Math.round(Number(v) * 100));
    chart.setOption(
      {
        color: [GROUP_COLOR, MEMBER_COLOR],
        grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
        legend: { top: 0 },
        tooltip: {
          trigger: "axis",
          axisPointer: { type: "shadow" },
          formatter: (raw: unknown) => {
            const params = (Array.isArray(raw) ? raw : [raw]) as TooltipParam[];
            const total = params.reduce((sum, p) => sum + Number(p.value ?? 0), 0);
            const rows = params.map((p) => `${p.marker ?? ""}${p.seriesName ?? ""}：${yuan(p.value)}`);
            return [
              params[0]?.axisValueLabel ?? "",
              ...rows,
              `${t("customer360.revenueTotal")}：<b>${yuan(total)}</b>`,
            ].join("<br/>");
          },
        },
        xAxis: { type: "category", data: sorted.map((m) => m.month.slice(0, 7)) },
        yAxis: { type: "value", axisLabel: { formatter: (v: number) => `¥${compact.format(v)}` } },
        series: [
          {
            name: t("customer360.groupPaid"),
            type: "bar",
            stack: "revenue",
            data: sorted.map((m) => fenToYuan(m.groupPaidFen)),
          },
          {
            name: t("customer360.memberPaid"),
            type: "bar",
            stack: "revenue",
            data: sorted.map((m) => fenToYuan(m.memberPaidFen)),
          },
        ],
      },
      true,
    );
  }, [months, t, locale]);

  return <div ref={ref} data-testid="revenue-chart" style={{ width: "100%", height: 320 }} />;
}
