/** Canvas placement for graphs built in code (templates, Basic mode): the chain read left to right. */
import type { Block, Layout } from "./blocks";
import { BLOCK_TYPES } from "./vocabulary";

export const COLUMN_WIDTH = 320;
export const ROW_HEIGHT = 200;

/** One column per block type in chain order; each column centred on the tallest so edges stay short. */
export function autoLayout(blocks: readonly Block[]): Layout {
  const columns = BLOCK_TYPES.map((type) => blocks.filter((b) => b.type === type));
  const tallest = Math.max(1, ...columns.map((c) => c.length));
  const layout: Layout = {};
  columns.forEach((column, col) => {
    const offset = ((tallest - column.length) * ROW_HEIGHT) / 2;
    column.forEach((block, row) => {
      layout[block.id] = { x: col * COLUMN_WIDTH, y: offset + row * ROW_HEIGHT };
    });
  });
  return layout;
}
