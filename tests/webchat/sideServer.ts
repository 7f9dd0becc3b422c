import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny web site on its own port (so its own origin): a council page that embeds the chat, or the exit site. */
export interface SideServer {
  origin: string;
  /** Paths requested (with their query strings), in order. */
  visits: string[];
  close(): Promise<void>;
}

/** Serves fixed HTML pages by path; anything else is 404. Port 0 picks a free port. */
export async function startSideServer(pages: Record<string, string>, port = 0): Promise<SideServer> {
  const visits: string[] = [];
  const server = createServer((req, res) => {
    const { pathname: path, search } = new URL(req.url ?? '/', 'http://side.invalid');
    visits.push(path + search);
    req.resume();
    const page = pages[path];
    res.writeHead(page === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(page ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    visits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The page quick exit goes to (WEBCHAT_EXIT_URL points here). */
export const EXIT_PAGE = '<!DOCTYPE html><html lang="en"><head><title>Weather</title></head><body><h1>Weather</h1></body></html>';

/** A council's own page with the one-line embed tag pointing at the chat service. */
export function councilPage(chatUrl: string, colours = { colour: '#00703c', text: '#ffffff' }): string {
  return `<!DOCTYPE html><html lang="en-GB"><head><title>A council</title></head><body>
<main><h1>Keeping children safe</h1><p>Our council page.</p></main>
<script src="${chatUrl}/embed.js" data-title="Worried about a child?" data-colour="${colours.colour}" data-text-colour="${colours.text}" data-position="left" async></script>
</body></html>`;
}
