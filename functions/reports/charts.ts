import type { Report } from '@loket/core';

/**
 * The report's charts as SVG, rendered on the server by Vega-Lite (no script reaches the browser; the
 * page's CSP forbids any). Vega loads only when a report page is opened.
 */
const render = async (spec: Record<string, unknown>) => {
  const [vega, vl] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vl.compile({ $schema: 'https://vega.github.io/schema/vega-lite/v6.json', ...spec } as never).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
};

const AXIS = {
  labelFont: 'DejaVu Sans, sans-serif',
  titleFont: 'DejaVu Sans, sans-serif',
  labelFontSize: 11,
  titleFontSize: 11,
  labelLimit: 220,
};

/** Finished on time, per service (percent), with the number finished as a label. */
export const onTimeChart = (r: Report) =>
  render({
    width: 300,
    height: { step: 22 },
    data: {
      values: r.services
        .filter((s) => s.finished > 0)
        .map((s) => ({ layanan: s.name, persen: s.onTimeRate ?? 0, selesai: s.finished })),
    },
    layer: [
      {
        mark: { type: 'bar', color: '#00703c' },
        encoding: {
          y: { field: 'layanan', type: 'nominal', sort: '-x', title: null },
          x: { field: 'persen', type: 'quantitative', scale: { domain: [0, 100] }, title: 'Selesai tepat waktu (%)' },
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10 },
        encoding: {
          y: { field: 'layanan', type: 'nominal', sort: '-x' },
          x: { field: 'persen', type: 'quantitative' },
          text: { field: 'selesai', type: 'quantitative', format: 'd' },
        },
      },
    ],
    config: { axis: AXIS, view: { stroke: null } },
  });

/** The satisfaction value of each of the nine elements (1–4), the weakest highlighted. */
export const ikmChart = (r: Report) =>
  render({
    width: 300,
    height: { step: 22 },
    data: {
      values: r.ikm.unsur
        .filter((u) => u.nrr !== undefined)
        .map((u) => ({ unsur: u.label, nilai: u.nrr, terlemah: u.id === r.ikm.weakest?.id })),
    },
    mark: 'bar',
    encoding: {
      y: { field: 'unsur', type: 'nominal', sort: null, title: null },
      x: { field: 'nilai', type: 'quantitative', scale: { domain: [1, 4] }, title: 'Nilai rata-rata (1–4)' },
      color: {
        field: 'terlemah',
        type: 'nominal',
        scale: { domain: [false, true], range: ['#1d70b8', '#d4351c'] },
        legend: null,
      },
    },
    config: { axis: AXIS, view: { stroke: null } },
  });
