/**
 * One decision whole, for its expanded row: what the clone saw (the context packet),
 * the prompt, the model's response, the validation result, and the orders it placed.
 * Stored payloads may be artifact references (server/artifacts); they are resolved
 * here, and one that cannot be read is explained in place instead of failing the row.
 */
import { DomainError } from "@/lib/domain/errors";
import type { PrismaClient } from "@/server/db";
import { getArtifacts, isArtifactReference, resolvePayload, type ArtifactStore } from "@/server/artifacts";
import { findDecisionForHistory, ordersOfDecision } from "@/server/repositories/history/decisions";
import { toDecisionRow } from "./decision-row";
import { historyScope, type HistoryViewer } from "./scope";

export interface PayloadView {
  text: string | null;
  /** where it was read from when it was offloaded */
  artifact: string | null;
  error: string | null;
}

async function payloadView(store: ArtifactStore, value: string): Promise<PayloadView> {
  const artifact = isArtifactReference(value) ? value : null;
  try {
    return { text: await resolvePayload(store, value), artifact, error: null };
  } catch (e) {
    return { text: null, artifact, error: e instanceof DomainError ? e.message : "The artifact store could not be read" };
  }
}

export async function decisionDetail(
  db: PrismaClient,
  viewer: HistoryViewer,
  input: { cloneId: string; decisionId: string },
  store: ArtifactStore = getArtifacts().store,
) {
  const scope = await historyScope(db, viewer, input);
  const run = await findDecisionForHistory(db, input.decisionId);
  if (!run || run.cloneId !== scope.clone.id) throw new DomainError("NOT_FOUND", "This clone has no decision with this id", "decisionId");
  const { contextPacket, prompt, response, validation, cloneId: _cloneId, cacheReadTokens, cacheWriteTokens, ...summary } = run;
  const [packetView, promptView, responseView, validationView] = await Promise.all(
    [contextPacket, prompt, response, validation].map((v) => payloadView(store, v)),
  );
  return {
    ...toDecisionRow(summary),
    cacheReadTokens, cacheWriteTokens,
    contextPacket: packetView!, prompt: promptView!, response: responseView!, validation: validationView!,
    orders: await ordersOfDecision(db, run.id),
  };
}
