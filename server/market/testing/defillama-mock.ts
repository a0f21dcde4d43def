/**
 * A fake DefiLlama for tests: api.llama.fi (/v2/historicalChainTvl[/{chain}],
 * /overview/dexs, /overview/fees) under `/api`, and stablecoins.llama.fi
 * (/stablecoincharts/all) under `/stablecoins`, on one local server, answering
 * from in-memory data in the real wire formats. `data` is live: tests may change
 * it between calls.
 */
import { startLocalServer, type LocalServer, type RecordedRequest, type Reply } from "./local-server";

export interface TvlRow {
  /** unix seconds, a number */
  date: number;
  tvl: number;
}

export interface StablecoinChartRow {
  /** unix seconds as a STRING, as stablecoins.llama.fi sends it */
  date: string;
  totalCirculating: Record<string, number>;
  totalCirculatingUSD: Record<string, number>;
}

/** [unix seconds, USD] */
export type ChartPoint = [number, number];

export interface OverviewWireSummary {
  total24h: number | null;
  total48hto24h: number | null;
  total7d: number | null;
  total30d: number | null;
  total1y: number | null;
  totalAllTime: number | null;
  change_1d: number | null;
  change_7d: number | null;
  change_1m: number | null;
}

export interface OverviewBody extends OverviewWireSummary {
  totalDataChart: ChartPoint[];
  totalDataChartBreakdown: [number, Record<string, number>][];
  breakdown24h: null;
  chain: null;
  allChains: string[];
  protocols: Record<string, unknown>[];
}

/** `usd` is totalCirculatingUSD by peg; totalCirculating (native units) is filled with the same figures. */
export function stablecoinRow(dateSeconds: number, usd: Record<string, number>): StablecoinChartRow {
  return { date: String(dateSeconds), totalCirculating: { ...usd }, totalCirculatingUSD: { ...usd } };
}

const sumLast = (chart: ChartPoint[], n: number) => (chart.length === 0 ? null : chart.slice(-n).reduce((s, [, v]) => s + v, 0));
/** percent change of the last day against the day `back` days earlier, 2 decimals as DefiLlama rounds */
const change = (chart: ChartPoint[], back: number) => {
  const last = chart.at(-1)?.[1];
  const then = chart.at(-1 - back)?.[1];
  return last === undefined || then === undefined || then === 0 ? null : Math.round(((last - then) / then) * 10_000) / 100;
};

/** The summary DefiLlama would derive from a (time-ordered) daily chart. */
export function overviewSummary(chart: ChartPoint[]): OverviewWireSummary {
  return {
    total24h: chart.at(-1)?.[1] ?? null,
    total48hto24h: chart.at(-2)?.[1] ?? null,
    total7d: sumLast(chart, 7),
    total30d: sumLast(chart, 30),
    total1y: sumLast(chart, 365),
    totalAllTime: sumLast(chart, chart.length),
    change_1d: change(chart, 1),
    change_7d: change(chart, 7),
    change_1m: change(chart, 30),
  };
}

export function overviewBody(chart: ChartPoint[], flags: { excludeChart?: boolean; excludeBreakdown?: boolean; summary?: Partial<OverviewWireSummary> } = {}): OverviewBody {
  const ordered = [...chart].sort(([a], [b]) => a - b);
  return {
    totalDataChart: flags.excludeChart ? [] : chart,
    totalDataChartBreakdown: flags.excludeBreakdown ? [] : chart.map(([t, v]) => [t, { "Uniswap V3": v }]),
    breakdown24h: null,
    chain: null,
    allChains: ["Ethereum", "Solana", "Arbitrum"],
    ...overviewSummary(ordered),
    ...flags.summary,
    protocols: [{ name: "Uniswap", displayName: "Uniswap V3", total24h: ordered.at(-1)?.[1] ?? null, chains: ["Ethereum", "Polygon"] }],
  };
}

export interface DefiLlamaMockData {
  chainTvl: TvlRow[];
  /** keyed by DefiLlama's chain name; looked up case-insensitively */
  chainTvlByChain: Record<string, TvlRow[]>;
  stablecoins: StablecoinChartRow[];
  dexChart: ChartPoint[];
  feesChart: ChartPoint[];
  revenueChart: ChartPoint[];
  holdersRevenueChart: ChartPoint[];
  /** overrides of the summaries otherwise derived from the charts */
  dexSummary?: Partial<OverviewWireSummary>;
  feesSummary?: Partial<OverviewWireSummary>;
}

export interface DefiLlamaMock {
  apiUrl: string;
  stablecoinsUrl: string;
  server: LocalServer;
  data: DefiLlamaMockData;
  close(): Promise<void>;
}

export async function createDefiLlamaMock(options: Partial<DefiLlamaMockData> = {}): Promise<DefiLlamaMock> {
  const data: DefiLlamaMockData = {
    chainTvl: [],
    chainTvlByChain: {},
    stablecoins: [],
    dexChart: [],
    feesChart: [],
    revenueChart: [],
    holdersRevenueChart: [],
    ...options,
  };
  const server = await startLocalServer((req) => route(data, req));
  return { apiUrl: `${server.url}/api`, stablecoinsUrl: `${server.url}/stablecoins`, server, data, close: () => server.close() };
}

const FEES_CHARTS = { dailyFees: "feesChart", dailyRevenue: "revenueChart", dailyHoldersRevenue: "holdersRevenueChart" } as const;

function route(data: DefiLlamaMockData, { path, query }: RecordedRequest): Reply {
  if (path === "/stablecoins/stablecoincharts/all") return { json: data.stablecoins };
  if (path === "/api/v2/historicalChainTvl") return { json: data.chainTvl };
  const chain = /^\/api\/v2\/historicalChainTvl\/([^/]+)$/.exec(path);
  if (chain) {
    const name = decodeURIComponent(chain[1] ?? "").toLowerCase();
    const key = Object.keys(data.chainTvlByChain).find((k) => k.toLowerCase() === name);
    return key ? { json: data.chainTvlByChain[key] } : { status: 400, text: `chain ${name} not found` };
  }
  const flags = { excludeChart: query.get("excludeTotalDataChart") === "true", excludeBreakdown: query.get("excludeTotalDataChartBreakdown") === "true" };
  if (path === "/api/overview/dexs") return { json: overviewBody(data.dexChart, { ...flags, summary: data.dexSummary }) };
  if (path === "/api/overview/fees") {
    const dataType = query.get("dataType") ?? "dailyFees";
    if (!(dataType in FEES_CHARTS)) return { status: 400, json: { message: `unsupported dataType ${dataType}` } };
    const chart = data[FEES_CHARTS[dataType as keyof typeof FEES_CHARTS]];
    return { json: overviewBody(chart, { ...flags, summary: dataType === "dailyFees" ? data.feesSummary : undefined }) };
  }
  return { status: 404, text: "Not Found" };
}
