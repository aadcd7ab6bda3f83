import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import EChartsReactCore from 'echarts-for-react/esm/core';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  AriaComponent,
  SVGRenderer,
]);

/** Colours with enough contrast on white, in a fixed order so a status keeps its colour across charts. */
export const chartColours = ['#005eb8', '#007f3b', '#d5281b', '#ffb81c', '#330072', '#768692', '#00a499', '#ae2573'];

/**
 * An ECharts chart (only the chart types we use are bundled), described for screen readers by `label` and by
 * ECharts' own generated aria description.
 *
 * @example
 * <EChart label="Rows by status" height={220} option={{ series: [{ type: 'pie', data }] }} />
 */
export function EChart({
  option,
  label,
  height = 240,
}: {
  option: Record<string, unknown>;
  label: string;
  height?: number;
}) {
  return (
    <div role="img" aria-label={label}>
      <EChartsReactCore
        echarts={echarts}
        option={{ color: chartColours, aria: { enabled: true }, animation: false, ...option }}
        style={{ height }}
        opts={{ renderer: 'svg' }}
        notMerge
      />
    </div>
  );
}
