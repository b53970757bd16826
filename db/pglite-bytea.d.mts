export declare const pgliteByteaCodec: {
  parsers: { 17: (text: string) => Uint8Array };
  serializers: { 17: (value: unknown) => string };
};
