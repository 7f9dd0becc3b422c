import { escapeHtml, html, Html, trustedHtml } from '../../src/http/html';

describe('html``', () => {
  it('escapes every interpolated string: & < > " \'', () => {
    expect(html`<p>${`Tom & "Jerry" <b>'s</b>`}</p>`.toString()).toBe('<p>Tom &amp; &quot;Jerry&quot; &lt;b&gt;&#39;s&lt;/b&gt;</p>');
  });

  it('keeps a script payload inert', () => {
    const out = html`<dd>${'<script>alert(1)</script>'}</dd>`.toString();
    expect(out).toBe('<dd>&lt;script&gt;alert(1)&lt;/script&gt;</dd>');
    expect(out).not.toContain('<script');
  });

  it('cannot be broken out of a quoted attribute', () => {
    const out = html`<input value="${'" autofocus onfocus="alert(1)'}">`.toString();
    expect(out).toBe('<input value="&quot; autofocus onfocus=&quot;alert(1)">');
    expect(out.match(/"/g)).toHaveLength(2);
  });

  it('passes Html made by html`` through unescaped, once', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(html`<p>${inner}</p>`.toString()).toBe('<p><b>&lt;i&gt;</b></p>');
  });

  it('joins arrays, escaping strings inside them and keeping Html', () => {
    const items = ['<a>', html`<br>`, 'b&c'];
    expect(html`<li>${items}</li>`.toString()).toBe('<li>&lt;a&gt;<br>b&amp;c</li>');
  });

  it('renders nothing for null, undefined and false, and numbers as text', () => {
    expect(html`[${null}${undefined}${false}${0}${12.5}]`.toString()).toBe('[012.5]');
  });

  it('refuses values its types do not allow, rather than printing them', () => {
    expect(() => html`${{ toString: () => '<script>' } as unknown as string}`).toThrow(TypeError);
    expect(() => html`${true as unknown as string}`).toThrow(TypeError);
  });

  it('does not let code outside the module wrap a string as Html', () => {
    const Ctor = Html as unknown as new (token: symbol, markup: string) => Html;
    expect(() => new Ctor(Symbol('Html'), '<script>alert(1)</script>')).toThrow(TypeError);
  });

  it('trustedHtml passes constant markup through', () => {
    expect(html`<p>${trustedHtml('&nbsp;<br>')}</p>`.toString()).toBe('<p>&nbsp;<br></p>');
  });

  it('escapeHtml leaves ordinary text alone', () => {
    expect(escapeHtml('Mon 23 Nov, 14:05')).toBe('Mon 23 Nov, 14:05');
  });
});
