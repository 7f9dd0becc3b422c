import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { registeredNames } from './promText';

const deploy = (file: string) => readFileSync(join(__dirname, '..', '..', 'deploy', file), 'utf8');

interface Panel {
  title: string;
  type: string;
  targets?: Array<{ expr: string }>;
}

describe('deploy/grafana-dashboard.json', () => {
  const dashboard = JSON.parse(deploy('grafana-dashboard.json')) as { panels: Panel[] };
  const panels = dashboard.panels.filter((p) => p.type !== 'row');

  it('has a query on every panel, and every metric a query names is one the registry has', async () => {
    const names = new Set(await registeredNames());
    const known = (metric: string) => names.has(metric) || names.has(metric.replace(/_(bucket|sum|count)$/, ''));
    expect(panels.length).toBeGreaterThanOrEqual(10);
    for (const panel of panels) {
      expect(panel.targets?.length ?? 0).toBeGreaterThan(0);
      for (const { expr } of panel.targets ?? []) {
        const metrics = expr.match(/\b(?:clearsight|process|nodejs)_[a-z0-9_]+\b/g) ?? [];
        expect({ panel: panel.title, metrics: metrics.length > 0 }).toEqual({ panel: panel.title, metrics: true });
        expect({ panel: panel.title, unknown: metrics.filter((m) => !known(m)) }).toEqual({ panel: panel.title, unknown: [] });
      }
    }
  });

  it('shows what on-call needs: every service metric appears on some panel', async () => {
    const exprs = panels.flatMap((p) => (p.targets ?? []).map((t) => t.expr)).join('\n');
    const service = (await registeredNames()).filter((n) => n.startsWith('clearsight_') && n !== 'clearsight_concerns_count_capped');
    expect(service.filter((name) => !exprs.includes(name))).toEqual([]);
    expect(exprs).toMatch(/process_resident_memory_bytes/);
    expect(exprs).toMatch(/nodejs_eventloop_lag/);
  });
});

describe('deploy/prometheus.yml', () => {
  it('scrapes /metrics with the bearer token read from a file, never written in the config', () => {
    const config = parse(deploy('prometheus.yml')) as { scrape_configs: Array<Record<string, unknown>> };
    const job = config.scrape_configs.find((c) => c.job_name === 'clearsight');
    expect(job).toMatchObject({ metrics_path: '/metrics', authorization: { type: 'Bearer', credentials_file: expect.any(String) } });
    expect(job?.authorization).not.toHaveProperty('credentials');
    expect(job).not.toHaveProperty('bearer_token');
  });
});
