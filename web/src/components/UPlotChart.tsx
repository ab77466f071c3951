import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

// Why uPlot: the organizer's charts are a few small time series and bar sets that redraw up to once
// a second while sales come in. uPlot (MIT, no dependencies, maintained) is 51 KB minified, 22 KB
// gzip as measured in this build, and draws to one canvas, so a live update is a setData() on the
// same chart rather than React re-rendering hundreds of SVG nodes. Chart.js (canvas too) and
// Recharts (SVG on d3) are considerably larger for features these charts do not use. The route that
// uses it is loaded on demand, so shoppers never download it. A canvas says nothing to screen
// readers: every chart's figure carries a summary and a table of the same numbers.

export type ChartOptions = Omit<uPlot.Options, 'width' | 'height'>;

interface UPlotChartProps {
  /** Memoize: new options rebuild the chart; new data only redraws it. */
  options: ChartOptions;
  data: uPlot.AlignedData;
  height: number;
}

/** One uPlot canvas that follows its container's width. Hidden from assistive tech: the caller's table says the same. */
export function UPlotChart({ options, data, height }: UPlotChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);
  latestData.current = data;

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const instance = new uPlot({ ...options, width: widthOf(element), height }, latestData.current, element);
    chart.current = instance;
    const resize = new ResizeObserver(() => instance.setSize({ width: widthOf(element), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      instance.destroy();
      chart.current = null;
    };
  }, [options, height]);

  useEffect(() => {
    chart.current?.setData(data);
  }, [data]);

  return <div ref={container} className="chart" aria-hidden="true" />;
}

function widthOf(element: HTMLElement): number {
  // Before layout (or in a hidden tab) the width can be 0; uPlot needs something to draw into.
  return Math.max(200, Math.floor(element.clientWidth));
}
