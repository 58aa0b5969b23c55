// A uPlot chart of one or more series over days. The height is fixed so the
// page does not move when it draws; the width follows the container. One
// series is a filled blue line; several get their own colours and, every
// other one, a dash, so they differ without colour too.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { useEffect, useRef } from "preact/hooks";
import { dayString, parseDay } from "../format";

export interface Series {
  label: string; // the line's name in the legend
  values: number[]; // one per day
}

interface Props {
  days: string[]; // YYYY-MM-DD
  series: Series[];
  label: string; // the chart's accessible name
  xLabel: string; // the x axis' name in the legend
  format: (v: number) => string;
}

const HEIGHT = 220;
const DAY = 86400;
// Ticks a whole number of days apart, named as ISO dates (MM-DD within a year).
const DAY_STEPS = [1, 2, 7, 14, 28, 91, 182, 364].map((d) => d * DAY);
// Told apart by most colour-blind readers too (Okabe–Ito, darkened for contrast).
const COLOURS = ["#0b5fa5", "#c25e00", "#007a5a", "#a8327a", "#5b6675", "#8a6d00"];

function tickNames(long: boolean) {
  return (_u: uPlot, splits: number[]) =>
    splits.map((v) => {
      const day = dayString(new Date(v * 1000));
      return long ? day : day.slice(5);
    });
}

function line(s: Series, i: number, count: number, days: number, format: (v: number) => string): uPlot.Series {
  const one = count === 1;
  return {
    label: s.label,
    stroke: one ? "#2563eb" : COLOURS[i % COLOURS.length],
    fill: one ? "rgba(37, 99, 235, 0.08)" : undefined,
    width: 2,
    dash: !one && i % 2 ? [6, 4] : undefined,
    points: { show: days <= 62 },
    value: (_u: uPlot, v: number | null) => (v == null ? "–" : format(v)),
  };
}

export function LineChart({ days, series, label, xLabel, format }: Props) {
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
        ...series.map((s, i) => line(s, i, series.length, days.length, format)),
      ],
      axes: [
        { incrs: DAY_STEPS, values: tickNames(days.length > 300) },
        { values: (_u, splits) => splits.map((v) => format(v)), size: 70 },
      ],
    };
    const chart = new uPlot(opts, [xs, ...series.map((s) => s.values)], el);
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(el.clientWidth, 200), height: HEIGHT });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days, series, xLabel, format]);

  return <div class="chart" ref={box} role="img" aria-label={label} />;
}
