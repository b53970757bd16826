// Row ids are random (130 bits), url-safe; crypto.getRandomValues also works on plain-http pages
// where crypto.randomUUID is missing.

const ID_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'; // 32 symbols: one unbiased symbol per 5 bits

export function newRowId(): string {
  let id = 'r';
  for (const byte of crypto.getRandomValues(new Uint8Array(26))) id += ID_ALPHABET[byte & 31];
  return id;
}

export function isRowId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
