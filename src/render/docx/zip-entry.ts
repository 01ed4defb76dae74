/** One file of a zip package, uncompressed. */
export interface ZipEntry {
  /** Path inside the package with forward slashes, e.g. "word/document.xml". */
  name: string;
  data: Uint8Array;
}
