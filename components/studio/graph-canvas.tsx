"use client";

import {
  Background,
  Controls,
  MarkerType,
  ReactFlow,
  type Connection,
  type Edge as FlowEdge,
  type EdgeChange,
  type NodeChange,
  type NodeTypes,
  type ReactFlowInstance,
  type XYPosition,
} from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useEffect, useMemo, useRef, useState, type CSSProperties } from "react";
import { NEXT_BLOCK_TYPE } from "@/lib/domain/graph/blocks";
import { connect, moveBlocks, positionsOf, removeSelection } from "@/lib/domain/graph/editing";
import { BlockNode, type BlockNodeType } from "./block-node";
import { useBuilder } from "./builder-context";

export type CanvasSelection = { kind: "block"; id: string } | { kind: "edge"; from: string; to: string } | null;

const nodeTypes: NodeTypes = { block: BlockNode };
const edgeId = (from: string, to: string) => `${from}->${to}`;
const EDGE = "#737d8e";
const ACCENT = "#f3b73a";
// below half size the blocks cannot be read: a phone pans along the chain instead of seeing all of it
const FIT = { padding: 0.08, maxZoom: 1, minZoom: 0.5 };
const THEME = { "--xy-background-color": "transparent", "--xy-controls-button-background-color": "#131922" } as CSSProperties;

/**
 * The Power User canvas (React Flow). The draft is the only state that matters:
 * nodes and edges are derived from it on every render. Positions being dragged
 * and the sizes React Flow measures are kept here; a drag's end writes the
 * position into the graph's layout, which the next save stores.
 */
export function GraphCanvas({ selection, onSelect }: { selection: CanvasSelection; onSelect: (s: CanvasSelection) => void }) {
  const { draft, errors, setDraft, notify, openLatestData } = useBuilder();
  const [live, setLive] = useState<Record<string, XYPosition>>({});
  const [measured, setMeasured] = useState<Record<string, { width: number; height: number }>>({});
  const typeOf = (id: string | null) => draft.blocks.find((b) => b.id === id)?.type;
  const flow = useRef<ReactFlowInstance<BlockNodeType, FlowEdge> | null>(null);

  // a block added or removed may sit outside the view: frame the graph again (a drag never changes the count)
  const blockCount = draft.blocks.length;
  useEffect(() => {
    const timer = setTimeout(() => void flow.current?.fitView({ ...FIT, duration: 200 }), 50);
    return () => clearTimeout(timer);
  }, [blockCount]);

  const nodes = useMemo((): BlockNodeType[] => {
    const positions = positionsOf(draft);
    return draft.blocks.map((block) => ({
      id: block.id,
      type: "block",
      position: live[block.id] ?? positions[block.id] ?? { x: 0, y: 0 },
      data: {
        block,
        problems: errors.filter((e) => e.blockId === block.id).length,
        onLatestData: block.type === "asset" ? () => openLatestData(block.id) : null,
      },
      selected: selection?.kind === "block" && selection.id === block.id,
      measured: measured[block.id],
      deletable: block.type !== "trading-clone",
      ariaLabel: `${block.type} block ${block.id}`,
    }));
  }, [draft, errors, live, measured, selection, openLatestData]);

  const edges = useMemo(
    (): FlowEdge[] =>
      draft.edges.map((e) => {
        const selected = selection?.kind === "edge" && selection.from === e.from && selection.to === e.to;
        const color = selected ? ACCENT : EDGE;
        return {
          id: edgeId(e.from, e.to),
          source: e.from,
          target: e.to,
          selected,
          ariaLabel: `Edge from ${e.from} to ${e.to}`,
          markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18, color },
          style: { stroke: color, strokeWidth: selected ? 2.5 : 1.75 },
        };
      }),
    [draft.edges, selection],
  );

  function onNodesChange(changes: NodeChange<BlockNodeType>[]) {
    const moved: { id: string; position: XYPosition }[] = [];
    const dragging: Record<string, XYPosition> = {};
    const sizes: Record<string, { width: number; height: number }> = {};
    for (const c of changes) {
      if (c.type === "dimensions" && c.dimensions) sizes[c.id] = c.dimensions;
      if (c.type === "position" && c.position && c.dragging) dragging[c.id] = c.position;
      if (c.type === "position" && c.position && !c.dragging) moved.push({ id: c.id, position: c.position });
      if (c.type === "select" && c.selected) onSelect({ kind: "block", id: c.id });
      if (c.type === "select" && !c.selected && selection?.kind === "block" && selection.id === c.id) onSelect(null);
    }
    if (Object.keys(sizes).length > 0) setMeasured((m) => ({ ...m, ...sizes }));
    if (Object.keys(dragging).length > 0) setLive((l) => ({ ...l, ...dragging }));
    if (moved.length > 0) {
      setDraft(moveBlocks(draft, moved));
      setLive((l) => Object.fromEntries(Object.entries(l).filter(([id]) => !moved.some((m) => m.id === id))));
    }
  }

  function onEdgesChange(changes: EdgeChange[]) {
    for (const c of changes) {
      if (c.type !== "select") continue;
      const edge = draft.edges.find((e) => edgeId(e.from, e.to) === c.id);
      if (c.selected && edge) onSelect({ kind: "edge", from: edge.from, to: edge.to });
      else if (!c.selected && selection?.kind === "edge" && edgeId(selection.from, selection.to) === c.id) onSelect(null);
    }
  }

  function onConnect(c: Connection) {
    const r = connect(draft, c.source, c.target);
    if (r.ok) setDraft(r.graph);
    else notify(r.reason);
  }

  /** Deleting with the keyboard: the whole selection or nothing, through the same rules as the buttons. */
  async function onBeforeDelete({ nodes: n, edges: e }: { nodes: BlockNodeType[]; edges: FlowEdge[] }) {
    const r = removeSelection(draft, n.map((x) => x.id), e.map((x) => ({ from: x.source, to: x.target })));
    if (r.ok) {
      setDraft(r.graph);
      onSelect(null);
    } else notify(r.reason);
    return false;
  }

  return (
    <ReactFlow<BlockNodeType, FlowEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      onBeforeDelete={onBeforeDelete}
      isValidConnection={(c) => NEXT_BLOCK_TYPE[typeOf(c.source) ?? "trading-clone"] === typeOf(c.target)}
      onPaneClick={() => onSelect(null)}
      deleteKeyCode={["Backspace", "Delete"]}
      colorMode="dark"
      onInit={(instance) => (flow.current = instance)}
      fitView
      fitViewOptions={FIT}
      // the canvas sits in a long page: the wheel scrolls the page; Ctrl+wheel, pinch and the buttons zoom
      zoomOnScroll={false}
      preventScrolling={false}
      minZoom={0.3}
      maxZoom={1.5}
      style={THEME}
    >
      <Background gap={24} size={1} color="#1e2631" />
      <Controls showInteractive={false} position="bottom-left" />
    </ReactFlow>
  );
}
