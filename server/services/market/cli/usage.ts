/** The usage text of `npm run market -- <command>`, printed by help and on --help. */
export const USAGE = `Usage: npm run market -- <command> [options]

Commands:
  backfill --source S --asset A --interval I --from ISO --to ISO
      Fetch [from, to) into market memory, in chunks, with a progress bar on stderr.
      An interrupted backfill (Ctrl-C, a failing source) resumes where it stopped
      when run again with the same arguments.
        replay, hyperliquid  A = perp symbol (BTC); I = 1m (candles) or 1h (funding)
        polymarket           A = market slug; I = 1m (first outcome's prices)
        defillama            A = tvl | stablecoins | dex-volume | fees; I = 1d
  retry --channel C
      Reset the channel's failures and sync its source now; exit 1 if it still fails.
  show --asset A --interval I --from ISO --to ISO [--json] [--venue V]
      Stored 1m candles resampled to I (1m 5m 15m 1h 4h 1d); venue defaults to
      HYPERLIQUID. --json prints only a JSON array on stdout.
  import --file F [--time ISO] [--token-id T] [--source S]
      Store a JSON file recorded from Hyperliquid (candleSnapshot, fundingHistory,
      l2Book, allMids) or Polymarket (prices-history). --time stamps an allMids
      snapshot; --token-id names a prices-history's token (its market must be
      stored); --source defaults to replay.
  help
      This text.

Times are ISO dates (2026-03-01) or date-times (2026-03-01T12:00:00Z), UTC unless
an offset is given. The database is DATABASE_URL (.env is read like Next does).
Exit codes: 0 done, 1 failed, 2 bad arguments, 130 interrupted.
`;
