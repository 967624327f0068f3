/**
 * A chart.js chart with its data also given as a table: the canvas is a picture (role img with
 * a label), the table is what screen readers and keyboard users read.
 */
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartData,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';

Chart.register(
  BarController,
  BarElement,
  CategoryScale,
  LinearScale,
  DoughnutController,
  ArcElement,
  Legend,
  Tooltip,
);

export interface Series {
  label: string;
  values: number[];
  colors: string[] | string;
}

export interface ChartProps {
  type: 'bar' | 'doughnut';
  /** What the chart shows, for its caption and the canvas label. */
  title: string;
  labels: string[];
  series: Series[];
  /** Header of the labels column of the table. */
  labelHeader: string;
  stacked?: boolean;
}

export function ChartWithTable({ type, title, labels, series, labelHeader, stacked = false }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const data: ChartData<'bar' | 'doughnut'> = {
      labels,
      datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.colors })),
    };
    const chart = new Chart(canvas.current, {
      type,
      data,
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: type === 'doughnut' || series.length > 1, position: 'bottom' } },
        ...(type === 'bar'
          ? { scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } } }
          : {}),
      },
    });
    return () => chart.destroy();
  }, [type, labels.join('\u0000'), JSON.stringify(series), stacked]);
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <figure class="chart" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <div class="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={`${title} (chart; the same figures are in the table)`} />
      </div>
      <table class="compact">
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            {series.map((s) => (
              <th scope="col" key={s.label}>
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              {series.map((s) => (
                <td key={s.label}>{s.values[i] ?? 0}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
