// A uPlot line chart of one series over days. The height is fixed so the page
// does not move when it draws; the width follows the container.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "preact/hooks";
import { dayString, parseDay } from "../format";

interface Props {
  days: string[]; // YYYY-MM-DD
  values: number[];
  label: string; // the chart's accessible name
  seriesLabel: string; // the line's name in the legend
  xLabel: string; // the x axis' name in the legend
  format: (v: number) => string;
}

const HEIGHT = 220;
const DAY = 86400;
// Ticks a whole number of days apart, named as ISO dates (MM-DD within a year).
const DAY_STEPS = [1, 2, 7, 14, 28, 91, 182, 364].map((d) => d * DAY);

function tickNames(long: boolean) {
  return (_u: uPlot, splits: number[]) =>
    splits.map((v) => {
      const day = dayString(new Date(v * 1000));
      return long ? day : day.slice(5);
    });
}

export function LineChart({ days, values, label, seriesLabel, xLabel, format }: Props) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xs = days.map((d) => (parseDay(d)?.getTime() ?? 0) / 1000);
    const opts: uPlot.Options = {
      width: Math.max(el.clientWidth, 200),
      height: HEIGHT,
      scales: { x: { time: true } },
      series: [
        { label: xLabel, value: "{YYYY}-{MM}-{DD}" },
        {
          label: seriesLabel,
          stroke: "#2563eb",
          fill: "rgba(37, 99, 235, 0.08)",
          width: 2,
          points: { show: days.length <= 62 },
          value: (_u, v) => (v == null ? "–" : format(v)),
        },
      ],
      axes: [
        { incrs: DAY_STEPS, values: tickNames(days.length > 300) },
        { values: (_u, splits) => splits.map((v) => format(v)), size: 70 },
      ],
    };
    const chart = new uPlot(opts, [xs, values], el);
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(el.clientWidth, 200), height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, values, seriesLabel, xLabel, format]);

  return <div class="chart" ref={box} role="img" aria-label={label} />;
}
