import type { SqliteDatabase } from '../storage/sqliteDatabase';
import { API_TOKEN_ID, type ApiToken } from './apiToken';
import { ApiTokenExistsError, apiTokenRecordSchema, byCreatedThenId, validTokenRecord, type ApiTokenRecord, type ApiTokenStore } from './apiTokenStore';
import { STAFF_ID } from './staffAccount';
import { CorruptStaffError } from './staffStore';

interface Row {
  id: string;
  staff_id: string;
  label: string;
  created_at: string;
  expires_at: string;
  last_used_day: string | null;
  revoked_at: string | null;
  secret_hash: string;
}

/**
 * API tokens in the embedded database: table `api_tokens`, one row per token, with the secret's SHA-256
 * (never the secret). Every row read back is parsed by the schema; every call reads afresh, so a token the
 * operator CLI issues or revokes through its own connection counts at once.
 */
export class SqliteApiTokenStore implements ApiTokenStore {
  private readonly insert;
  private readonly selectOne;
  private readonly selectFor;
  private readonly revokeOne;
  private readonly revokeFor;
  private readonly used;

  constructor(db: SqliteDatabase) {
    db.exec(`
      CREATE TABLE IF NOT EXISTS api_tokens (
        id TEXT PRIMARY KEY,
        staff_id TEXT NOT NULL,
        label TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        last_used_day TEXT,
        revoked_at TEXT,
        secret_hash TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS api_tokens_by_staff ON api_tokens (staff_id);
    `);
    this.insert = db.prepare<[string, string, string, string, string, string]>(
      'INSERT INTO api_tokens (id, staff_id, label, created_at, expires_at, secret_hash) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
    );
    this.selectOne = db.prepare<[string], Row>('SELECT * FROM api_tokens WHERE id = ?');
    this.selectFor = db.prepare<[string], Row>('SELECT * FROM api_tokens WHERE staff_id = ?');
    this.revokeOne = db.prepare<[string, string]>('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL');
    this.revokeFor = db.prepare<[string, string]>('UPDATE api_tokens SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL');
    this.used = db.prepare<[string, string]>('UPDATE api_tokens SET last_used_day = ? WHERE id = ?');
  }

  async add(record: ApiTokenRecord): Promise<void> {
    const { token, secretHash } = validTokenRecord(record);
    // A new token is never used or revoked yet: those columns start null.
    const { changes } = this.insert.run(token.id, token.staffId, token.label, token.createdAt, token.expiresAt, secretHash);
    if (changes !== 1) throw new ApiTokenExistsError(`API token id already taken: ${token.id}`);
  }

  async get(id: string): Promise<ApiTokenRecord | undefined> {
    // The id comes from a Bearer header: anything that is not an id is no token.
    if (!API_TOKEN_ID.test(id)) return undefined;
    const row = this.selectOne.get(id);
    return row ? recordOf(row) : undefined;
  }

  async listFor(staffId: string): Promise<ApiToken[]> {
    if (!STAFF_ID.test(staffId)) return [];
    return this.selectFor.all(staffId).map((row) => recordOf(row).token).sort(byCreatedThenId);
  }

  async revoke(id: string, at: Date): Promise<ApiToken | undefined> {
    if (!API_TOKEN_ID.test(id)) return undefined;
    this.revokeOne.run(at.toISOString(), id);
    return (await this.get(id))?.token;
  }

  async revokeAllFor(staffId: string, at: Date): Promise<number> {
    return this.revokeFor.run(at.toISOString(), staffId).changes;
  }

  async markUsed(id: string, day: string): Promise<void> {
    this.used.run(day, id);
  }
}

function recordOf(row: Row): ApiTokenRecord {
  const parsed = apiTokenRecordSchema.safeParse({
    token: { id: row.id, staffId: row.staff_id, label: row.label, createdAt: row.created_at, expiresAt: row.expires_at, lastUsedDay: row.last_used_day, revokedAt: row.revoked_at },
    secretHash: row.secret_hash,
  });
  if (!parsed.success) throw new CorruptStaffError(`api_tokens table, id ${row.id}: does not match the schema (${parsed.error.issues.map((i) => i.path.join('.')).join('; ')})`);
  return parsed.data;
}
