import { useEffect, useRef } from 'preact/hooks';
import {
  Chart,
  BarController,
  BarElement,
  DoughnutController,
  ArcElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
} from 'chart.js';

Chart.register(BarController, BarElement, DoughnutController, ArcElement, CategoryScale, LinearScale, Legend, Tooltip);

// Colour-blind-safe palette (Okabe–Ito); the table beside each chart carries the same numbers.
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

/**
 * A chart.js chart with a text equivalent. `labels` and `datasets` as chart.js takes them;
 * `table` is rendered by the caller (a <table>) so the figures are readable without the canvas.
 */
export function ChartBox({ id, type = 'bar', labels, datasets, title, options = {}, children }) {
  const canvas = useRef(null);
  const chart = useRef(null);
  useEffect(() => {
    if (!canvas.current) return;
    chart.current?.destroy();
    chart.current = new Chart(canvas.current, {
      type,
      data: { labels, datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: datasets.length > 1 || type === 'doughnut' } },
        ...(type === 'bar' ? { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } } : {}),
        ...options,
      },
    });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [type, JSON.stringify(labels), JSON.stringify(datasets), JSON.stringify(options)]);

  return (
    <figure class="chart card" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption id={`chart-${id}-title`}>{title}</figcaption>
      {labels.length === 0 ? (
        <p class="muted">No data yet.</p>
      ) : (
        <div class="chart-canvas">
          <canvas ref={canvas} role="img" aria-label={`${title} (chart; the same figures are in the table below)`} />
        </div>
      )}
      {children}
    </figure>
  );
}
