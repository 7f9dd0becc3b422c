import type { SqliteDatabase } from '../storage/sqliteDatabase';
import type { IndicatorArea } from './indicatorMeasures';
import { isIndicatorArea, monthsBetween, nonZero, type Increments, type IndicatorStore, type StoredCount } from './indicatorStore';

/** The counters in the embedded database: `indicator_counts`, one row per month, area and measure. */
export class SqliteIndicatorStore implements IndicatorStore {
  private readonly addAll;
  private readonly select;

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS indicator_counts (
        month TEXT NOT NULL,
        area TEXT NOT NULL,
        measure TEXT NOT NULL,
        value INTEGER NOT NULL,
        PRIMARY KEY (month, area, measure)
      ) STRICT;
    `);
    const upsert = db.prepare<[string, string, string, number]>(
      'INSERT INTO indicator_counts (month, area, measure, value) VALUES (?, ?, ?, ?) ON CONFLICT (month, area, measure) DO UPDATE SET value = value + excluded.value',
    );
    this.addAll = db.transaction((month: string, area: string, counts: [string, number][]) => {
      for (const [measure, by] of counts) upsert.run(month, area, measure, by);
    });
    this.select = db.prepare<[string, string], StoredCount>('SELECT month, area, measure, value FROM indicator_counts WHERE month >= ? AND month <= ? ORDER BY month, area, measure');
  }

  async add(month: string, area: IndicatorArea, increments: Increments): Promise<void> {
    monthsBetween(month, month);
    const counts = nonZero(increments);
    if (counts.length > 0) this.addAll(month, area, counts);
  }

  async read(from: string, to: string): Promise<StoredCount[]> {
    monthsBetween(from, to);
    return this.select.all(from, to).filter((row) => isIndicatorArea(row.area));
  }
}
