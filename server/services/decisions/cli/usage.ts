import { TEMPLATE_IDS } from "@/lib/domain/graph/templates";

/** The usage text of `npm run decide`, printed on --help. */
export const USAGE = `Usage: npm run decide -- (--clone ID | --template ID) --asset A [--at ISO] [--json]

Runs one decision through the whole pipeline (context, prompt, model, action,
safety gates, paper execution) against the database in DATABASE_URL and prints
the stored decision run: a context digest, the prompt, the model's response, the
action, the validation result and the fill, if any.

  --clone ID      an existing clone; it decides on its own DRY_RUN paper account
                  for the scope "cli" (created on first use), never on a race or
                  audition account
  --template ID   a throwaway clone made from a template, owned by the system
                  user cli@clash.local, on a fresh DRY_RUN account
                  (templates: ${TEMPLATE_IDS.join(", ")})
  --asset A       the asset to decide for (a Hyperliquid coin such as BTC); with
                  --template it is the asset the throwaway clone trades
  --at ISO        the decision time T (2026-07-01T10:30:00Z; UTC unless an offset
                  is given); default: now, i.e. the last completed minute.
                  A slot (account, asset, T) is decided once: running it again
                  prints the stored run
  --json          print only the decision run as JSON on stdout
  -h, --help      this text

The provider is the clone's: rules, or anthropic with ANTHROPIC_API_KEY (and
ANTHROPIC_BASE_URL) from the environment; without a key the run is an explained
no-trade. DRY_RUN orders are logged, never sent.
Exit codes: 0 a decision was run (whatever its outcome: action, hold, rejection,
no-trade), 1 the run failed (e.g. the database is unreachable), 2 bad arguments.
`;
