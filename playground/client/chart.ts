/**
 * Charts as inline SVG, drawn from what the add-on recorded (type, data ranges resolved to values, options) in the
 * look of Sheets' charts: its palette, a title top-left, the legend on the right.
 */
import type { ChartView } from '../view';
import { escapeHtml } from './html';

const PALETTE = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6', '#7baaf7', '#f07b72', '#fcd04f', '#71c287'];
const FONT = 'font-family="Roboto, Arial, sans-serif"';
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });

function title(chart: ChartView): string {
  return chart.title ? `<text x="16" y="26" ${FONT} font-size="15" font-weight="500" fill="#202124">${escapeHtml(chart.title)}</text>` : '';
}

function legend(items: Array<{ label: string; color: string; detail?: string }>, x: number, y: number): string {
  return items
    .map((item, i) => {
      const top = y + i * 22;
      const detail = item.detail ? ` <tspan fill="#5f6368">${escapeHtml(item.detail)}</tspan>` : '';
      return `<rect x="${x}" y="${top - 9}" width="10" height="10" rx="2" fill="${item.color}"/><text x="${x + 16}" y="${top}" ${FONT} font-size="12" fill="#3c4043">${escapeHtml(item.label)}${detail}</text>`;
    })
    .join('');
}

function pie(chart: ChartView): string {
  const values = chart.series[0]?.values ?? [];
  const total = values.reduce((sum, v) => sum + Math.max(0, v), 0);
  const hole = typeof chart.options.pieHole === 'number' ? Math.min(0.9, Math.max(0, chart.options.pieHole)) : 0;
  const r = Math.min(chart.height - 70, chart.width * 0.5) / 2;
  const cx = 24 + r;
  const cy = 44 + (chart.height - 44) / 2 - 6;
  const slices: string[] = [];
  let angle = -Math.PI / 2;
  const point = (a: number, radius: number): string => `${(cx + radius * Math.cos(a)).toFixed(2)} ${(cy + radius * Math.sin(a)).toFixed(2)}`;
  values.forEach((value, i) => {
    if (value <= 0 || total <= 0) return;
    const share = value / total;
    const color = PALETTE[i % PALETTE.length]!;
    if (share >= 0.9999) {
      slices.push(`<circle cx="${cx}" cy="${cy}" r="${r}" fill="${color}"/>`);
    } else {
      const end = angle + share * 2 * Math.PI;
      const large = share > 0.5 ? 1 : 0;
      slices.push(`<path d="M ${point(angle, r)} A ${r} ${r} 0 ${large} 1 ${point(end, r)} L ${cx} ${cy} Z" fill="${color}" stroke="#fff" stroke-width="1.5"/>`);
      if (share >= 0.06) {
        const mid = angle + share * Math.PI;
        const at = point(mid, r * (hole ? (1 + hole) / 2 : 0.62)).split(' ');
        slices.push(`<text x="${at[0]}" y="${at[1]}" ${FONT} font-size="12" fill="#fff" text-anchor="middle" dominant-baseline="middle">${percent.format(share)}</text>`);
      }
      angle = end;
    }
  });
  const donut = hole > 0 ? `<circle cx="${cx}" cy="${cy}" r="${(r * hole).toFixed(2)}" fill="#fff"/>` : '';
  const items = chart.labels.map((label, i) => ({
    label,
    color: PALETTE[i % PALETTE.length]!,
    detail: total > 0 ? percent.format(Math.max(0, values[i] ?? 0) / total) : '',
  }));
  const legendTop = cy - ((items.length - 1) * 22) / 2;
  return slices.join('') + donut + legend(items, cx + r + 36, legendTop);
}

function axes(chart: ChartView, horizontal: boolean): string {
  const all = chart.series.flatMap((s) => s.values);
  const max = Math.max(0, ...all);
  const min = Math.min(0, ...all);
  const span = max - min || 1;
  const step = niceStep(span / 4);
  const top = Math.ceil(max / step) * step;
  const bottom = Math.floor(min / step) * step;
  // A bar chart's labels sit left of the bars: room for the longest (about 6.5 px a character), up to a third of the chart.
  const labelRoom = Math.min(chart.width / 3, Math.max(110, 16 + 6.5 * Math.max(0, ...chart.labels.map((l) => l.length))));
  const plot = { left: horizontal ? labelRoom : 56, right: chart.width - 130, top: 48, bottom: chart.height - 36 };
  const parts: string[] = [];
  const scale = (v: number): number =>
    horizontal
      ? plot.left + ((v - bottom) / (top - bottom || 1)) * (plot.right - plot.left)
      : plot.bottom - ((v - bottom) / (top - bottom || 1)) * (plot.bottom - plot.top);
  for (let v = bottom; v <= top + step / 2; v += step) {
    const p = scale(v).toFixed(1);
    parts.push(
      horizontal
        ? `<line x1="${p}" y1="${plot.top}" x2="${p}" y2="${plot.bottom}" stroke="#e8eaed"/><text x="${p}" y="${plot.bottom + 16}" ${FONT} font-size="11" fill="#5f6368" text-anchor="middle">${compact.format(v)}</text>`
        : `<line x1="${plot.left}" y1="${p}" x2="${plot.right}" y2="${p}" stroke="#e8eaed"/><text x="${plot.left - 8}" y="${p}" ${FONT} font-size="11" fill="#5f6368" text-anchor="end" dominant-baseline="middle">${compact.format(v)}</text>`,
    );
  }
  const n = chart.labels.length || 1;
  const band = ((horizontal ? plot.bottom - plot.top : plot.right - plot.left) / n);
  const seriesCount = chart.series.length || 1;
  chart.labels.forEach((label, i) => {
    const center = (horizontal ? plot.top : plot.left) + band * (i + 0.5);
    parts.push(
      horizontal
        ? `<text x="${plot.left - 8}" y="${center.toFixed(1)}" ${FONT} font-size="11" fill="#5f6368" text-anchor="end" dominant-baseline="middle">${escapeHtml(label)}</text>`
        : `<text x="${center.toFixed(1)}" y="${plot.bottom + 16}" ${FONT} font-size="11" fill="#5f6368" text-anchor="middle">${escapeHtml(label)}</text>`,
    );
    if (chart.type === 'LINE') return;
    chart.series.forEach((series, s) => {
      const thickness = (band * 0.7) / seriesCount;
      const offset = center - (band * 0.7) / 2 + thickness * s;
      const a = scale(0);
      const b = scale(series.values[i] ?? 0);
      const color = PALETTE[s % PALETTE.length]!;
      parts.push(
        horizontal
          ? `<rect x="${Math.min(a, b).toFixed(1)}" y="${offset.toFixed(1)}" width="${Math.abs(b - a).toFixed(1)}" height="${thickness.toFixed(1)}" fill="${color}"/>`
          : `<rect x="${offset.toFixed(1)}" y="${Math.min(a, b).toFixed(1)}" width="${thickness.toFixed(1)}" height="${Math.abs(b - a).toFixed(1)}" fill="${color}"/>`,
      );
    });
  });
  if (chart.type === 'LINE') {
    chart.series.forEach((series, s) => {
      const points = series.values.map((v, i) => `${(plot.left + band * (i + 0.5)).toFixed(1)},${scale(v).toFixed(1)}`).join(' ');
      parts.push(`<polyline points="${points}" fill="none" stroke="${PALETTE[s % PALETTE.length]}" stroke-width="2"/>`);
    });
  }
  parts.push(legend(chart.series.map((s, i) => ({ label: s.name, color: PALETTE[i % PALETTE.length]! })), plot.right + 20, plot.top + 10));
  return parts.join('');
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw || 1));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 5 ? 5 : 10) * power;
}

export function chartSvg(chart: ChartView): string {
  const body = chart.type === 'PIE' ? pie(chart) : axes(chart, chart.type === 'BAR');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${chart.width}" height="${chart.height}" viewBox="0 0 ${chart.width} ${chart.height}" role="img" aria-label="${escapeHtml(chart.title || 'Chart')}"><rect width="100%" height="100%" fill="#fff"/>${title(chart)}${body}</svg>`;
}
