import { randomBytes } from 'node:crypto';
import type { AuditEntry, AuditLog } from '../src/audit/auditEntry';
import { BankHolidayCalendar } from '../src/calendar/bankHolidays';
import { AgencyDirectory } from '../src/concerns/agencies';
import { RedisConcernStore } from '../src/concerns/redisConcernStore';
import { defaultContentDir } from '../src/content/contentDir';
import { createLogger } from '../src/logging/logger';
import { createRedisClient } from '../src/storage/redisClient';
import { ConcernAlerts } from '../src/triage/concernAlerts';
import { TriageService } from '../src/triage/triageService';
import { concern } from './benchConcern';
import { percentile } from './percentile';

/**
 * What duty staff wait for: one agency's queue (GET /api/triage/concerns reads every concern and keeps
 * the agency's) and the alert poll's scan, with QUEUED concerns in Redis spread over the six agencies.
 */
const QUEUED = Number(process.env.BENCH_CONCERNS ?? 5000);
const ROUNDS = 40;

const noAudit: AuditLog = { append: async () => undefined, forRef: async () => [], recent: async (): Promise<AuditEntry[]> => [] };

async function time(name: string, run: () => Promise<unknown>): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(34)} p50 ${percentile(times, 50).toFixed(1)} ms  p99 ${percentile(times, 99).toFixed(1)} ms`);
}

async function main(): Promise<void> {
  const client = createRedisClient(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', createLogger('silent'));
  await client.connect();
  const prefix = `clearsight-bench:${randomBytes(4).toString('hex')}:`;
  try {
    const store = new RedisConcernStore(client, prefix);
    const contentDir = defaultContentDir();
    const agencies = AgencyDirectory.load(contentDir);
    const ids = agencies.all().map((a) => a.id);
    for (let i = 0; i < QUEUED; i++) await store.submit(concern({ agency: ids[i % ids.length]!, urgent: i % 10 === 0 }));
    const clock = { holidays: BankHolidayCalendar.load(contentDir), rules: { workingDays: 1, urgentMinutes: 60 } };
    const triage = new TriageService({ store, audit: noAudit, agencies, clock, claimMinutes: 60, now: () => new Date() });
    const caller = { staffId: 'bench-aaaa', agency: ids[0]!, role: 'duty' as const, name: 'Bench' };
    console.log(`${QUEUED} concerns in Redis over ${ids.length} agencies, ${ROUNDS} rounds each`);
    await time('one agency\u2019s queue (list)', () => triage.list(caller));
    await time('alert poll (pending over all)', () => new ConcernAlerts(store, clock).pending(new Date()));
  } finally {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) if (keys.length > 0) await client.del(keys);
    await client.close();
  }
}

void main();
