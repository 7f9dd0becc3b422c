import { join } from 'node:path';
import { z } from 'zod';
import { loadYaml } from '../content/loadYaml';

const serviceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  contact: z.string().min(1),
  when: z.string().min(1),
  source: z.url(),
});

const fileSchema = z.strictObject({
  owner: z.string().min(1),
  reviewed: z.iso.date(),
  services: z.array(serviceSchema).min(1),
});

export type Service = z.infer<typeof serviceSchema>;

/** The services the bot can point people to, by id. */
export class ServiceDirectory {
  private readonly byId: ReadonlyMap<string, Service>;

  constructor(services: readonly Service[]) {
    const byId = new Map<string, Service>();
    for (const s of services) {
      if (byId.has(s.id)) throw new Error(`services: duplicate id ${s.id}`);
      byId.set(s.id, s);
    }
    this.byId = byId;
  }

  static load(contentDir: string): ServiceDirectory {
    return new ServiceDirectory(loadYaml(join(contentDir, 'services.yaml'), fileSchema).services);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): Service {
    const service = this.byId.get(id);
    if (!service) throw new Error(`services: unknown id ${id}`);
    return service;
  }

  /** One line per service, short enough for SMS: "Childline (under 19): 0800 1111. Any time, free." */
  describe(ids: readonly string[]): string {
    return ids.map((id) => this.get(id)).map((s) => `• ${s.name}: ${s.contact}. ${s.when}`).join('\n');
  }
}
