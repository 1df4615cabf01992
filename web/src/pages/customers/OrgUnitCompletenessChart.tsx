import { BarChart } from "echarts/charts";
import { GridComponent, MarkLineComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useEffectEvent, useRef } from "react";
import type { ArchiveCompleteness } from "../../api/types.ts";
import { useT } from "../../i18n/index.tsx";
import { formatRate, LEAF_LEVELS, MET_COLOR, NOT_MET_COLOR, toPercent } from "./completenessFormat.ts";

echarts.use([BarChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type Unit = ArchiveCompleteness["byOrgUnit"][number];

/** The lowest class target (C, 80%): units below it are drawn red. */
const FLOOR = 0.8;

interface Props {
  units: Unit[];
  onDrill: (unit: Unit) => void;
}

/** Completion rate per child unit as bars; clicking a bar drills into that unit. */
export function OrgUnitCompletenessChart({ units, onDrill }: Props) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const drill = useEffectEvent((index: number) => {
    const unit = units[index];
    if (unit && !LEAF_LEVELS.has(unit.level)) onDrill(unit);
  });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    chartRef.current = chart;
    // Anywhere in a unit's column counts, not only its bar (a short bar is hard to hit).
    chart.getZr().on("click", (e) => {
      const point = [e.offsetX, e.offsetY];
      if (!chart.containPixel("grid", point)) return;
      const [index] = chart.convertFromPixel({ seriesIndex: 0 }, point) as number[];
      if (index !== undefined && Number.isInteger(index)) drill(index);
    });
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
    chart.setOption(
      {
        grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
        tooltip: {
          trigger: "axis",
          axisPointer: { type: "shadow" },
          formatter: (raw: unknown) => {
            const p = (Array.isArray(raw) ? raw[0] : raw) as { dataIndex?: number } | undefined;
            const u = p?.dataIndex === undefined ? undefined : units[p.dataIndex];
            if (!u) return "";
            return [
              `<b>${u.name}</b>`,
              `${t("archive.rate")}：${formatRate(u.rate)}`,
              `${t("archive.completeCount")}：${u.complete} / ${u.customers}`,
            ].join("<br/>");
          },
        },
        xAxis: {
          type: "category",
          data: units.map((u) => u.name),
          axisLabel: { interval: 0, rotate: units.length > 8 ? 30 : 0 },
        },
        yAxis: { type: "value", min: 0, max: 100, axisLabel: { formatter: "{value}%" } },
        series: [
          {
            type: "bar",
            barMaxWidth: 36,
            cursor: "pointer",
            data: units.map((u) => ({
              value: toPercent(u.rate),
              itemStyle: {
                color: u.customers === 0 ? "#d9d9d9" : u.rate >= FLOOR ? MET_COLOR : NOT_MET_COLOR,
              },
            })),
            label: { show: true, position: "top", formatter: "{c}%" },
            markLine: {
              silent: true,
              symbol: "none",
              lineStyle: { type: "dashed", color: "#8c8c8c" },
              label: {
                position: "insideEndTop",
                backgroundColor: "rgba(255,255,255,0.85)",
                padding: [2, 4],
                formatter: t("archive.target", { target: formatRate(FLOOR) }),
              },
              data: [{ yAxis: toPercent(FLOOR) }],
            },
          },
        ],
      },
      true,
    );
  }, [units, t]);

  return <div ref={ref} data-testid="completeness-chart" style={{ width: "100%", height: 320 }} />;
}
