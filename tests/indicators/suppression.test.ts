import { suppressComplements, suppressSmall, type Cell } from '../../src/indicators/suppression';

const cells = (...values: number[]): Cell[] => values.map((value) => ({ value, suppressed: false }));
const hidden = (list: Cell[]) => list.map((c) => c.suppressed);

describe('primary suppression', () => {
  it('holds back 1 to 4 and shows 0 and 5 upwards', () => {
    const list = cells(0, 1, 2, 3, 4, 5, 120);
    suppressSmall(list);
    expect(hidden(list)).toEqual([false, true, true, true, true, false, false]);
  });
});

describe('secondary suppression', () => {
  it('a lone hidden part is joined by the smallest shown part above 0, so it cannot be worked out from the total', () => {
    const [total, ...parts] = cells(30, 3, 0, 12, 15) as [Cell, ...Cell[]];
    suppressSmall([total, ...parts]);
    suppressComplements([{ total, parts }]);
    expect(hidden([total, ...parts])).toEqual([false, true, false, true, false]);
    // Nothing hidden can now be recovered: 30 - 0 - 15 = 15 is the sum of two hidden parts, not either.
  });

  it('a hidden total with every part shown hides a part too', () => {
    const [total, ...parts] = cells(3, 0, 0, 0) as [Cell, ...Cell[]];
    total.suppressed = true;
    suppressComplements([{ total, parts }]);
    expect(hidden([total, ...parts]).filter(Boolean)).toHaveLength(2);
  });

  it('keeps going where a cell hidden for one sum exposes another sum it is in', () => {
    // Area A: subjects 2 + 10 = 12; the 10 is hidden to protect the 2. In South Yorkshire, 10 (area A's
    // "child") + 20 (area B's) = 30: with A's hidden alone, it could be worked out; B's is hidden too.
    const aTotal = { value: 12, suppressed: false };
    const aChild = { value: 10, suppressed: false };
    const aPlace = { value: 2, suppressed: false };
    const bChild = { value: 20, suppressed: false };
    const allChild = { value: 30, suppressed: false };
    suppressSmall([aTotal, aChild, aPlace, bChild, allChild]);
    suppressComplements([
      { total: aTotal, parts: [aChild, aPlace] },
      { total: allChild, parts: [aChild, bChild] },
    ]);
    expect([aPlace.suppressed, aChild.suppressed, bChild.suppressed]).toEqual([true, true, true]);
    expect([aTotal.suppressed, allChild.suppressed]).toEqual([false, false]);
  });

  it('leaves a sum with two or more hidden figures, or none, as it is', () => {
    const [total, ...parts] = cells(10, 2, 3, 5) as [Cell, ...Cell[]];
    suppressSmall([total, ...parts]);
    suppressComplements([{ total, parts }]);
    expect(hidden([total, ...parts])).toEqual([false, true, true, false]);
    const clear = cells(20, 10, 10);
    suppressComplements([{ total: clear[0]!, parts: clear.slice(1) }]);
    expect(hidden(clear)).toEqual([false, false, false]);
  });
});
