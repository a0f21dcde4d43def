/**
 * DefiLlama's free API (no key): chain TVL, stablecoin supply, DEX volume and
 * fees, as the product's macro series. The stablecoin charts live on their own
 * host, hence two HttpJsonClients sharing one retry/timeout policy.
 */
import type { MacroPoint } from "@/lib/domain/market/types";
import { HttpJsonClient, type HttpClientOptions } from "../http";
import { parseChainTvl, parseOverview, parseStablecoinSupply, type Overview } from "./parse";

/** The shared HTTP options (timeouts, retries, test hooks), with one base URL per host. */
export interface DefiLlamaClientOptions extends Omit<HttpClientOptions, "baseUrl" | "weightPerMinute"> {
  apiUrl: string;
  stablecoinsUrl: string;
}

export const FEES_DATA_TYPES = ["dailyFees", "dailyRevenue", "dailyHoldersRevenue"] as const;
export type FeesDataType = (typeof FEES_DATA_TYPES)[number];

/** The chart is what we keep; the per-protocol breakdown is large and unused. */
const OVERVIEW_QUERY = { excludeTotalDataChart: false, excludeTotalDataChartBreakdown: true } as const;

export class DefiLlamaClient {
  readonly api: HttpJsonClient;
  readonly stablecoins: HttpJsonClient;

  constructor(options: DefiLlamaClientOptions) {
    const { apiUrl, stablecoinsUrl, ...shared } = options;
    this.api = new HttpJsonClient({ baseUrl: apiUrl, ...shared });
    this.stablecoins = new HttpJsonClient({ baseUrl: stablecoinsUrl, ...shared });
  }

  /** All chains together, or one chain by DefiLlama's name for it ("Ethereum"). */
  chainTvl(chain?: string): Promise<MacroPoint[]> {
    const path = chain === undefined ? "/v2/historicalChainTvl" : `/v2/historicalChainTvl/${encodeURIComponent(chain)}`;
    return this.api.request({ path, parse: parseChainTvl });
  }

  /** Daily total of all stablecoins in USD (every peg summed; see parseStablecoinSupply). */
  stablecoinSupply(): Promise<MacroPoint[]> {
    return this.stablecoins.request({ path: "/stablecoincharts/all", parse: parseStablecoinSupply });
  }

  dexOverview(): Promise<Overview> {
    return this.api.request({ path: "/overview/dexs", query: OVERVIEW_QUERY, parse: parseOverview });
  }

  async dexVolume(): Promise<MacroPoint[]> {
    return (await this.dexOverview()).points;
  }

  feesOverview(dataType: FeesDataType = "dailyFees"): Promise<Overview> {
    return this.api.request({ path: "/overview/fees", query: { ...OVERVIEW_QUERY, dataType }, parse: parseOverview });
  }

  async fees(dataType: FeesDataType = "dailyFees"): Promise<MacroPoint[]> {
    return (await this.feesOverview(dataType)).points;
  }
}
