/** The console's session cookie: `__Host-` (Secure, Path=/, no Domain) behind TLS, a plain name on local http. */
export class StaffCookie {
  readonly name: string;

  constructor(private readonly secure: boolean) {
    this.name = secure ? '__Host-clearsight-staff' : 'clearsight-staff';
  }

  /** HttpOnly (no script can read it), SameSite=Strict (no other site can send it), no Max-Age (gone when the browser closes). */
  set(token: string): string {
    return `${this.name}=${token}; Path=/; HttpOnly; SameSite=Strict${this.secure ? '; Secure' : ''}`;
  }

  clear(): string {
    return `${this.name}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0${this.secure ? '; Secure' : ''}`;
  }

  /** The token from a Cookie header, if it has ours. */
  read(header: string | undefined): string | undefined {
    if (!header) return undefined;
    for (const part of header.split(';')) {
      const eq = part.indexOf('=');
      if (eq > 0 && part.slice(0, eq).trim() === this.name) {
        const value = part.slice(eq + 1).trim();
        return /^[A-Za-z0-9_-]{20,100}$/.test(value) ? value : undefined;
      }
    }
    return undefined;
  }
}
