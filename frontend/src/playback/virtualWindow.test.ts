/** Tests the virtualised list's window: rows in view plus overscan, spacers that keep the scroll height. */
import { describe, expect, it } from "vitest";
import { rowTop, rowWindow, scrollToShow } from "./virtualWindow";

const twenty = (): number => 20;

describe("row window", () => {
  it("renders the rows in view and the overscan, with spacers for the rest", () => {
    const range = rowWindow({
      count: 10_000,
      heightOf: twenty,
      scrollTop: 2000,
      viewport: 200,
      overscan: 5,
    });
    expect(range).toEqual({ start: 95, end: 115, before: 95 * 20, after: (10_000 - 115) * 20 });
    expect(range.before + (range.end - range.start) * 20 + range.after).toBe(200_000);
  });

  it("clamps at the top and bottom", () => {
    expect(
      rowWindow({ count: 3, heightOf: twenty, scrollTop: 0, viewport: 500, overscan: 5 }),
    ).toEqual({ start: 0, end: 3, before: 0, after: 0 });
    const end = rowWindow({
      count: 100,
      heightOf: twenty,
      scrollTop: 1800,
      viewport: 200,
      overscan: 2,
    });
    expect(end.end).toBe(100);
    expect(end.start).toBe(88);
  });

  it("uses each row's own height", () => {
    const heightOf = (row: number): number => (row % 2 === 0 ? 10 : 30);
    expect(rowTop(3, heightOf)).toBe(50);
    const range = rowWindow({ count: 100, heightOf, scrollTop: 70, viewport: 40, overscan: 0 });
    expect(range.start).toBe(3);
    expect(range.end).toBe(6);
    expect(range.before).toBe(50);
  });
});

describe("scroll to show", () => {
  it("scrolls as little as needed and not at all when the row is visible", () => {
    expect(scrollToShow(5, twenty, 0, 200)).toBe(0);
    expect(scrollToShow(20, twenty, 0, 200)).toBe(220);
    expect(scrollToShow(2, twenty, 300, 200)).toBe(40);
  });
});
