/** Values from 1 to this are not published: few enough to point at a child, a family or a reporter. */
export const SMALL_NUMBER = 4;

/** A figure to publish: its value, and whether it is held back. */
export interface Cell {
  value: number;
  suppressed: boolean;
}

/** A published total and the published parts that add up to it: from any all but one, the last can be worked out. */
export interface Sum {
  total: Cell;
  parts: readonly Cell[];
}

/** Primary suppression: every value from 1 to SMALL_NUMBER is held back (0 is shown: nobody to point at). */
export function suppressSmall(cells: Iterable<Cell>): void {
  for (const cell of cells) if (cell.value >= 1 && cell.value <= SMALL_NUMBER) cell.suppressed = true;
}

/**
 * Secondary suppression: wherever a sum has exactly one held-back figure (a part, or the total), it could
 * be worked out from the others, so one more is held back: the smallest part above 0 that is shown, else
 * the smallest part shown, else the total. Repeated until no sum gives any figure away, since holding one
 * back can expose another sum it belongs to.
 */
export function suppressComplements(sums: readonly Sum[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const { total, parts } of sums) {
      const hidden = [total, ...parts].filter((c) => c.suppressed).length;
      if (hidden !== 1) continue;
      const shown = parts.filter((c) => !c.suppressed).sort((a, b) => a.value - b.value);
      const next = shown.find((c) => c.value > 0) ?? shown[0] ?? total;
      next.suppressed = true;
      changed = true;
    }
  }
}
