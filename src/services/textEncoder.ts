/**
 * WeChat's JavaScript engine has no TextEncoder (a web API, not the language's), and lean-qr makes
 * one when it loads. The weapp build hands lean-qr this one in its place (config/index.ts,
 * webpack's ProvidePlugin), so the module loads; the card's member codes are digits, drawn in
 * numeric mode, so text reaches it only in other uses. UTF-8 by the language's own URI encoding.
 */
export class TextEncoder {
  // a getter, not a class field: a field brings in Babel's defineProperty helpers (≈ 1.4 KB of the main package)
  get encoding(): string {
    return 'utf-8';
  }

  encode(text = ''): Uint8Array {
    const bytes = unescape(encodeURIComponent(text));
    const out = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 1) out[i] = bytes.charCodeAt(i);
    return out;
  }
}
