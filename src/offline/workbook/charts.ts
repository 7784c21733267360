/**
 * Embedded charts recorded as data. A chart object is an immutable picture of
 * a chart; modify() yields a builder carrying the chart id so that
 * Sheet.updateChart(builder.build()) replaces the original in place.
 */
import { gridEquals } from './a1';
import { rangeFromStored, SHEETS_SCOPE, storedOf, type WorkbookContext } from './context';
import { instrument } from './counter';
import { asEnum } from './enums';
import type { ChartData, ChartPosition, StoredRange } from './state';
import { isDate, requireInteger, signatureError } from './values';
import type { Charts, SS } from './gas';

function copyOption(value: unknown): unknown {
  if (isDate(value)) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copyOption);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = copyOption(v);
    return out;
  }
  return value;
}

export function cloneChart(data: ChartData): ChartData {
  return {
    ...data,
    ranges: data.ranges.map((r) => r.clone()),
    position: { ...data.position },
    options: new Map([...data.options].map(([k, v]) => [k, copyOption(v)])),
  };
}

export function newChartData(): ChartData {
  return {
    id: null,
    type: null,
    ranges: [],
    position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
    options: new Map(),
    // -1 lets Sheets infer header rows, which is also what getNumHeaders() reports by default.
    numHeaders: -1,
    transpose: false,
    hiddenDimensionStrategy: 'IGNORE_BOTH',
    mergeStrategy: 'MERGE_COLUMNS',
  };
}

export class MemoryContainerInfo implements Pick<SS.ContainerInfo, 'getAnchorRow' | 'getAnchorColumn' | 'getOffsetX' | 'getOffsetY'> {
  constructor(readonly ctx: WorkbookContext, private readonly position: ChartPosition) {}
  getAnchorRow(): number { return this.position.row; }
  getAnchorColumn(): number { return this.position.column; }
  getOffsetX(): number { return this.position.offsetX; }
  getOffsetY(): number { return this.position.offsetY; }
}

export class MemoryChartOptions implements Pick<Charts.ChartOptions, 'get'> {
  constructor(readonly ctx: WorkbookContext, private readonly options: Map<string, unknown>) {}
  get(option: string): any {
    return this.options.has(option) ? copyOption(this.options.get(option)) : null;
  }
}

function container(ctx: WorkbookContext, position: ChartPosition): SS.ContainerInfo {
  return new MemoryContainerInfo(ctx, { ...position }) as unknown as SS.ContainerInfo;
}

export class MemoryEmbeddedChart implements Pick<SS.EmbeddedChart,
  'getChartId' | 'getRanges' | 'getOptions' | 'getContainerInfo' | 'getNumHeaders' | 'getTransposeRowsAndColumns'
  | 'getHiddenDimensionStrategy' | 'getMergeStrategy' | 'modify'> {
  constructor(readonly ctx: WorkbookContext, private readonly data: ChartData) {}

  _data(): ChartData { return cloneChart(this.data); }
  getChartId(): number | null { return this.data.id; }
  getRanges(): SS.Range[] { return this.data.ranges.map((r) => rangeFromStored(this.ctx, r)); }
  getOptions(): Charts.ChartOptions {
    return new MemoryChartOptions(this.ctx, cloneChart(this.data).options) as unknown as Charts.ChartOptions;
  }
  getContainerInfo(): SS.ContainerInfo { return container(this.ctx, this.data.position); }
  getNumHeaders(): number { return this.data.numHeaders; }
  getTransposeRowsAndColumns(): boolean { return this.data.transpose; }
  getHiddenDimensionStrategy(): Charts.ChartHiddenDimensionStrategy { return asEnum(this.data.hiddenDimensionStrategy); }
  getMergeStrategy(): Charts.ChartMergeStrategy { return asEnum(this.data.mergeStrategy); }
  modify(): SS.EmbeddedChartBuilder {
    return new MemoryEmbeddedChartBuilder(this.ctx, cloneChart(this.data)) as unknown as SS.EmbeddedChartBuilder;
  }
}

type BuilderApi = Pick<SS.EmbeddedChartBuilder,
  | 'addRange' | 'removeRange' | 'clearRanges' | 'getRanges' | 'setChartType' | 'getChartType' | 'setPosition' | 'getContainer'
  | 'setOption' | 'setNumHeaders' | 'setTransposeRowsAndColumns' | 'setHiddenDimensionStrategy' | 'setMergeStrategy'
  | 'asAreaChart' | 'asBarChart' | 'asColumnChart' | 'asComboChart' | 'asHistogramChart' | 'asLineChart' | 'asPieChart'
  | 'asScatterChart' | 'asTableChart' | 'build'>;

/**
 * The as*Chart() variants return this same builder with the type set; their
 * type-specific conveniences (setTitle, setLegendPosition, ...) are not
 * modelled because everything they do is expressible through setOption().
 */
export class MemoryEmbeddedChartBuilder implements BuilderApi {
  constructor(readonly ctx: WorkbookContext, private readonly data: ChartData = newChartData()) {}

  private _self(): SS.EmbeddedChartBuilder { return this as unknown as SS.EmbeddedChartBuilder; }
  private _as<T>(type: string): T {
    this.data.type = type;
    return this as unknown as T;
  }

  addRange(range: SS.Range): SS.EmbeddedChartBuilder {
    this.data.ranges.push(storedOf('EmbeddedChartBuilder.addRange', range));
    return this._self();
  }
  removeRange(range: SS.Range): SS.EmbeddedChartBuilder {
    const target = storedOf('EmbeddedChartBuilder.removeRange', range);
    this.data.ranges = this.data.ranges.filter((r: StoredRange) => !(r.sheetId === target.sheetId && gridEquals(r.grid, target.grid)));
    return this._self();
  }
  clearRanges(): SS.EmbeddedChartBuilder { this.data.ranges = []; return this._self(); }
  getRanges(): SS.Range[] { return this.data.ranges.map((r) => rangeFromStored(this.ctx, r)); }

  setChartType(type: Charts.ChartType): SS.EmbeddedChartBuilder {
    if (typeof type !== 'string') throw signatureError('EmbeddedChartBuilder.setChartType', [type]);
    this.data.type = type;
    return this._self();
  }
  getChartType(): Charts.ChartType { return asEnum(this.data.type ?? ''); }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): SS.EmbeddedChartBuilder {
    const args = [anchorRowPos, anchorColPos, offsetX, offsetY];
    if (args.some((n) => typeof n !== 'number' || !Number.isFinite(n))) throw signatureError('EmbeddedChartBuilder.setPosition', args);
    this.data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this._self();
  }
  getContainer(): SS.ContainerInfo { return container(this.ctx, this.data.position); }

  setOption(option: string, value: any): SS.EmbeddedChartBuilder {
    this.data.options.set(String(option), copyOption(value));
    return this._self();
  }
  setNumHeaders(headers: number): SS.EmbeddedChartBuilder {
    this.data.numHeaders = requireInteger('EmbeddedChartBuilder.setNumHeaders', headers);
    return this._self();
  }
  setTransposeRowsAndColumns(transpose: boolean): SS.EmbeddedChartBuilder { this.data.transpose = Boolean(transpose); return this._self(); }
  setHiddenDimensionStrategy(strategy: Charts.ChartHiddenDimensionStrategy): SS.EmbeddedChartBuilder {
    this.data.hiddenDimensionStrategy = String(strategy);
    return this._self();
  }
  setMergeStrategy(mergeStrategy: Charts.ChartMergeStrategy): SS.EmbeddedChartBuilder {
    this.data.mergeStrategy = String(mergeStrategy);
    return this._self();
  }

  asAreaChart(): SS.EmbeddedAreaChartBuilder { return this._as('AREA'); }
  asBarChart(): SS.EmbeddedBarChartBuilder { return this._as('BAR'); }
  asColumnChart(): SS.EmbeddedColumnChartBuilder { return this._as('COLUMN'); }
  asComboChart(): SS.EmbeddedComboChartBuilder { return this._as('COMBO'); }
  asHistogramChart(): SS.EmbeddedHistogramChartBuilder { return this._as('HISTOGRAM'); }
  asLineChart(): SS.EmbeddedLineChartBuilder { return this._as('LINE'); }
  asPieChart(): SS.EmbeddedPieChartBuilder { return this._as('PIE'); }
  asScatterChart(): SS.EmbeddedScatterChartBuilder { return this._as('SCATTER'); }
  asTableChart(): SS.EmbeddedTableChartBuilder { return this._as('TABLE'); }

  build(): SS.EmbeddedChart {
    if (this.data.type === null) throw new Error('A chart type must be set before the chart can be built.');
    return new MemoryEmbeddedChart(this.ctx, cloneChart(this.data)) as unknown as SS.EmbeddedChart;
  }
}

export function chartData(method: string, chart: unknown): ChartData {
  if (chart instanceof MemoryEmbeddedChart) return chart._data();
  throw signatureError(method, [chart]);
}

instrument(MemoryEmbeddedChart, 'EmbeddedChart', 'service', { scope: SHEETS_SCOPE });
instrument(MemoryEmbeddedChartBuilder, 'EmbeddedChartBuilder', 'builder');
instrument(MemoryContainerInfo, 'ContainerInfo', 'builder');
instrument(MemoryChartOptions, 'ChartOptions', 'builder');
