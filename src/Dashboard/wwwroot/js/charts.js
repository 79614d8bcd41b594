// Candle chart with ICT overlays and equity charts, on lightweight-charts 5.
import {
  createChart, CandlestickSeries, AreaSeries, ColorType, LineStyle, createSeriesMarkers,
} from '/lib/lightweight-charts/lightweight-charts.standalone.production.mjs';

const seconds = (iso) => Math.floor(Date.parse(iso) / 1000);

const theme = {
  layout: { background: { type: ColorType.Solid, color: '#171e26' }, textColor: '#d9e1ea', attributionLogo: false },
  grid: { vertLines: { color: '#222c37' }, horzLines: { color: '#222c37' } },
  rightPriceScale: { borderColor: '#2b3643' },
  timeScale: { borderColor: '#2b3643', timeVisible: true, secondsVisible: false },
  autoSize: true,
};

const zoneColors = {
  OrderBlock: { Bullish: 'rgba(38, 166, 154, 0.22)', Bearish: 'rgba(239, 83, 80, 0.22)' },
  FairValueGap: { Bullish: 'rgba(74, 163, 255, 0.22)', Bearish: 'rgba(74, 163, 255, 0.22)' },
  Breaker: { Bullish: 'rgba(240, 180, 41, 0.22)', Bearish: 'rgba(240, 180, 41, 0.22)' },
};

/** Series primitive that paints ICT zones as rectangles behind the candles. */
class ZonesPrimitive {
  constructor() {
    this.zones = [];
    this.chart = null;
    this.series = null;
    this.requestUpdate = null;
    const primitive = this;
    const renderer = {
      draw(target) {
        if (!primitive.chart || !primitive.series) return;
        const timeScale = primitive.chart.timeScale();
        target.useBitmapCoordinateSpace((scope) => {
          const ctx = scope.context;
          const width = scope.bitmapSize.width;
          for (const zone of primitive.zones) {
            const x1 = timeScale.timeToCoordinate(zone.from);
            const x2 = zone.to === null ? null : timeScale.timeToCoordinate(zone.to);
            const yTop = primitive.series.priceToCoordinate(zone.high);
            const yBottom = primitive.series.priceToCoordinate(zone.low);
            if (yTop === null || yBottom === null) continue;
            const left = x1 === null ? 0 : Math.round(x1 * scope.horizontalPixelRatio);
            const right = x2 === null ? width : Math.round(x2 * scope.horizontalPixelRatio);
            const top = Math.round(Math.min(yTop, yBottom) * scope.verticalPixelRatio);
            const height = Math.max(1, Math.round(Math.abs(yBottom - yTop) * scope.verticalPixelRatio));
            ctx.fillStyle = zoneColors[zone.kind]?.[zone.direction] ?? 'rgba(200,200,200,0.2)';
            ctx.fillRect(left, top, Math.max(1, right - left), height);
          }
        });
      },
    };
    this.view = { zOrder: () => 'bottom', renderer: () => renderer };
  }

  attached({ chart, series, requestUpdate }) {
    this.chart = chart;
    this.series = series;
    this.requestUpdate = requestUpdate;
  }

  detached() {
    this.chart = null;
    this.series = null;
  }

  updateAllViews() {}

  paneViews() { return [this.view]; }

  setZones(zones) {
    this.zones = zones;
    this.requestUpdate?.();
  }
}

const markerStyle = {
  Entry: (m) => ({ position: m.side === 'Short' ? 'aboveBar' : 'belowBar', shape: m.side === 'Short' ? 'arrowDown' : 'arrowUp', color: '#4aa3ff' }),
  Exit: (m) => ({ position: m.side === 'Short' ? 'belowBar' : 'aboveBar', shape: 'square', color: '#f0b429' }),
  Sweep: () => ({ position: 'inBar', shape: 'circle', color: '#e040fb' }),
  StructureBreak: () => ({ position: 'aboveBar', shape: 'square', color: '#b0bec5' }),
};

export function createCandleChart(container) {
  const chart = createChart(container, theme);
  const series = chart.addSeries(CandlestickSeries, {
    upColor: '#26a69a', downColor: '#ef5350', borderVisible: false, wickUpColor: '#26a69a', wickDownColor: '#ef5350',
  });
  const zones = new ZonesPrimitive();
  series.attachPrimitive(zones);
  const markers = createSeriesMarkers(series, []);
  let lines = [];
  return {
    setData(view) {
      series.setData(view.candles.map((c) => ({ time: seconds(c.openTime), open: c.open, high: c.high, low: c.low, close: c.close })));
      zones.setZones(view.zones.map((z) => ({
        kind: z.kind, direction: z.direction, low: z.low, high: z.high, from: seconds(z.from), to: z.to ? seconds(z.to) : null,
      })));
      for (const line of lines) series.removePriceLine(line);
      lines = view.levels.map((level) => series.createPriceLine({
        price: level.price,
        color: level.sweptAt ? '#8a99a8' : level.side === 'BuySide' ? '#26a69a' : '#ef5350',
        lineWidth: 1,
        lineStyle: level.sweptAt ? LineStyle.Dotted : LineStyle.Dashed,
        axisLabelVisible: true,
        title: `${level.side === 'BuySide' ? 'BSL' : 'SSL'}${level.sweptAt ? ' swept' : ''}`,
      }));
      markers.setMarkers(view.markers
        .map((m) => ({ time: seconds(m.time), text: m.text, ...markerStyle[m.kind](m) }))
        .sort((a, b) => a.time - b.time));
      chart.timeScale().fitContent();
    },
  };
}

export function createEquityChart(container) {
  const chart = createChart(container, theme);
  const series = chart.addSeries(AreaSeries, {
    lineColor: '#4aa3ff', topColor: 'rgba(74, 163, 255, 0.35)', bottomColor: 'rgba(74, 163, 255, 0.02)', lineWidth: 2,
  });
  return {
    setData(points) {
      const seen = new Set();
      const data = [];
      for (const p of points) {
        const time = seconds(p.time);
        if (seen.has(time)) continue;
        seen.add(time);
        data.push({ time, value: p.equity });
      }
      data.sort((a, b) => a.time - b.time);
      series.setData(data);
      chart.timeScale().fitContent();
    },
  };
}
