/** Test support for the CLI: an Io that records what a command prints and feeds it standard input. */
import type { Io } from './io.ts';

export function captureIo(stdin = ''): Io & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout(t: string) {
      io.out += t;
    },
    stderr(t: string) {
      io.err += t;
    },
    readStdin: () => stdin,
  };
  return io;
}
