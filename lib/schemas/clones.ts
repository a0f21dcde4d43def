import { z } from "zod";
import { TEMPLATE_IDS } from "@/lib/domain/graph/templates";

export const cloneIdInput = z.object({ cloneId: z.string().min(1).max(64) });

export const createFromTemplateInput = z.object({
  templateId: z.enum(TEMPLATE_IDS, { message: `Template must be one of ${TEMPLATE_IDS.join(", ")}` }),
  name: z.string().trim().min(2, { message: "Name must be at least 2 characters" }).max(40).optional(),
  symbol: z.string().trim().toUpperCase().max(20).optional(),
});

/** The graph itself is validated by lib/domain/graph, whose errors name the block and field. */
export const createCloneInput = z.object({ graph: z.unknown() });

export const updateCloneInput = z.object({
  cloneId: z.string().min(1).max(64),
  graph: z.unknown(),
  expectedVersion: z.number().int().min(1).optional(),
});

export const getCloneInput = z.object({ cloneId: z.string().min(1).max(64), version: z.number().int().min(1).optional() });
