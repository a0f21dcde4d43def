/**
 * Clones: one graph per version, every save a new immutable version, only the
 * creator edits. Graphs are validated by lib/domain/graph before anything is written.
 */
import { DomainError } from "@/lib/domain/errors";
import { assertValidGraph } from "@/lib/domain/graph/validate";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { templateGraph, type TemplateId } from "@/lib/domain/graph/templates";
import { tradingClone } from "@/lib/domain/graph/queries";
import { transaction, type PrismaClient } from "@/server/db";
import * as clones from "@/server/repositories/clones";

export interface CloneView {
  id: string;
  ownerId: string;
  name: string;
  version: number;
  graph: CloneGraph;
  versions: { version: number; createdAt: Date }[];
}

export async function createClone(db: PrismaClient, input: { ownerId: string; graph: unknown }) {
  const graph = assertValidGraph(input.graph);
  return transaction(db, async (tx) => {
    const clone = await clones.insertClone(tx, { ownerId: input.ownerId, name: tradingClone(graph).name });
    await clones.insertCloneVersion(tx, { cloneId: clone.id, version: 1, graph: JSON.stringify(graph), createdById: input.ownerId });
    return { id: clone.id, version: 1 };
  });
}

export function createCloneFromTemplate(
  db: PrismaClient,
  input: { ownerId: string; templateId: TemplateId; name?: string; symbol?: string },
) {
  return createClone(db, { ownerId: input.ownerId, graph: templateGraph(input.templateId, { name: input.name, symbol: input.symbol }) });
}

/** Saves the graph as the clone's next version; earlier versions stay as they were. */
export async function updateClone(db: PrismaClient, input: { actorId: string; cloneId: string; graph: unknown; expectedVersion?: number }) {
  const clone = await ownClone(db, input.cloneId, input.actorId);
  const graph = assertValidGraph(input.graph);
  const expected = input.expectedVersion ?? clone.currentVersion;
  const version = expected + 1;
  return transaction(db, async (tx) => {
    const moved = await clones.setCurrentVersion(tx, clone.id, { version, name: tradingClone(graph).name, expectedCurrent: expected });
    if (moved.count !== 1) {
      throw new DomainError("CONFLICT", "This clone was saved elsewhere in the meantime: reload it and apply your change again", "expectedVersion");
    }
    await clones.insertCloneVersion(tx, { cloneId: clone.id, version, graph: JSON.stringify(graph), createdById: input.actorId });
    return { id: clone.id, version };
  });
}

/** A clone's graph, current or at a given version: the creator's eyes only. */
export async function getClone(db: PrismaClient, input: { viewerId: string; cloneId: string; version?: number }): Promise<CloneView> {
  const clone = await ownClone(db, input.cloneId, input.viewerId);
  const version = input.version ?? clone.currentVersion;
  const row = await clones.findCloneVersion(db, clone.id, version);
  if (!row) throw new DomainError("NOT_FOUND", `Version ${version} of this clone does not exist`, "version");
  const versions = await clones.listCloneVersions(db, clone.id);
  return {
    id: clone.id,
    ownerId: clone.ownerId,
    name: clone.name,
    version,
    graph: JSON.parse(row.graph) as CloneGraph,
    versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt })),
  };
}

export function listMyClones(db: PrismaClient, ownerId: string) {
  return clones.listClonesOfOwner(db, ownerId);
}

async function ownClone(db: PrismaClient, cloneId: string, userId: string) {
  const clone = await clones.findClone(db, cloneId);
  // someone else's clone is reported as missing: its existence is not theirs to learn
  if (!clone || clone.ownerId !== userId) throw new DomainError("NOT_FOUND", "No clone of yours has this id", "cloneId");
  return clone;
}
