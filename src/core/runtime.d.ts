// The few web-platform globals that exist identically in browsers, Web Workers and Node ≥ 18, which
// the core may use. Everything else of the DOM stays out of reach (lib is ES2022, types []).
declare function atob(data: string): string;
declare function btoa(data: string): string;
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare const performance: { now(): number };
declare function structuredClone<T>(value: T): T;
