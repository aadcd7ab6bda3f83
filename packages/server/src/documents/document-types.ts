import { FerryError } from '@ferry/core';

/** The document types a project accepts, by extension, with how to recognise their content. */
const documentTypes: Record<string, { contentType: string; text?: true; magic?: Buffer }> = {
  md: { contentType: 'text/markdown; charset=utf-8', text: true },
  txt: { contentType: 'text/plain; charset=utf-8', text: true },
  csv: { contentType: 'text/csv; charset=utf-8', text: true },
  json: { contentType: 'application/json', text: true },
  pdf: { contentType: 'application/pdf', magic: Buffer.from('%PDF-') },
  png: { contentType: 'image/png', magic: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  jpg: { contentType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
  jpeg: { contentType: 'image/jpeg', magic: Buffer.from([0xff, 0xd8, 0xff]) },
};

export const acceptedExtensions = Object.keys(documentTypes);

/**
 * Checks an uploaded file's name: a plain name with an accepted extension. Anything that could name a path
 * (`/`, `\`, `..`, a leading dot, control characters) is refused, never cleaned up.
 */
export function checkDocumentName(name: string): { extension: string; contentType: string } {
  const control = [...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  if (!name || name.length > 200 || control || /[/\\]/.test(name) || name.includes('..') || name.startsWith('.')) {
    throw new FerryError(
      'FERRY_ERR_INPUT',
      'The file name must be a plain name (no folders, no "..", no leading dot), up to 200 characters',
      { field: 'file' },
    );
  }
  const extension = name.split('.').pop()!.toLowerCase();
  const type = documentTypes[extension];
  if (!type || !name.includes('.')) {
    throw new FerryError('FERRY_ERR_INPUT', `Accepted document types: ${acceptedExtensions.join(', ')}`, {
      field: 'file',
    });
  }
  return { extension, contentType: type.contentType };
}

/** Checks that the content is what the extension says: the magic bytes of binary types, UTF-8 without NUL for text. */
export function checkDocumentContent(extension: string, head: Buffer, whole?: Buffer): void {
  const type = documentTypes[extension]!;
  if (type.magic && !head.subarray(0, type.magic.length).equals(type.magic)) {
    throw new FerryError('FERRY_ERR_INPUT', `The content is not a ${extension} file`, { field: 'file' });
  }
  if (type.text && whole) {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(whole);
    } catch {
      text = '\u0000';
    }
    if (text.includes('\u0000'))
      throw new FerryError('FERRY_ERR_INPUT', `A .${extension} document must be UTF-8 text`, { field: 'file' });
  }
}
