import { MAX_FILE_BYTES, checkFile, contentTypeFor } from './upload';

describe('contentTypeFor', () => {
  it('decides by extension, since browsers report Office and CSV types inconsistently', () => {
    expect(contentTypeFor({ name: 'Budget 2025.XLSX', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(contentTypeFor({ name: 'kpis.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(contentTypeFor({ name: 'photo.jpeg', type: 'image/jpeg' })).toBe('image/jpeg');
    expect(contentTypeFor({ name: 'notes.txt', type: 'text/plain' })).toBeNull();
    expect(contentTypeFor({ name: 'fake.exe', type: 'application/pdf' })).toBeNull();
    expect(contentTypeFor({ name: 'scan', type: 'application/pdf' })).toBe('application/pdf');
  });
});

describe('checkFile', () => {
  const file = (size: number) => {
    const f = new File(['x'], 'a.pdf', { type: 'application/pdf' });
    Object.defineProperty(f, 'size', { value: size });
    return f;
  };
  it('accepts up to 10 MB and refuses beyond, empty files, and a 21st document', () => {
    expect(checkFile(file(MAX_FILE_BYTES), 1)).toEqual({ ok: true, contentType: 'application/pdf' });
    expect(checkFile(file(MAX_FILE_BYTES + 1), 1)).toMatchObject({
      ok: false,
      reason: 'This file is larger than 10 MB.',
    });
    expect(checkFile(file(0), 1)).toMatchObject({ ok: false });
    expect(checkFile(file(10), 0)).toMatchObject({
      ok: false,
      reason: 'An assessment can have at most 20 documents.',
    });
  });
});
