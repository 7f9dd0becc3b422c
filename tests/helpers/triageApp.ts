import type { App, AppOptions } from '../../src/app';
import type { Concern } from '../../src/concerns/concern';
import type { ConcernStore } from '../../src/concerns/concernStore';
import { RedisConcernStore } from '../../src/concerns/redisConcernStore';
import { RedisAuditLog } from '../../src/audit/redisAuditLog';
import type { StaffRole } from '../../src/staff/staffAccount';
import { addStaffAccount, disableStaffAccount } from '../../src/staff/staffAdmin';
import { issueApiToken } from '../../src/staff/apiTokenAdmin';
import { RedisApiTokenStore } from '../../src/staff/redisApiTokenStore';
import { RedisStaffStore } from '../../src/staff/redisStaffStore';
import type { AuditLog } from '../../src/audit/auditEntry';
import { sampleConcern, testDueAt } from './concerns';
import { connectTestRedis, TEST_REDIS_URL, uniquePrefix } from './redis';
import { startTestApp, type LogCapture } from './testApp';

export interface StaffLogin {
  id: string;
  /** The console password (it does not open the JSON API). */
  password: string;
  /** An API token issued for the account (`cs_<id>_<secret>`), for `Authorization: Bearer …`. */
  token: string;
}

export interface TriageTestApp {
  url: string;
  app: App;
  logs: LogCapture;
  /** The app's own concern store (same Redis, same prefix). */
  store: ConcernStore;
  audit: AuditLog;
  prefix: string;
  redis: Awaited<ReturnType<typeof connectTestRedis>>['client'];
  /** Adds an account and issues it an API token, as `npm run staff -- add` and `token issue` do. */
  addStaff(agency: string, role?: StaffRole, name?: string): Promise<StaffLogin>;
  /** Another API token for an account, issued `at` (now unless given) for `days` (90); its id and the whole token. */
  issueToken(staffId: string, options?: { days?: number; at?: Date }): Promise<{ id: string; token: string }>;
  /** The app's own API token store (same Redis, same prefix). */
  tokens: RedisApiTokenStore;
  disableStaff(id: string): Promise<void>;
  /** Stored in the app's store; agency barnsley-front-door unless overridden. */
  seedConcern(overrides?: Partial<Concern>): Promise<Concern>;
  /** Fetch with a Bearer token: `api(login, '/api/triage/concerns', {method:'POST', body:{...}})`. */
  api(login: StaffLogin, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  stop(): Promise<void>;
}

/** The real service on a free port, on the real Redis under a key prefix of its own, with triage wired in (`options`: its content and clock). */
export async function startTriageApp(env: Record<string, string> = {}, options: AppOptions = {}): Promise<TriageTestApp> {
  const prefix = uniquePrefix();
  const running = await startTestApp({ REDIS_URL: TEST_REDIS_URL, REDIS_KEY_PREFIX: prefix, ...env }, options);
  const redis = await connectTestRedis();
  const store = new RedisConcernStore(redis.client, prefix, testDueAt);
  const staff = new RedisStaffStore(redis.client, prefix);
  const audit = new RedisAuditLog(redis.client, prefix);
  const tokens = new RedisApiTokenStore(redis.client, prefix);
  const issueToken = async (staffId: string, { days = 90, at = new Date() }: { days?: number; at?: Date } = {}) => {
    const issued = await issueApiToken({ staff, tokens, audit }, { staffId, label: 'test', days }, null, at);
    if ('refused' in issued) throw new Error(`no token for ${staffId}: ${issued.refused}`);
    return { id: issued.token.id, token: issued.bearer };
  };
  return {
    url: running.url,
    app: running.app,
    logs: running.logs,
    store,
    audit,
    prefix,
    redis: redis.client,
    tokens,
    issueToken,
    async addStaff(agency, role = 'duty', name = `Test ${role}`) {
      const { account, password } = await addStaffAccount({ staff, audit }, { agency, name, role }, null, new Date());
      return { id: account.id, password, token: (await issueToken(account.id)).token };
    },
    async disableStaff(id) {
      await disableStaffAccount({ staff, audit, tokens }, id, null, new Date());
    },
    async seedConcern(overrides = {}) {
      const concern = sampleConcern({ agency: 'barnsley-front-door', area: 'barnsley', ...overrides });
      await store.submit(concern);
      return concern;
    },
    api(login, path, init = {}) {
      return fetch(`${running.url}${path}`, {
        method: init.method ?? 'GET',
        headers: {
          authorization: `Bearer ${login.token}`,
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) }),
      });
    },
    async stop() {
      await running.stop();
      await redis.clean(prefix);
      await redis.close();
    },
  };
}
