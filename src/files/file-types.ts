import path from 'node:path';
import type { DetectedContent } from './sniff';

/**
 * The file types impact-pack knows by extension: what the first bytes of such a file must look like
 * and the media type the manifest records. A pack may allow other extensions; their content is then
 * not checked.
 */
export interface KnownType {
  /** What the content sniffer must find for a file with this extension. */
  content: Exclude<DetectedContent, 'empty' | 'html' | 'binary'>;
  mediaType: string;
}

export const KNOWN_TYPES: Readonly<Record<string, KnownType>> = {
  pdf: { content: 'pdf', mediaType: 'application/pdf' },
  png: { content: 'png', mediaType: 'image/png' },
  jpg: { content: 'jpeg', mediaType: 'image/jpeg' },
  jpeg: { content: 'jpeg', mediaType: 'image/jpeg' },
  // Office Open XML and OpenDocument files are ZIP packages.
  docx: { content: 'zip', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { content: 'zip', mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { content: 'zip', mediaType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  odt: { content: 'zip', mediaType: 'application/vnd.oasis.opendocument.text' },
  ods: { content: 'zip', mediaType: 'application/vnd.oasis.opendocument.spreadsheet' },
  odp: { content: 'zip', mediaType: 'application/vnd.oasis.opendocument.presentation' },
  txt: { content: 'text', mediaType: 'text/plain' },
  csv: { content: 'text', mediaType: 'text/csv' },
  tsv: { content: 'text', mediaType: 'text/tab-separated-values' },
  md: { content: 'text', mediaType: 'text/markdown' },
};

/** What THE's portal and reviewers open without trouble: documents, images, spreadsheets and plain text. */
export const DEFAULT_ALLOWED_TYPES: readonly string[] = ['pdf', 'png', 'jpg', 'jpeg', 'docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'txt', 'csv'];

/** Media types of contents found by sniffing, for files whose content contradicts their extension. */
const CONTENT_MEDIA_TYPE: Record<DetectedContent, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
  html: 'text/html',
  text: 'text/plain',
  binary: 'application/octet-stream',
  empty: 'application/octet-stream',
};

/** The extension in lower case without the dot ("" when there is none). */
export function extensionOf(file: string): string {
  return path.posix.extname(file).slice(1).toLowerCase();
}

/** Whether the content fits the extension; unknown extensions fit anything. */
export function contentFitsExtension(extension: string, content: DetectedContent): boolean {
  const known = KNOWN_TYPES[extension];
  if (!known || content === 'empty') return true;
  return known.content === content;
}

/** The manifest's media type: the extension's unless the content says otherwise. */
export function mediaTypeOf(extension: string, content: DetectedContent): string {
  const known = KNOWN_TYPES[extension];
  if (known && contentFitsExtension(extension, content)) return known.mediaType;
  if (content === 'empty' || content === 'binary') return known?.mediaType ?? 'application/octet-stream';
  return CONTENT_MEDIA_TYPE[content];
}

/** How a coordinator would name the content, for messages. */
export function describeContent(content: DetectedContent): string {
  switch (content) {
    case 'pdf':
      return 'a PDF';
    case 'png':
      return 'a PNG image';
    case 'jpeg':
      return 'a JPEG image';
    case 'zip':
      return 'a ZIP package (the format of .docx, .xlsx, .pptx and OpenDocument files)';
    case 'html':
      return 'an HTML web page (often a saved login or error page)';
    case 'text':
      return 'plain text';
    case 'binary':
      return 'binary data of an unknown kind';
    case 'empty':
      return 'empty';
  }
}
