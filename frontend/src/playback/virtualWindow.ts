/** Owns the arithmetic of a virtualised list: which rows to render for a scroll position, and the space the rows left out take above and below. */

export interface WindowInput {
  /** How many rows the list has. */
  readonly count: number;
  /** A row's height in pixels (measured, or an estimate for a row not yet drawn). */
  readonly heightOf: (row: number) => number;
  readonly scrollTop: number;
  /** The visible height of the scroller. */
  readonly viewport: number;
  /** Rows rendered beyond each edge of the visible ones, so fast scrolling shows no gap. */
  readonly overscan: number;
}

export interface RowWindow {
  /** The first row rendered. */
  readonly start: number;
  /** One past the last row rendered. */
  readonly end: number;
  /** The height of the rows before `start`: a spacer keeps the scrollbar true. */
  readonly before: number;
  /** The height of the rows from `end` on. */
  readonly after: number;
}

/** The rows to render so that everything in the viewport (plus the overscan) is drawn. */
export function rowWindow(input: WindowInput): RowWindow {
  const { count, heightOf, scrollTop, viewport, overscan } = input;
  let top = 0;
  let first = 0;
  while (first < count && top + heightOf(first) <= scrollTop) {
    top += heightOf(first);
    first++;
  }
  let last = first;
  let bottom = top;
  while (last < count && bottom < scrollTop + viewport) {
    bottom += heightOf(last);
    last++;
  }
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, last + overscan);
  let before = 0;
  for (let row = 0; row < start; row++) before += heightOf(row);
  let after = 0;
  for (let row = end; row < count; row++) after += heightOf(row);
  return { start, end, before, after };
}

/** The pixel offset of a row's top edge. */
export function rowTop(row: number, heightOf: (row: number) => number): number {
  let top = 0;
  for (let index = 0; index < row; index++) top += heightOf(index);
  return top;
}

/**
 * The scroll position that brings a row fully into view, moving as little as possible; the
 * current one when the row is already visible.
 */
export function scrollToShow(
  row: number,
  heightOf: (row: number) => number,
  scrollTop: number,
  viewport: number,
): number {
  const top = rowTop(row, heightOf);
  const bottom = top + heightOf(row);
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewport) return Math.max(0, bottom - viewport);
  return scrollTop;
}
