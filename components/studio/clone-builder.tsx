"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { Block } from "@/lib/domain/graph/blocks";
import { updateBlock as replaceBlock } from "@/lib/domain/graph/editing";
import { errorsFromFieldErrors, mergeErrors } from "@/lib/domain/graph/error-lookup";
import type { CloneGraph } from "@/lib/domain/graph/schema";
import { validateGraph, type GraphError } from "@/lib/domain/graph/validate";
import type { GraphMode } from "@/lib/domain/graph/vocabulary";
import { useTRPC } from "@/lib/trpc/client";
import { toFormError } from "@/lib/trpc/errors";
import { BasicView } from "./basic-view";
import { blockDomId } from "./block-card";
import { BuilderContext, type Builder } from "./builder-context";
import { CustomView } from "./custom-view";
import { ErrorSummary } from "./error-summary";
import { LatestDataDrawer } from "./latest-data-drawer";
import { ModeTabs, panelId, tabId } from "./mode-tabs";
import { PowerView } from "./power-view";
import { SaveStatus, type SaveOutcome } from "./save-status";

/** Same graph apart from the mode it was last edited in. */
const sameGraph = (a: CloneGraph, b: CloneGraph) => JSON.stringify({ ...a, mode: "" }) === JSON.stringify({ ...b, mode: "" });

/**
 * The clone builder: Basic, Custom and Power User views over one in-memory draft.
 * Saving sends the draft to clones.update with the version it was based on, so a
 * save made elsewhere meanwhile is refused as a conflict instead of overwritten.
 */
export function CloneBuilder({ cloneId, initialGraph, initialVersion }: { cloneId: string; initialGraph: CloneGraph; initialVersion: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const update = useMutation(trpc.clones.update.mutationOptions());
  const [saved, setSaved] = useState({ version: initialVersion, graph: initialGraph });
  const [draft, setDraftState] = useState(initialGraph);
  const [mode, setMode] = useState<GraphMode>(initialGraph.mode);
  const [serverErrors, setServerErrors] = useState<{ draft: CloneGraph; errors: GraphError[] } | null>(null);
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [drawer, setDrawer] = useState<string | null>(null);

  const validation = useMemo(() => validateGraph(draft), [draft]);
  const errors = useMemo(
    () => mergeErrors(validation.ok ? [] : validation.errors, serverErrors?.draft === draft ? serverErrors.errors : []),
    [validation, serverErrors, draft],
  );
  const dirty = useMemo(() => !sameGraph(draft, saved.graph), [draft, saved.graph]);

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const setDraft = useCallback((graph: CloneGraph) => {
    setDraftState(graph);
    setNotice(null);
  }, []);
  const openLatestData = useCallback((assetId: string) => setDrawer(assetId), []);
  const closeDrawer = useCallback(() => setDrawer(null), []);

  const builder: Builder = useMemo(
    () => ({
      cloneId,
      draft,
      errors,
      savedVersion: saved.version,
      savedGraph: saved.graph,
      dirty,
      setDraft,
      updateBlock: (block: Block) => setDraft(replaceBlock(draft, block)),
      notify: setNotice,
      openLatestData,
      showInCustom: (blockId: string) => {
        setMode("custom");
        requestAnimationFrame(() => document.getElementById(blockDomId(blockId))?.scrollIntoView({ block: "start" }));
      },
    }),
    [cloneId, draft, errors, saved, dirty, setDraft, openLatestData],
  );

  async function save() {
    setNotice(null);
    const sent = draft;
    const check = validateGraph({ ...sent, mode });
    if (!check.ok) return setOutcome({ kind: "refused", problems: check.errors.length });
    try {
      const r = await update.mutateAsync({ cloneId, graph: check.graph, expectedVersion: saved.version });
      setSaved({ version: r.version, graph: check.graph });
      // edits made while the request was in flight stay in the draft
      setDraftState((current) => (current === sent ? check.graph : current));
      setServerErrors(null);
      setOutcome({ kind: "saved", version: r.version });
      void queryClient.invalidateQueries({ queryKey: trpc.clones.latestData.queryKey({ cloneId }) });
      router.refresh();
    } catch (e) {
      const failure = toFormError(e);
      if (failure.code === "CONFLICT") return setOutcome({ kind: "conflict", message: failure.message });
      const refused = errorsFromFieldErrors(failure.fieldErrors, check.graph);
      setServerErrors({ draft: sent, errors: refused });
      setOutcome(refused.length > 0 ? { kind: "refused", problems: refused.length } : { kind: "failed", message: failure.message });
    }
  }

  async function loadLatest() {
    const latest = await queryClient.fetchQuery({ ...trpc.clones.get.queryOptions({ cloneId }), staleTime: 0 });
    setSaved({ version: latest.version, graph: latest.graph });
    setDraft(latest.graph);
    setServerErrors(null);
    setOutcome({ kind: "loaded", version: latest.version });
  }

  return (
    <BuilderContext.Provider value={builder}>
      {/* phones: tabs and Save on the first row, the status under them; wider: one row */}
      <div className="sticky top-14 z-30 -mx-4 mb-6 flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-line bg-canvas/90 px-4 py-3 backdrop-blur-md sm:-mx-6 sm:px-6 lg:-mx-8 lg:px-8">
        <ModeTabs mode={mode} onChange={setMode} />
        <div className="order-3 flex w-full items-center gap-2 sm:order-2 sm:ml-auto sm:w-auto">
          <SaveStatus dirty={dirty} problems={errors.length} version={saved.version} outcome={outcome} />
          {dirty ? <Button variant="ghost" size="sm" onClick={() => { setDraft(saved.graph); setOutcome(null); }}>Discard</Button> : null}
        </div>
        <Button size="sm" className="order-2 ml-auto sm:order-3 sm:ml-0" onClick={() => void save()} loading={update.isPending} disabled={!dirty}>Save</Button>
      </div>
      <div className="mb-6 flex flex-col gap-3 empty:hidden">
        {outcome?.kind === "conflict" ? (
          <Alert
            tone="negative"
            title={`Not saved: version ${saved.version} is no longer the latest`}
            actions={<Button variant="secondary" size="sm" onClick={() => void loadLatest()}>Load the latest version (discards your changes here)</Button>}
          >
            {outcome.message}
          </Alert>
        ) : null}
        {outcome?.kind === "failed" ? <Alert tone="negative" title="Not saved">{outcome.message}</Alert> : null}
        {notice ? <Alert tone="warning" title="That change was not made" actions={<Button variant="ghost" size="sm" onClick={() => setNotice(null)}>Dismiss</Button>}>{notice}</Alert> : null}
        <ErrorSummary errors={errors} onShow={builder.showInCustom} />
      </div>
      <div role="tabpanel" id={panelId(mode)} aria-labelledby={tabId(mode)}>
        {mode === "basic" ? <BasicView /> : mode === "custom" ? <CustomView /> : <PowerView />}
      </div>
      {drawer !== null ? <LatestDataDrawer assetId={drawer} onClose={closeDrawer} /> : null}
    </BuilderContext.Provider>
  );
}
