import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** SHA-256 of a file, streamed so that a large PDF is never held whole in memory. */
export async function sha256File(absolutePath: string): Promise<string> {
  return (await hashWithHead(absolutePath, 0)).sha256;
}

export interface HashedFile {
  sha256: string;
  /** The first bytes of the file (at most the number asked for), for content sniffing without a second read. */
  head: Uint8Array;
  /** Bytes actually read: differs from the size found by stat when the file changed meanwhile. */
  bytesRead: number;
}

/** Streams a file once, hashing every chunk and keeping its first `headBytes` bytes. */
export function hashWithHead(absolutePath: string, headBytes: number): Promise<HashedFile> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    const head = Buffer.alloc(headBytes);
    let headLength = 0;
    let bytesRead = 0;
    const stream = createReadStream(absolutePath);
    stream.on('data', (data: string | Buffer) => {
      // No encoding is set, so chunks are always Buffers.
      const chunk = typeof data === 'string' ? Buffer.from(data) : data;
      hash.update(chunk);
      if (headLength < headBytes) headLength += chunk.copy(head, headLength, 0, Math.min(chunk.length, headBytes - headLength));
      bytesRead += chunk.length;
    });
    stream.on('error', reject);
    stream.on('end', () => resolve({ sha256: hash.digest('hex'), head: head.subarray(0, headLength), bytesRead }));
  });
}
